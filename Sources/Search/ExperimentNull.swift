import SearchSpace
import Statistics
import Support

/// The permutation null of the tests the spectral shortcut of `PermutationNull` cannot reach (science.md,
/// "Null landscapes"): every fitness-dependent rule at every path length and threshold, and `always` with
/// a fixed threshold. A replicate permutes the metric's values over the cells (seeded), re-derives the
/// groups and thresholds from them, and reruns the experiment for a fixed subset of operators.
///
/// The full experiment costs seconds per landscape (one-step tables, dynamic programming, the hitting
/// times' reference solutions), and even the exact Krylov hitting times of `always` alone cost about 4 s
/// per metric for 12 operators × 21 landscapes, so a replicate measures every subset operator by one
/// procedure that costs milliseconds: the experiment's Monte Carlo walks at its budget (starts per group,
/// walks per start, hitting-time cap, censored walks counted at the cap), under every rule. The observed
/// tau the null is compared with is the same procedure on the real landscape over the same operators, so
/// both sides carry the same Monte Carlo noise.
public struct ExperimentNull: Sendable, Equatable, Codable {
    /// One test of the null: (rule, setting, group), the setting a path length or a threshold label.
    public struct Key: Hashable, Sendable, Codable {
        public var acceptance: AcceptanceRule
        public var pathLength: Int?
        public var thresholdLabel: String?
        public var group: StartGroupID

        public init(acceptance: AcceptanceRule, pathLength: Int?, thresholdLabel: String?, group: StartGroupID) {
            (self.acceptance, self.pathLength, self.thresholdLabel, self.group) = (acceptance, pathLength, thresholdLabel, group)
        }
    }

    public struct Distribution: Sendable, Equatable, Codable {
        public var key: Key
        /// Tau of the real landscape, by the null's procedure, over the subset.
        public var observedTau: Double
        /// The defined taus of the replicates, in replicate order.
        public var taus: [Double]
    }

    /// Permutations for the fitness-dependent rules.
    public let replicates: Int
    /// Permutations for `always` at a fixed threshold: as many as the spectral null takes at a fixed length,
    /// since an `always` walk costs a fraction of a fitness-dependent one.
    public let alwaysReplicates: Int
    /// The subset's operator ids, in operator-set order.
    public let operatorIDs: [String]
    /// Tests in (rule, fixed lengths then thresholds, group) order.
    public let distributions: [Distribution]

    public func distribution(_ key: Key) -> Distribution? { distributions.first { $0.key == key } }

    /// How many permuted landscapes the tests of `rule` have.
    public func replicates(for rule: AcceptanceRule) -> Int { rule == .always ? alwaysReplicates : replicates }

    /// The rules and experiments this null covers (`PermutationNull` covers `always` at fixed length).
    public static func covers(acceptance: AcceptanceRule, experiment: Experiment) -> Bool {
        acceptance.isFitnessDependent || experiment == .fixedThreshold
    }

    /// `settings` gives the rules, lengths, thresholds and Monte Carlo budget; `seed` keys the
    /// permutations, the starts and the walks: replicate r draws from its own streams whatever the thread count,
    /// so the first replicates of a rule are the same whatever the other rule's count.
    public init(fitness: FitnessFunction, operators all: [SearchOperator], subsetSize: Int, settings: SearchSettings,
                replicates: Int, alwaysReplicates: Int? = nil, seed: UInt64, threads: Int = 1) {
        self.replicates = replicates
        self.alwaysReplicates = alwaysReplicates ?? replicates
        let positions = ExperimentNull.subset(of: all, count: subsetSize, seed: seed)
        let operators = positions.map { all[$0] }
        let root = SeededGenerator(seed: seed, stream: 0xE4_0000_0000)
        let values = fitness.values
        let counts = settings.acceptanceRules.map { $0 == .always ? (alwaysReplicates ?? replicates) : replicates }
        // Landscape 0 is the real one; landscape r ≥ 1 is permutation r − 1, walked for the rules that have r replicates.
        let taus = Parallel.map(count: (counts.max() ?? 0) + 1, threads: threads) { r -> [Key: Double] in
            let streams = root.stream(UInt64(r))
            var permuted = values
            if r > 0 {
                var generator = streams.stream(0)
                for i in stride(from: permuted.count - 1, to: 0, by: -1) { permuted.swapAt(i, generator.nextInt(below: i + 1)) }
            }
            let landscape = NullLandscape(fitness: FitnessFunction(values: permuted, apiIndex: fitness.apiIndex), settings: settings,
                                          streams: streams.stream(1))
            return landscape.taus(operators, rules: Set(counts.indices.filter { r <= counts[$0] }))
        }
        distributions = ExperimentNull.keys(settings: settings, fitness: fitness).compactMap { key in
            guard let observed = taus[0][key], !observed.isNaN else { return nil }
            return Distribution(key: key, observedTau: observed, taus: taus.dropFirst().compactMap { $0[key] }.filter { !$0.isNaN })
        }
        operatorIDs = operators.map(\.id)
    }

