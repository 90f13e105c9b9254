import SearchSpace
import Statistics

/// Runs both experiments of science.md for a set of operators on one fitness function.
///
/// Which engine computes a row:
/// - `always` + isotropic operator: the spectral engine (exact, every group incl. deciles);
/// - `always` + `op-kernel`: the product-kernel engine (exact, every group);
/// - fitness-dependent rule + `k-edit(k)`, k ≤ `dynamicProgrammingMaxK`: dynamic programming (exact, every group);
///   larger k: the one- and two-step tables, then `SphereAcceptanceChain` up to `exactChainMaxLength` (exact,
///   every group), Monte Carlo beyond;
/// - fitness-dependent rule + any other isotropic operator at L = 1 and 2: the one- and two-step tables (exact,
///   every group); `uniform` at longer L: `UniformAcceptanceChain` (exact, every group), once the tables exist;
/// - any other fixed-length row: Monte Carlo on `top10`, `bottom10`, `all` (isotropic operators under a
///   fitness-dependent rule: the control variate Σ_{t<L} g(X_t) of the one-step tables instead of f(X_L) − f(x);
///   other Metropolis walks: each step averaged over its acceptance draw);
/// - fixed threshold: exact under `always` (Krylov solve, `HittingTimes`) and, for distance laws wherever no
///   cell below θ is stuck, under `improving` and `non-worsening` (`MonotoneHittingTimes`); Monte Carlo with a
///   cap otherwise.
/// Monte Carlo starts are a stratified sample by fitness (`StratifiedStarts`), drawn afresh for every
/// operator so that the operators' errors are independent (what the reliability assumes); every walk has
/// its own stream keyed by operator index, rule, setting, group and walk. The walks per group come from
/// the precision target (`WalkBudget`).
public struct ImprovabilityExperiment: Sendable {
    public let fitness: FitnessFunction
    public let settings: SearchSettings
    public let groups: [StartGroup]
    public let thresholds: [ThresholdSetting]
    let spectral: SpectralEngine
    let orderMeans: [[Double]]
    let operationCounts: [[Double]]
    /// Differences below this count as no change when deciding "improved" on exact rows (rounding noise).
    let changeTolerance: Double
    let pathLengths: [Int]
    let oneStepTables: [AcceptanceRule: OneStepTables]
    /// The two-step tables of the same rules, when the experiment also has L = 2.
    let twoStepTables: [AcceptanceRule: TwoStepTables]
    /// `improving` and `non-worsening` hitting times, one per threshold (built with the one-step tables).
    let monotoneHittingTimes: [AcceptanceRule: [MonotoneHittingTimes]]
    /// The chains of large-k `k-edit` under the fitness-dependent rules (built with the one-step tables).
    let chains: [AcceptanceRule: SphereAcceptanceChain]
    /// Per k and rule, the exact results of `k-edit(k)` at `chainedLengths` (`kEditChains`).
    typealias KEditChainResults = [Int: [AcceptanceRule: [(expected: [Double], moved: [Double])]]]
    /// One per threshold, in `thresholds` order.
    let hittingTimes: [HittingTimes]
    /// The hypothesis groups' members in fitness order, cut into strata by `StratifiedStarts`.
    let groupIndices: [Int]
    /// Each group's members in `StratifiedStarts.fitnessOrder`, sorted once for every operator's samples.
    let fitnessOrderedMembers: [[Int]]
    /// Walks per group of each rule's Monte Carlo fixed-length rows; nil until `budgeted(for:)` ran the
    /// pilot (then `rows` runs it itself).
    public private(set) var walkBudget: WalkBudget?

