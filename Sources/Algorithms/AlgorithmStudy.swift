import SearchSpace
import Statistics
import Support

/// How many seeded runs, over how many queries, and which path lengths place algorithms on the map.
public struct AlgorithmStudySettings: Sendable, Equatable {
    public var runs: Int
    /// Queries shown by the fixed-budget curves and allowed for the ERT.
    public var budget: Int
    /// Path lengths of the reach–improvability runs (ascending), as for the operators.
    public var pathLengths: [Int]
    public var bootstrapReplicates: Int

    public init(runs: Int = 200, budget: Int = 300, pathLengths: [Int] = [1, 2, 5, 10, 20, 50, 100],
                bootstrapReplicates: Int = 1000) {
        precondition(runs > 1 && budget > 0 && bootstrapReplicates >= 0)
        precondition(!pathLengths.isEmpty && pathLengths == pathLengths.sorted() && pathLengths[0] > 0)
        self.runs = runs
        self.budget = budget
        self.pathLengths = pathLengths
        self.bootstrapReplicates = bootstrapReplicates
    }
}

/// Runs every algorithm on every landscape and summarises the runs.
///
/// Randomness: run r of algorithm a on metric m draws from
/// `SeededGenerator(seed).stream(key(m)).stream(key(a)).stream(key("runs")).stream(r)` (key = FNV-1a of the
/// name), runs from start group g from `….stream(key("start:" + g)).stream(r)`, so results depend on
/// neither the thread count nor the order of the lists.
public enum AlgorithmStudy {
    /// Runs per work item: each item reuses one run's buffers.
    static let runsPerItem = 20

    /// Measurements in landscape-major order: for each landscape, one per algorithm.
    public static func measure(_ algorithms: [any SearchAlgorithm], on landscapes: [SearchLandscape],
                               settings: AlgorithmStudySettings = AlgorithmStudySettings(), seed: UInt64,
                               threads: Int) -> [AlgorithmMeasurement] {
        precondition(Set(landscapes.map(\.metric)).count == landscapes.count, "metric names key the random streams")
        let root = SeededGenerator(seed: seed)
        let blocks = (settings.runs + runsPerItem - 1) / runsPerItem
        struct Item: Sendable { let landscape: Int, algorithm: Int, group: Int?, block: Int }
        // Per (landscape, algorithm): the runs until the global maximum (group nil), then each start group's.
        let items = landscapes.indices.flatMap { landscape in
            algorithms.indices.flatMap { algorithm in
                groupSlots(landscapes[landscape]).flatMap { group in
                    (0..<blocks).map { Item(landscape: landscape, algorithm: algorithm, group: group, block: $0) }
                }
            }
        }
        enum Output: Sendable { case untilMaximum([RunRecord]), started([StartedRunRecord]) }
        let outputs = Parallel.map(count: items.count, threads: threads) { index -> Output in
            let item = items[index]
            let landscape = landscapes[item.landscape], algorithm = algorithms[item.algorithm]
            let runs = item.block * runsPerItem ..< min(settings.runs, (item.block + 1) * runsPerItem)
            let streams = algorithmStream(root, landscape: landscape, algorithm: algorithm)
            if let group = item.group {
                let startGroup = landscape.startGroups[group]
                return .started(runFromGroup(algorithm, startGroup, on: landscape, runs: runs,
                                             pathLengths: settings.pathLengths,
                                             streams: streams.stream(StableKey.of("start:" + startGroup.name))))
            }
            return .untilMaximum(runUntilGlobalMaximum(algorithm, on: landscape, runs: runs, budget: settings.budget,
                                                       streams: streams.stream(StableKey.of("runs"))))
        }
        // Outputs are in item order: per pair, `blocks` items of runs until the maximum, then per group.
        let pairs = landscapes.indices.flatMap { landscape in algorithms.indices.map { (landscape, $0) } }
        let firstItems = pairs.reduce(into: [0]) { starts, pair in
            starts.append(starts.last! + groupSlots(landscapes[pair.0]).count * blocks)
        }
        return Parallel.map(count: pairs.count, threads: threads) { pair in
            let (landscape, algorithm) = (landscapes[pairs[pair].0], algorithms[pairs[pair].1])
            var records: [RunRecord] = []
            var started: [[StartedRunRecord]] = Array(repeating: [], count: landscape.startGroups.count)
            for (offset, output) in outputs[firstItems[pair] ..< firstItems[pair + 1]].enumerated() {
                switch output {
                case .untilMaximum(let block): records += block
                case .started(let block): started[offset / blocks - 1] += block
                }
            }
            return summarise(algorithm, on: landscape, records: records, started: started, settings: settings,
                             streams: algorithmStream(root, landscape: landscape, algorithm: algorithm))
        }
    }

