import Search
import Statistics
import Support

/// The reach at which improvability peaks, for one (metric, rule, setting, group) (contract:
/// `optimalReach[]`): a Nadaraya–Watson curve of the primary statistic against reach over the operator
/// set, its bootstrap band over operators, the peak's bootstrap interval and whether the curve is
/// monotone within its band. For the fixed-threshold experiment the best is the shortest mean hitting time.
public struct OptimalReach: Sendable, Equatable, Codable, WritesNullFields {
    public var metric: String
    public var acceptance: AcceptanceRule
    public var experiment: Experiment
    /// Fixed-length entries only.
    public var pathLength: Int?
    /// Fixed-threshold entries only: θ and its label.
    public var threshold: Double?, thresholdLabel: String?
    public var group: StartGroupID
    public var statistic: TestStatistic
    public var n: Int
    /// The reach at the best point of the curve; nil when there is no curve (`reason`).
    public var reach: Double?
    public var ciLower: Double?
    public var ciUpper: Double?
    public var monotone: Bool?
    /// Gaussian kernel bandwidth, in reach units.
    public var bandwidth: Double
    public var curve: Curve?
    public var reason: String?

    public struct Curve: Sendable, Equatable, Codable {
        public var reach: [Double]
        public var estimate: [Double]
        public var lower: [Double]
        public var upper: [Double]
    }

    public var setting: ExperimentSetting {
        if let pathLength { return .pathLength(pathLength) }
        return .threshold(label: thresholdLabel ?? CSVFormat.number(threshold))
    }

    public var settingKey: SettingKey { SettingKey(metric: metric, acceptance: acceptance, setting: setting, group: group) }

    /// The smoother's bandwidth: 0.3 edit distances, narrower than the gap between k-edit(k) and k-edit(k+1)
    /// and wide enough that, with the default 1,000 operators, every window holds dozens of them.
    public static let defaultBandwidth = 0.3
    /// The smoother's bins and grid points (see `KernelCurve`).
    public static let bins = KernelCurve.bins
    public static let gridPoints = KernelCurve.gridPoints

    /// One entry per setting of the hypothesis groups, in the table's order.
    public static func estimate(_ records: [ImprovabilityRecord], replicates: Int, confidence: Double, seed: UInt64,
                                bandwidth: Double = defaultBandwidth, threads: Int = 1) -> [OptimalReach] {
        estimate(records, settings: HypothesisRunner.settings(of: records), replicates: replicates, confidence: confidence, seed: seed,
                 bandwidth: bandwidth, threads: threads)
    }

    /// `settings` as `HypothesisRunner.settings(of: records)` gives them (shared with the hypothesis tests).
    static func estimate(_ records: [ImprovabilityRecord], settings: [[Int]], replicates: Int, confidence: Double, seed: UInt64,
                         bandwidth: Double, threads: Int) -> [OptimalReach] {
        return Parallel.map(count: settings.count, threads: threads) { index in
            let setting = settings[index]
            let first = records[setting[0]]
            let statistic: ImprovabilityStatistic = first.experiment == .fixedLength ? .meanImprovability : .meanHittingTime
            var x: [Double] = [], y: [Double] = []
            for row in setting {
                guard let value = records[row].row.value(of: statistic) else { continue }
                x.append(records[row].reach)
                y.append(value)
            }
            var entry = OptimalReach(metric: first.metric, acceptance: first.acceptance, experiment: first.experiment,
                                     pathLength: first.pathLength, threshold: first.threshold, thresholdLabel: first.thresholdLabel,
                                     group: first.group, statistic: TestStatistic(reachMeasure: .reach, improvability: statistic), n: x.count, bandwidth: bandwidth)
            guard let curve = KernelCurve(x: x, y: y, bandwidth: bandwidth, replicates: replicates, confidence: confidence,
                                          maximise: statistic.higherIsBetter,
                                          generator: SeededGenerator(seed: seed, stream: 0x0971_0000 + UInt64(index))) else {
                entry.reason = x.count < 3 ? "fewer than 3 operators have this statistic"
                    : (Set(x).count < 2 ? "every operator has the same reach" : "the statistic is the same for every operator: no peak")
                return entry
            }
            entry.reach = curve.peak
            entry.ciLower = curve.peakLower
            entry.ciUpper = curve.peakUpper
            entry.monotone = curve.monotone
            entry.curve = Curve(reach: curve.grid, estimate: curve.estimate, lower: curve.lower, upper: curve.upper)
            return entry
        }
    }
}