    /// A fixed subset stratified by reach: the operators in ascending reach (ties by position) cut into
    /// `count` strata of near-equal size, one operator drawn from each (seeded). Positions, ascending.
    public static func subset(of operators: [SearchOperator], count: Int, seed: UInt64) -> [Int] {
        guard count < operators.count else { return Array(operators.indices) }
        let byReach = operators.indices.sorted { (operators[$0].reach, $0) < (operators[$1].reach, $1) }
        var generator = SeededGenerator(seed: seed, stream: 0x5B5E_7000)
        return (0..<count).map { s in
            let low = s * byReach.count / count, high = (s + 1) * byReach.count / count
            return byReach[low + generator.nextInt(below: high - low)]
        }.sorted()
    }

    static func keys(settings: SearchSettings, fitness: FitnessFunction) -> [Key] {
        let lengths = Array(Set(settings.pathLengths)).sorted()
        let thresholds = ThresholdSetting.standard(for: fitness, percentiles: settings.thresholdPercentiles)
        return settings.acceptanceRules.flatMap { rule -> [Key] in
            let fixedLength = !covers(acceptance: rule, experiment: .fixedLength) ? [] : lengths.flatMap { length in
                StartGroupID.hypothesisGroups.map { Key(acceptance: rule, pathLength: length, thresholdLabel: nil, group: $0) }
            }
            return fixedLength + thresholds.flatMap { threshold in
                threshold.groups.map { Key(acceptance: rule, pathLength: nil, thresholdLabel: threshold.label, group: $0) }
            }
        }
    }
}

/// One landscape of the null (real or permuted) and the null's procedure on it. Starts are sampled once
/// per group (and per threshold), the same for every operator and rule. The null's budget is fixed, not
/// set by the precision target: `settings.minimumWalks` starts per group and `settings.hittingWalks / 2`
/// per (threshold, group), each walked `walksPerStart` times, hitting times restricted to the first cap.
struct NullLandscape {
    static let walksPerStart = 2

    /// The sampled starts below θ of one (threshold, group).
    struct Target {
        var threshold: ThresholdSetting
        var group: StartGroupID
        var sampled: [Int]
    }

    let fitness: FitnessFunction
    let settings: SearchSettings
    let streams: SeededGenerator
    let lengths: [Int]
    /// Fixed-length starts of each hypothesis group.
    let starts: [(group: StartGroupID, cells: [Int])]
    let targets: [Target]

    init(fitness: FitnessFunction, settings: SearchSettings, streams: SeededGenerator) {
        self.fitness = fitness
        self.settings = settings
        self.streams = streams
        lengths = Array(Set(settings.pathLengths)).sorted()
        let groups = StartGroup.standard(for: fitness, deciles: false)
        starts = groups.enumerated().map { g, group in
            (group.id, NullLandscape.sample(group.members, count: settings.minimumWalks, streams.stream(UInt64(g))))
        }
        targets = ThresholdSetting.standard(for: fitness, percentiles: settings.thresholdPercentiles).enumerated().flatMap { t, threshold in
            threshold.groups.compactMap { id -> Target? in
                guard let members = groups.first(where: { $0.id == id })?.members else { return nil }
                let below = members.filter { fitness.values[$0] < threshold.value }
                guard !below.isEmpty else { return nil }
                return Target(threshold: threshold, group: id, sampled: NullLandscape.sample(
                    below, count: max(1, settings.hittingWalks / NullLandscape.walksPerStart), streams.stream(0x100 + UInt64(t << 4 | groups.firstIndex { $0.id == id }!))))
            }
        }
    }