    public init(fitness: FitnessFunction, settings: SearchSettings = .default) {
        self.fitness = fitness
        self.settings = settings
        groups = StartGroup.standard(for: fitness, deciles: settings.deciles)
        thresholds = ThresholdSetting.standard(for: fitness, percentiles: settings.thresholdPercentiles)
        let spectral = SpectralEngine(fitness: fitness)
        self.spectral = spectral
        orderMeans = groups.map { spectral.orderMeans(over: $0.members) }
        operationCounts = groups.map { ProductKernelEngine.operationCounts(of: $0.members) }
        changeTolerance = 1e-12 * (fitness.values.map(abs).max() ?? 0)
        pathLengths = Array(Set(settings.pathLengths)).sorted()
        let tables = ImprovabilityExperiment.stepTables(fitness: fitness, settings: settings, thresholds: thresholds)
        (oneStepTables, twoStepTables, monotoneHittingTimes, chains) = (tables.oneStep, tables.twoStep, tables.monotoneHitting, tables.chains)
        let solvesHittingTimes = settings.acceptanceRules.contains(.always)
        let groups = groups
        groupIndices = groups.indices.filter { StartGroupID.hypothesisGroups.contains(groups[$0].id) }
        let values = fitness.values
        fitnessOrderedMembers = groups.map { StratifiedStarts.fitnessOrder($0.members, fitness: values) }
        hittingTimes = thresholds.map { threshold in
            let solver = HittingTimes(fitness: fitness, threshold: threshold.value)
            return solvesHittingTimes ? solver.withReferenceSolutions(threads: settings.threads) : solver
        }
    }

    /// Every row for every operator, in operator order then rule order; parallel over operators.
    public func rows(for operators: [SearchOperator]) -> [ImprovabilityRow] {
        rows(for: operators, in: operators.indices)
    }

    /// The distance-k tables the dynamic programming needs, built once and shared.
    func sphereTables(for operators: [SearchOperator]) -> [Int: [Int32]] {
        guard settings.acceptanceRules.contains(where: \.isFitnessDependent) else { return [:] }
        var needed = Set<Int>()
        for op in operators { if case .kEdit(let k) = op.kind, k <= settings.dynamicProgrammingMaxK { needed.insert(k) } }
        return Dictionary(uniqueKeysWithValues: needed.map { ($0, AcceptanceDP.sphereTable(distance: $0)) })
    }

    /// The lengths beyond the step tables that `SphereAcceptanceChain` computes for large-k `k-edit`.
    var chainedLengths: [Int] {
        pathLengths.filter { $0 > (twoStepTables.isEmpty ? 1 : 2) && $0 <= settings.exactChainMaxLength }
    }

    /// Per k of the `k-edit(k)` operators beyond `dynamicProgrammingMaxK` and per rule with a chain, the
    /// chain's results at `chainedLengths` (they depend on k alone, so every such operator shares them).
    func kEditChains(for operators: [SearchOperator]) -> KEditChainResults {
        let lengths = chainedLengths
        var distances = Set<Int>()
        for op in operators { if case .kEdit(let k) = op.kind, k > settings.dynamicProgrammingMaxK { distances.insert(k) } }
        guard !lengths.isEmpty, !distances.isEmpty else { return [:] }
        let ks = distances.sorted()
        let laws = ks.map { k in (0...Cell.edgeCount).map { $0 == k ? 1.0 : 0 } }
        var result: KEditChainResults = [:]
        for rule in settings.acceptanceRules {
            guard let chain = chains[rule] else { continue }
            let runs = chain.run(distanceLaws: laws, fitness: fitness, pathLengths: lengths, threads: settings.threads)
            for (k, run) in zip(ks, runs) { result[k, default: [:]][rule] = run }
        }
        return result
    }

    /// This experiment with the walk budget of the pilot on `operators` (the full set, so every shard
    /// computes the same budget).
    public func budgeted(for operators: [SearchOperator]) -> ImprovabilityExperiment {
        var copy = self
        copy.walkBudget = WalkBudget(pilotOf: self, operators: operators)
        return copy
    }

