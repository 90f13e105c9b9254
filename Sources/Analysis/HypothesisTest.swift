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
    /// Operators whose statistic is not an exact zero, when some are (see science.md on stationarity).
    public var nonZeroOperators: Int?
    public var verdict: Verdict
    public var reason: String?

    public var reachMeasure: ReachMeasure { statistic.reachMeasure }
    public var improvabilityStatistic: ImprovabilityStatistic { statistic.improvability }

    public var setting: ExperimentSetting {
        if let pathLength { return .pathLength(pathLength) }
        return .threshold(label: thresholdLabel ?? CSVFormat.number(threshold))
    }

    public var settingKey: SettingKey { SettingKey(metric: metric, acceptance: acceptance, setting: setting, group: group) }
}
