import Search
import Support

/// One Kendall test of the report: tau between a reach measure and an improvability statistic over
/// the operator set, for one (metric, experiment, acceptance, setting, group). Its JSON fields and the
/// columns of `tables/hypotheses.csv` are its stored properties.
public struct HypothesisTest: Sendable, Equatable, Codable, WritesNullFields {
    public var hypothesis: Hypothesis
    public var metric: String
    public var experiment: Experiment
    public var acceptance: AcceptanceRule
    public var pathLength: Int?
    public var threshold: Double?
    public var thresholdLabel: String?
    public var group: StartGroupID
    public var statistic: TestStatistic
    /// Whether this is the headline test of its setting (reach vs the mean statistic); the others are
    /// reported alongside it and are in the Holm family too.
    public var primary: Bool
    public var n: Int
    public var tau: Double?
    /// Two-sided p-value.
    public var pValue: Double?
    /// One-sided p-value in the hypothesised direction.
    public var pOneSided: Double?
    /// Holm's adjustment of `pValue` over every test of the report that has a tau.
    public var pAdjusted: Double?
    /// The sign of tau the hypothesis predicts for this statistic.
    public var direction: Direction
    public var ciLower: Double?
    public var ciUpper: Double?
    /// Tests of a mean statistic with Monte Carlo values: the values' reliability (1 − mean SE² / their
    /// variance, `Reliability`) and tau corrected for it; nil for exact values and for the median and
    /// fraction statistics, which carry no standard error.
    public var reliability: Double?
    public var tauDisattenuated: Double?
    /// Operators whose statistic is not an exact zero, when some are (see science.md on stationarity).
    public var nonZeroOperators: Int?
    public var verdict: Verdict
    public var reason: String?
    /// The permutation null of this test (science.md, "Null landscapes"); nil when none was computed,
    /// and then `nullReason` says why.
    public var null: NullSummary?
    /// Whether tau lies beyond the null in the hypothesised direction (empirical one-sided p < α);
    /// nil when there is no tau or no null.
    public var beyondNull: Bool?
    public var nullReason: String?

    public var reachMeasure: ReachMeasure { statistic.reachMeasure }
    public var improvabilityStatistic: ImprovabilityStatistic { statistic.improvability }

    public var setting: ExperimentSetting {
        if let pathLength { return .pathLength(pathLength) }
        return .threshold(label: thresholdLabel ?? CSVFormat.number(threshold))
    }

    public var settingKey: SettingKey { SettingKey(metric: metric, acceptance: acceptance, setting: setting, group: group) }
}

/// The null distribution of one test's tau over permuted landscapes.
public struct NullSummary: Sendable, Equatable, Codable, WritesNullFields, CSVPrefixedColumns {
    public var replicates: Int
    /// Operators in each replicate's test (the isotropic ones on `top10` and `bottom10` under `always`, see
    /// `PermutationNull`; the subset of `ExperimentNull` elsewhere).
    public var operators: Int
    /// The observed tau over those operators, which the null is compared with (the test's tau when they
    /// are all of the set's operators).
    public var observedTau: Double
    public var meanTau: Double
    public var sdTau: Double
    /// Empirical two-sided p-value of `observedTau`, with the +1 correction.
    public var pValue: Double
    /// Empirical one-sided p-value in the hypothesised direction, with the +1 correction.
    public var pOneSided: Double

    public static let csvColumns = ["replicates", "operators", "observedTau", "meanTau", "sdTau", "pValue", "pOneSided"]

    public init(replicates: Int, operators: Int, observedTau: Double, meanTau: Double, sdTau: Double, pValue: Double, pOneSided: Double) {
        self.replicates = replicates
        self.operators = operators
        self.observedTau = observedTau
        self.meanTau = meanTau
        self.sdTau = sdTau
        self.pValue = pValue
        self.pOneSided = pOneSided
    }
}