    /// `monotone`: the operator's `improving` and `non-worsening` hitting times per threshold, when solved in a batch.
    /// `chained`: `kEditChains` of the operators.
    func rows(for op: SearchOperator, index: Int, spheres: [Int: [Int32]], budget: WalkBudget,
              monotone: [AcceptanceRule: [HittingTimes.Solution?]] = [:],
              chained: KEditChainResults = [:],
              fixedThreshold: Bool = true) -> [ImprovabilityRow] {
        var rows: [ImprovabilityRow] = []
        for (ruleIndex, rule) in settings.acceptanceRules.enumerated() {
            let streams = SeededGenerator(seed: settings.monteCarloSeed).stream(UInt64(index)).stream(UInt64(ruleIndex))
            rows += fixedLengthRows(op, rule: rule, spheres: spheres, streams: streams.stream(1), walks: budget.walks(rule: rule),
                                    averaged: budget.averagedLengths(rule: rule), chained: chained)
            if fixedThreshold { rows += fixedThresholdRows(op, rule: rule, streams: streams.stream(2), monotone: monotone[rule]) }
        }
        return rows
    }

    // MARK: fixed length

    /// `walks` gives the Monte Carlo walks per group (`StartGroupID` → walks).
    func fixedLengthRows(_ op: SearchOperator, rule: AcceptanceRule, spheres: [Int: [Int32]],
                         streams: SeededGenerator, walks: [StartGroupID: Int], averaged: [StartGroupID: Set<Int>] = [:],
                         chained: KEditChainResults = [:]) -> [ImprovabilityRow] {
        if rule == .always, let eigenvalues = op.eigenvalues {
            return pathLengths.flatMap { length in
                let improvability = spectral.improvability(eigenvalues: eigenvalues, pathLength: length)
                let weights = SpectralEngine.improvabilityWeights(eigenvalues: eigenvalues, pathLength: length)
                return groups.indices.map { g in
                    exactRow(op, rule: rule, length: length, group: g, improvability: improvability, effectiveReach: op.reach,
                             mean: SpectralEngine.groupMean(weights: weights, orderMeans: orderMeans[g]))
                }
            }
        }
        if rule == .always, let kernel = op.perEdgeKernel {
            let engine = ProductKernelEngine(kernel: kernel)
            var expected = fitness.values, step = 0
            return pathLengths.flatMap { length in
                expected = engine.propagate(expected, steps: length - step)
                step = length
                let improvability = zip(expected, fitness.values).map { ($0 - $1) / Double(length) }
                return groups.indices.map { g in
                    exactRow(op, rule: rule, length: length, group: g, improvability: improvability,
                             effectiveReach: engine.effectiveReach(operationCounts: operationCounts[g], pathLength: length))
                }
            }
        }
        if case .kEdit(let k) = op.kind, let sphere = spheres[k] {
            let dp = AcceptanceDP(sphere: sphere, distance: k, rule: rule, fitness: fitness)
            return dynamicProgrammingRows(op, rule: rule, lengths: pathLengths, results: dp.run(fitness: fitness, pathLengths: pathLengths))
        }
        if let pi = op.distanceDistribution, let tables = oneStepTables[rule] {
            let expectations = OneStepExpectations(change: tables.expectedChange(distanceDistribution: pi),
                                                   moved: tables.expectedDistanceMoved(distanceDistribution: pi))
            let twoStep = twoStepTables[rule]
            var later = pathLengths.filter { $0 > (twoStep == nil ? 1 : 2) }
            var laterRows: [ImprovabilityRow] = []
            if op.kind == .uniform {
                laterRows = dynamicProgrammingRows(op, rule: rule, lengths: later, results: UniformAcceptanceChain(fitness: fitness, rule: rule)
                    .run(fitness: fitness, pathLengths: later, moved: expectations.moved))
                later = []
            } else if case .kEdit(let k) = op.kind, let results = chained[k]?[rule] {
                let lengths = chainedLengths
                laterRows = dynamicProgrammingRows(op, rule: rule, lengths: lengths, results: results)
                later.removeAll { lengths.contains($0) }
            }
            laterRows += monteCarloFixedLengthRows(op, rule: rule, streams: streams, lengths: later, walks: walks, expectations: expectations)
            return exactOneStepRows(op, rule: rule, expectations: expectations)
                + (twoStep.map { exactTwoStepRows(op, rule: rule, tables: $0) } ?? []) + laterRows
        }
        return monteCarloFixedLengthRows(op, rule: rule, streams: streams, lengths: pathLengths, walks: walks, averaged: averaged)
    }

