import Support

/// One (operator, acceptance, experiment setting, group) result; the caller adds the metric.
public struct ImprovabilityRow: Codable, Sendable, Equatable {
    public var operatorID: String
    public var family: OperatorFamily
    public var acceptance: AcceptanceRule
    public var experiment: Experiment
    /// Fixed-length rows only.
    public var pathLength: Int?
    /// Fixed-threshold rows only: θ and its label (`p90`, `p99`, `median`).
    public var threshold: Double?
    public var thresholdLabel: String?
    public var group: StartGroupID
    public var reach: Double
    /// Expected edit distance actually moved per iteration, averaged over the walks (L steps, or the steps
    /// until θ or the cap) from the group's starts.
    public var effectiveReach: Double
    /// Fixed-length: mean, median and fraction of starts with positive (E[f(X_L) | x] − f(x))/L. The mean
    /// over `all` under `always` with a uniform-preserving operator is stored as an exact 0.
    public var meanImprovability: Double?
    public var medianImprovability: Double?
    public var fractionImproved: Double?
    /// Fixed-threshold: the mean hitting time over starts below θ, as `hittingTimeEstimator` says (Monte
    /// Carlo with censored walks: the restricted mean of min(τ, cap)), and the fraction of walks censored
    /// at the final cap (0 when exact).
    public var meanHittingTime: Double?
    public var censoredFraction: Double?
    public var hittingTimeEstimator: HittingTimeEstimator? = nil
    /// Monte Carlo fixed-threshold rows: the final step cap (raised until censoring is rare or the maximum).
    public var hittingTimeCap: Int? = nil
    /// Fixed-threshold: exact rows, the median over starts below θ of the expected hitting time; Monte
    /// Carlo rows, the Kaplan–Meier median of τ over the walks (nil when half or more are censored).
    public var medianHittingTime: Double?
    /// Start cells the row summarises (Monte Carlo rows: the walks, one from each sampled start).
    public var starts: Int
    /// Standard error of the row's mean (improvability or hitting time); nil when exact.
    public var standardError: Double?
    public var method: ComputationMethod

    public init(operatorID: String, family: OperatorFamily, acceptance: AcceptanceRule, experiment: Experiment, pathLength: Int?,
                threshold: Double?, thresholdLabel: String?, group: StartGroupID, reach: Double, effectiveReach: Double,
                meanImprovability: Double?, medianImprovability: Double?, fractionImproved: Double?, meanHittingTime: Double?,
                censoredFraction: Double?, medianHittingTime: Double? = nil, starts: Int, standardError: Double?,
                method: ComputationMethod) {
        self.operatorID = operatorID
        self.family = family
        self.acceptance = acceptance
        self.experiment = experiment
        self.pathLength = pathLength
        self.threshold = threshold
        self.thresholdLabel = thresholdLabel
        self.group = group
        self.reach = reach
        self.effectiveReach = effectiveReach
        self.meanImprovability = meanImprovability
        self.medianImprovability = medianImprovability
        self.fractionImproved = fractionImproved
        self.meanHittingTime = meanHittingTime
        self.censoredFraction = censoredFraction
        self.medianHittingTime = medianHittingTime
        self.starts = starts
        self.standardError = standardError
        self.method = method
    }

    enum CodingKeys: String, CodingKey {
        case operatorID = "operator"
        case family, acceptance, experiment, pathLength, threshold, thresholdLabel, group, reach, effectiveReach,
             meanImprovability, medianImprovability, fractionImproved, meanHittingTime, censoredFraction, hittingTimeEstimator, hittingTimeCap,
             medianHittingTime, starts, standardError, method
    }

    public var setting: ExperimentSetting {
        if let pathLength { return .pathLength(pathLength) }
        return .threshold(label: thresholdLabel ?? CSVFormat.number(threshold))
    }

    public func value(of statistic: ImprovabilityStatistic) -> Double? {
        switch statistic {
        case .meanImprovability: meanImprovability
        case .medianImprovability: medianImprovability
        case .fractionImproved: fractionImproved
        case .meanHittingTime: meanHittingTime
        }
    }

    public func value(of measure: ReachMeasure) -> Double {
        switch measure {
        case .reach: reach
        case .effectiveReach: effectiveReach
        }
    }
}
