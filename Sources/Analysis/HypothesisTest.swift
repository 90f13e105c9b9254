import Statistics

/// One Kendall test of the report: tau between a reach measure and an improvability statistic over
/// the operator set, for one (metric, experiment, acceptance, setting, group).
public struct HypothesisTest: Sendable, Equatable, Codable {
    /// `H1` (top10), `H2` (bottom10) or `H3` (all).
    public var hypothesis: String
    public var metric: String
    public var experiment: String
    public var acceptance: String
    public var pathLength: Int?
    public var threshold: Double?
    public var thresholdLabel: String?
    public var group: String
    /// `<reach measure>~<improvability statistic>`, e.g. `reach~meanImprovability` or
    /// `effectiveReach~meanHittingTime`: the two columns of `tables/improvability.csv` correlated.
    public var statistic: String
    public var reachMeasure: String
    public var improvabilityStatistic: String
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
    /// The sign of tau the hypothesis predicts for this statistic: `negative` or `positive`.
    public var direction: String
    public var ciLower: Double?
    public var ciUpper: Double?
    /// Operators whose statistic is not an exact zero, when some are (see science.md on stationarity).
    public var nonZeroOperators: Int?
    /// `supported`, `falsified`, `inconclusive` or `undefined`.
    public var verdict: String
    public var reason: String?

    public static let columns = [
        "hypothesis", "metric", "experiment", "acceptance", "pathLength", "threshold", "thresholdLabel", "group",
        "statistic", "primary", "n", "tau", "pValue", "pOneSided", "pAdjusted", "direction", "ciLower", "ciUpper",
        "nonZeroOperators", "verdict", "reason",
    ]

    public var fields: [String] {
        [hypothesis, metric, experiment, acceptance, CSVText.number(pathLength), CSVText.number(threshold),
         thresholdLabel ?? "", group, statistic, primary ? "true" : "false", "\(n)", CSVText.number(tau),
         CSVText.number(pValue), CSVText.number(pOneSided), CSVText.number(pAdjusted), direction,
         CSVText.number(ciLower), CSVText.number(ciUpper), CSVText.number(nonZeroOperators), verdict, reason ?? ""]
    }

    public var setting: String {
        if let pathLength { return "L=\(pathLength)" }
        return "θ=\(thresholdLabel ?? CSVText.number(threshold))"
    }
}

extension HypothesisTest {
    /// Every field is written, undefined numbers as `null` (see `NullEncodedKeys`).
    enum CodingKeys: String, NullEncodedKeys {
        case hypothesis
        case metric
        case experiment
        case acceptance
        case pathLength
        case threshold
        case thresholdLabel
        case group
        case statistic
        case reachMeasure
        case improvabilityStatistic
        case primary
        case n
        case tau
        case pValue
        case pOneSided
        case pAdjusted
        case direction
        case ciLower
        case ciUpper
        case nonZeroOperators
        case verdict
        case reason
    }
}