    /// A fixed-length row from exact per-start improvabilities (indexed by code).
    func exactRow(_ op: SearchOperator, rule: AcceptanceRule, length: Int, group g: Int, improvability: [Double],
                  effectiveReach: Double, mean: Double? = nil) -> ImprovabilityRow {
        let group = groups[g]
        var values = group.members.map { improvability[$0] }
        let conserved = rule == .always && op.preservesUniform && group.id == .all
        let groupMean = conserved ? 0 : mean ?? values.reduce(0, +) / Double(values.count)
        let improved = values.reduce(0) { $0 + ($1 * Double(length) > changeTolerance ? 1 : 0) }
        // Decile rows feed only the decile figures (means and fractions); medians are for the hypothesis groups.
        let median = group.id.decile != nil ? nil : Descriptive.median(selecting: &values)
        return row(op, rule: rule, experiment: .fixedLength, group: group.id, method: .exact, starts: values.count,
                   effectiveReach: effectiveReach, pathLength: length, mean: groupMean,
                   median: median, fraction: Double(improved) / Double(values.count))
    }

    /// Exact rows of every group from per-start E[f(X_L) | x] and expected total distance moved, one result per
    /// length of `lengths` (dynamic programming).
    func dynamicProgrammingRows(_ op: SearchOperator, rule: AcceptanceRule, lengths: [Int],
                                results: [(expected: [Double], moved: [Double])]) -> [ImprovabilityRow] {
        zip(lengths, results).flatMap { length, result in
            let improvability = zip(result.expected, fitness.values).map { ($0 - $1) / Double(length) }
            return groups.indices.map { g in
                let members = groups[g].members
                let moved = members.reduce(0.0) { $0 + result.moved[$1] } / Double(members.count * length)
                return exactRow(op, rule: rule, length: length, group: g, improvability: improvability, effectiveReach: moved)
            }
        }
    }

    /// Whether `fixedLengthRows` runs Monte Carlo for `op` under `rule` at some length (what the pilot samples).
    func usesMonteCarlo(_ op: SearchOperator, rule: AcceptanceRule) -> Bool {
        guard rule.isFitnessDependent else { return false }
        if case .kEdit(let k) = op.kind, k <= settings.dynamicProgrammingMaxK { return false }
        if case .kEdit = op.kind, chains[rule] != nil, pathLengths.allSatisfy({ $0 <= settings.exactChainMaxLength }) { return false }
        if op.kind == .uniform, oneStepTables[rule] != nil { return false }
        return !(op.distanceDistribution != nil && oneStepTables[rule] != nil && pathLengths == [1])
    }

    /// The one-step expectations that serve as control variate for `op` under `rule`, when it has them.
    func expectations(_ op: SearchOperator, rule: AcceptanceRule) -> OneStepExpectations? {
        guard let pi = op.distanceDistribution, let tables = oneStepTables[rule] else { return nil }
        return OneStepExpectations(change: tables.expectedChange(distanceDistribution: pi),
                                   moved: tables.expectedDistanceMoved(distanceDistribution: pi))
    }

