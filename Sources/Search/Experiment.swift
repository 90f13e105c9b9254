/// The two experiments of science.md.
public enum Experiment: String, Codable, Sendable, CaseIterable {
    case fixedLength = "fixed-length"
    case fixedThreshold = "fixed-threshold"

    /// The improvability statistics each experiment reports.
    public var statistics: [ImprovabilityStatistic] {
        switch self {
        case .fixedLength: [.meanImprovability, .medianImprovability, .fractionImproved]
        case .fixedThreshold: [.meanHittingTime]
        }
    }
}

/// How a row's numbers were obtained.
public enum ComputationMethod: String, Codable, Sendable, CaseIterable {
    case exact
    case monteCarlo = "monte-carlo"
}

/// One experiment setting: a path length L, or a threshold θ by its label (`p90`, `p99`, `median`).
public enum ExperimentSetting: Hashable, Sendable {
    case pathLength(Int)
    case threshold(label: String)

    public var experiment: Experiment {
        switch self {
        case .pathLength: .fixedLength
        case .threshold: .fixedThreshold
        }
    }
}

/// An improvability statistic: a column of `tables/improvability.csv` that a hypothesis test correlates
/// with reach.
public enum ImprovabilityStatistic: String, Codable, Sendable, CaseIterable {
    case meanImprovability
    case medianImprovability
    case fractionImproved
    case meanHittingTime

    /// Whether a larger value means more improvability (a shorter hitting time is better).
    public var higherIsBetter: Bool { self != .meanHittingTime }

    /// The statistic a setting's headline (primary) test uses.
    public var isPrimary: Bool { self == .meanImprovability || self == .meanHittingTime }
}

/// How far an operator moves: its proposal's expected edit distance, or the distance actually moved.
public enum ReachMeasure: String, Codable, Sendable, CaseIterable {
    case reach
    case effectiveReach
}