    /// Tau of reach against the primary statistic for every key of the null under the rules at `rules`
    /// (indices into the settings' rules, which key the walks' streams).
    func taus(_ operators: [SearchOperator], rules: Set<Int>) -> [ExperimentNull.Key: Double] {
        var values: [ExperimentNull.Key: [(reach: Double, value: Double)]] = [:]
        for (ruleIndex, rule) in settings.acceptanceRules.enumerated() where rules.contains(ruleIndex) {
            let ruleStreams = streams.stream(0x1000 + UInt64(ruleIndex))
            for (o, op) in operators.enumerated() {
                for (key, value) in walkedMeans(op, rule: rule, streams: ruleStreams.stream(UInt64(o))) {
                    values[key, default: []].append((op.reach, value))
                }
            }
        }
        return values.mapValues { pairs in
            pairs.count < 3 ? .nan : Correlation.kendallTauB(pairs.map(\.reach), pairs.map(\.value)).tau
        }
    }

    /// Monte Carlo at the experiment's budget: the mean improvability per (length, group) where this null
    /// covers it and the mean hitting time per (threshold, group), censored walks counted at the cap as the experiment counts them.
    func walkedMeans(_ op: SearchOperator, rule: AcceptanceRule, streams: SeededGenerator) -> [(ExperimentNull.Key, Double)] {
        let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
        var means: [(ExperimentNull.Key, Double)] = []
        let walks = NullLandscape.walksPerStart
        // Under `always` the spectral null covers the fixed lengths.
        for (g, (group, cells)) in starts.enumerated() where ExperimentNull.covers(acceptance: rule, experiment: .fixedLength) {
            var change = [Double](repeating: 0, count: lengths.count)
            let groupStreams = streams.stream(UInt64(g))
            var generators = (0..<cells.count * walks).map { groupStreams.stream(UInt64($0)) }
            let walkStarts = cells.flatMap { [Int](repeating: $0, count: walks) }
            for record in walker.walks(from: walkStarts, generators: &generators, pathLengths: lengths, recording: .outcome) {
                for l in lengths.indices { change[l] += record[l].change }
            }
            for (l, length) in lengths.enumerated() {
                means.append((ExperimentNull.Key(acceptance: rule, pathLength: length, thresholdLabel: nil, group: group),
                              change[l] / Double(cells.count * walks * length)))
            }
        }
        let hittingWalks = NullLandscape.walksPerStart
        for (t, target) in targets.enumerated() {
            var total = 0
            for (s, start) in target.sampled.enumerated() {
                for w in 0..<hittingWalks {
                    var generator = streams.stream(0x100 + UInt64(t)).stream(UInt64(s * hittingWalks + w))
                    total += walker.hittingTime(from: start, threshold: target.threshold.value, cap: settings.hittingTimeCap,
                                                using: &generator).steps
                }
            }
            means.append((target.key(rule), Double(total) / Double(target.sampled.count * hittingWalks)))
        }
        return means
    }

    /// Up to `count` members drawn without replacement.
    static func sample(_ members: [Int], count: Int, _ generator: SeededGenerator) -> [Int] {
        guard members.count > count else { return members }
        var generator = generator
        var pool = members
        for i in 0..<count { pool.swapAt(i, i + generator.nextInt(below: pool.count - i)) }
        return Array(pool[..<count])
    }
}

extension NullLandscape.Target {
    func key(_ rule: AcceptanceRule) -> ExperimentNull.Key {
        ExperimentNull.Key(acceptance: rule, pathLength: nil, thresholdLabel: threshold.label, group: group)
    }
}