    /// A walk's draws do not depend on which lengths it records, so leaving out a length computed exactly
    /// does not change the rows of the others. With one-step `expectations` each walk contributes the
    /// control-variate sums Σ_{t<L} g(X_t), Σ_{t<L} r(X_t) (`WalkRecording.conditioned`) instead of its raw outcome; without
    /// them, walks contribute every step averaged over its acceptance draw at the lengths of `averaged`
    /// (`WalkRecording.acceptanceAveraged`, by group: where the pilot found it sharper).
    /// The mean's standard error is the stratified one (`StratifiedStarts`); median and fraction improved
    /// summarise the single-walk values of the sampled starts.
    func monteCarloFixedLengthRows(_ op: SearchOperator, rule: AcceptanceRule, streams: SeededGenerator, lengths: [Int],
                                   walks: [StartGroupID: Int], averaged: [StartGroupID: Set<Int>] = [:],
                                   expectations: OneStepExpectations? = nil) -> [ImprovabilityRow] {
        guard !lengths.isEmpty else { return [] }
        let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
        return groupIndices.flatMap { g in
            let sample = StratifiedStarts(ordered: fitnessOrderedMembers[g], strata: (walks[groups[g].id] ?? settings.minimumWalks) / 2)
            let values = monteCarloValues(walker, sample: sample, lengths: lengths, expectations: expectations,
                                          averaged: averaged[groups[g].id] ?? [], streams: streams.stream(UInt64(g)))
            return lengths.indices.map { l in
                let length = Double(lengths[l])
                let change = values.change[l].map { $0 / length }
                let (mean, error) = sample.meanAndStandardError(change)
                let (median, fraction) = sample.medianAndFractionPositive(change)
                var result = row(op, rule: rule, experiment: .fixedLength, group: groups[g].id, method: .monteCarlo,
                                 starts: sample.walks, effectiveReach: sample.meanAndStandardError(values.moved[l]).mean / length,
                                 pathLength: lengths[l], mean: mean, median: median, fraction: fraction)
                result.standardError = error
                return result
            }
        }
    }

    /// Per length, each walk's change (f(X_L) − f(x), or its control variate) and distance moved.
    func monteCarloValues(_ walker: MonteCarloWalker, sample: StratifiedStarts, lengths: [Int], expectations: OneStepExpectations?,
                          averaged: Set<Int>, streams: SeededGenerator) -> (change: [[Double]], moved: [[Double]]) {
        var change = [[Double]](repeating: [Double](repeating: 0, count: sample.walks), count: lengths.count)
        var moved = change
        var generators = (0..<sample.walks).map { streams.stream(UInt64($0)) }
        let starts = (0..<sample.walks).map { sample.start(walk: $0, using: &generators[$0]) }
        let recording = expectations.map(WalkRecording.conditioned) ?? (averaged.isEmpty ? .outcome : .acceptanceAveraged(lengths: averaged))
        let records = walker.walks(from: starts, generators: &generators, pathLengths: lengths, recording: recording)
        for (w, walk) in records.enumerated() {
            for (l, record) in walk.enumerated() {
                change[l][w] = record.change
                moved[l][w] = record.moved
            }
        }
        return (change, moved)
    }

    // MARK: fixed threshold

