/// The two experiments of science.md.
public enum Experiment: String, Codable, Sendable {
    case fixedLength = "fixed-length"
    case fixedThreshold = "fixed-threshold"
}

/// How a row's numbers were obtained.
public enum ComputationMethod: String, Codable, Sendable {
    case exact
    case monteCarlo = "monte-carlo"
}

/// One (operator, acceptance, experiment setting, group) result; the caller adds the metric.
public struct ImprovabilityRow: Codable, Sendable, Equatable {
    public var operatorID: String
    public var family: OperatorFamily
    /// `AcceptanceRule.label`.
    public var acceptance: String
    public var experiment: Experiment
    /// Fixed-length rows only.
    public var pathLength: Int?
    /// Fixed-threshold rows only: θ and its label (`p90`, `p99`, `median`).
    public var threshold: Double?
    public var thresholdLabel: String?
    public var group: String
    public var reach: Double
    /// Expected edit distance actually moved per iteration, averaged over the walks (L steps, or the steps
    /// until θ or the cap) from the group's starts.
    public var effectiveReach: Double
    /// Fixed-length: mean, median and fraction of starts with positive (E[f(X_L) | x] − f(x))/L. The mean
    /// over `all` under `always` with a uniform-preserving operator is stored as an exact 0.
    public var meanImprovability: Double?
    public var medianImprovability: Double?
    public var fractionImproved: Double?
    /// Fixed-threshold: mean hitting time over starts below θ (Monte Carlo: of min(τ, cap)) and the
    /// fraction of walks censored at the cap (0 when exact).
    public var meanHittingTime: Double?
    public var censoredFraction: Double?
    /// Fixed-threshold, exact rows: the median over starts below θ of the expected hitting time.
    public var medianHittingTime: Double? = nil
    /// Standard error of the row's mean (improvability or hitting time); nil when exact.
    public var standardError: Double?
    public var method: ComputationMethod
    /// Start cells the row summarises (the sample size for Monte Carlo rows).
    public var starts: Int

    enum CodingKeys: String, CodingKey {
        case operatorID = "operator"
        case family, acceptance, experiment, pathLength, threshold, thresholdLabel, group, reach, effectiveReach,
             meanImprovability, medianImprovability, fractionImproved, meanHittingTime, censoredFraction, medianHittingTime,
             standardError, method, starts
    }
}