    private static func groupSlots(_ landscape: SearchLandscape) -> [Int?] {
        [nil] + landscape.startGroups.indices.map { $0 }
    }

    static func algorithmStream(_ root: SeededGenerator, landscape: SearchLandscape,
                                algorithm: any SearchAlgorithm) -> SeededGenerator {
        root.stream(StableKey.of(landscape.metric)).stream(StableKey.of(algorithm.id.rawValue))
    }

    /// Runs `runs` until the global maximum, run r from `streams.stream(r)`.
    public static func runUntilGlobalMaximum(_ algorithm: any SearchAlgorithm, on landscape: SearchLandscape,
                                             runs: Range<Int>, budget: Int, streams: SeededGenerator) -> [RunRecord] {
        var run = SearchRun(untilGlobalMaximumOf: landscape, budget: budget, generator: streams)
        return runs.map { index in
            run.reset(generator: streams.stream(UInt64(index)))
            algorithm.search(&run)
            return run.record
        }
    }

    /// Runs `runs` from `group` for the longest path length, run r from `streams.stream(r)`.
    public static func runFromGroup(_ algorithm: any SearchAlgorithm, _ group: StartCells, on landscape: SearchLandscape,
                                    runs: Range<Int>, pathLengths: [Int], streams: SeededGenerator) -> [StartedRunRecord] {
        var run = SearchRun(from: group, of: landscape, pathLengths: pathLengths, generator: streams)
        return runs.map { index in
            run.reset(generator: streams.stream(UInt64(index)))
            algorithm.search(&run)
            return run.startedRecord
        }
    }

    static func summarise(_ algorithm: any SearchAlgorithm, on landscape: SearchLandscape, records: [RunRecord],
                          started: [[StartedRunRecord]], settings: AlgorithmStudySettings,
                          streams: SeededGenerator) -> AlgorithmMeasurement {
        let targets = landscape.targets.enumerated().map { index, target in
            FixedTargetSummary(target: target, runtimes: records.map { $0.runtimes[index] }, budget: settings.budget,
                               bootstrapReplicates: settings.bootstrapReplicates,
                               generator: streams.stream(StableKey.of("ert:" + target.label)))
        }
        var points: [ReachImprovabilityPoint] = []
        for (group, runs) in zip(landscape.startGroups, started) {
            for (checkpoint, length) in settings.pathLengths.enumerated() {
                let reach = runs.map { Double($0.distanceMoved[checkpoint]) / Double(length) }
                let gain = runs.map { $0.fitnessGained[checkpoint] / Double(length) }
                let scale = Double(runs.count).squareRoot()
                points.append(ReachImprovabilityPoint(
                    group: group.name, pathLength: length, runs: runs.count,
                    effectiveReach: Descriptive.mean(reach),
                    reachStandardError: Descriptive.standardDeviation(reach) / scale,
                    meanImprovability: Descriptive.mean(gain),
                    improvabilityStandardError: Descriptive.standardDeviation(gain) / scale))
            }
        }
        return AlgorithmMeasurement(
            algorithm: algorithm.id, parameters: algorithm.parameters, metric: landscape.metric,
            runs: records.count, budget: settings.budget,
            fixedBudget: FixedBudgetCurve(bestSoFar: records.map(\.bestSoFar), maximumFitness: landscape.maximumFitness),
            fixedTargets: targets, reachImprovability: points,
            meanIterations: Descriptive.mean(records.map { Double($0.iterations) }),
            meanRestarts: Descriptive.mean(records.map { Double($0.restarts) }))
    }
}