    func fixedThresholdRows(_ op: SearchOperator, rule: AcceptanceRule, streams: SeededGenerator,
                            monotone: [HittingTimes.Solution?]? = nil) -> [ImprovabilityRow] {
        // One walker for every threshold and group (building its tables costs more than many short walks).
        var walker: MonteCarloWalker?
        return thresholds.enumerated().flatMap { t, threshold in
            // Nil when no exact engine applies, or some start reaches θ with a probability strictly between 0
            // and 1: Monte Carlo then reports the censoring.
            let solution = monotone.map { $0[t] } ?? exactHittingTimes(op, rule: rule, threshold: t)
            return threshold.groups.compactMap { id -> ImprovabilityRow? in
                guard let g = groups.firstIndex(where: { $0.id == id }) else { return nil }
                let below = groups[g].members.filter { fitness.values[$0] < threshold.value }
                guard !below.isEmpty else { return nil }
                if let solution, let row = exactHittingRow(op, rule: rule, group: id, below: below, threshold: threshold,
                                                           solution: solution, tolerance: hittingTimes[t].tolerance) {
                    return row
                }
                // Below θ is a prefix of the fitness order.
                let ordered = fitnessOrderedMembers[g].prefix { fitness.values[$0] < threshold.value }
                if walker == nil { walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness) }
                return monteCarloHittingRow(op, walker: walker!, group: id, below: ordered, threshold: threshold,
                                            streams: streams.stream(UInt64(t)).stream(UInt64(g)))
            }
        }
    }

    /// Walks from a stratified sample of the starts below θ, each run to the cap; while more than
    /// `rareCensoring` of them are censored, the censored walks continue to twice the cap (up to the maximum).
    /// With censoring left, the row holds the restricted mean (so named) and the Kaplan–Meier median.
    /// `below`: the starts below θ in `StratifiedStarts.fitnessOrder`; `walker`: `op`'s, under the row's rule.
    func monteCarloHittingRow(_ op: SearchOperator, walker: MonteCarloWalker, group: StartGroupID, below: ArraySlice<Int>,
                              threshold: ThresholdSetting, streams: SeededGenerator) -> ImprovabilityRow {
        let rule = walker.rule
        let sample = StratifiedStarts(ordered: below, strata: settings.hittingWalks / 2)
        var walks = (0..<sample.walks).map { w in
            var generator = streams.stream(UInt64(w))
            let start = sample.start(walk: w, using: &generator)
            return HittingWalk(start: start, fitness: fitness.values, threshold: threshold.value, generator: generator)
        }
        var cap = settings.hittingTimeCap
        while true {
            for w in walks.indices { walker.advance(&walks[w], threshold: threshold.value, cap: cap) }
            let censored = walks.count { !$0.hit }
            if Double(censored) <= Self.rareCensoring * Double(walks.count) || cap >= settings.maximumHittingTimeCap { break }
            cap = min(2 * cap, settings.maximumHittingTimeCap)
        }
        let times = walks.map { Double($0.steps) }
        let (mean, error) = sample.meanAndStandardError(times)
        let censored = walks.indices.reduce(0.0) { $0 + (walks[$1].hit ? 0 : sample.weight($1 / 2) / 2) }
        let steps = walks.reduce(0) { $0 + $1.steps }, moved = walks.reduce(0) { $0 + $1.position.moved }
        var result = row(op, rule: rule, experiment: .fixedThreshold, group: group, method: .monteCarlo, starts: sample.walks,
                         effectiveReach: steps > 0 ? Double(moved) / Double(steps) : 0, threshold: threshold)
        result.meanHittingTime = mean
        result.standardError = error
        result.censoredFraction = censored
        result.hittingTimeEstimator = walks.allSatisfy(\.hit) ? .mean : .restrictedMean
        result.hittingTimeCap = cap
        result.medianHittingTime = sample.kaplanMeierMedian(times, hit: walks.map(\.hit))
        return result
    }

    /// Censoring at or below this fraction of the walks counts as rare: the cap stops growing.
    static let rareCensoring = 0.01

    // MARK: helpers

    func row(_ op: SearchOperator, rule: AcceptanceRule, experiment: Experiment, group: StartGroupID, method: ComputationMethod,
             starts: Int, effectiveReach: Double, pathLength: Int? = nil, threshold: ThresholdSetting? = nil,
             mean: Double? = nil, median: Double? = nil, fraction: Double? = nil) -> ImprovabilityRow {
        ImprovabilityRow(operatorID: op.id, family: op.family, acceptance: rule, experiment: experiment,
                         pathLength: pathLength, threshold: threshold?.value, thresholdLabel: threshold?.label, group: group,
                         reach: op.reach, effectiveReach: effectiveReach, meanImprovability: mean,
                         medianImprovability: median, fractionImproved: fraction, meanHittingTime: nil,
                         censoredFraction: nil, starts: starts, standardError: nil, method: method)
    }
}
