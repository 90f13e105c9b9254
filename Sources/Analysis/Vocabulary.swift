import Search

/// The lab's three hypotheses, each tested on one start group with a predicted sign of
/// tau(reach, improvability).
public enum Hypothesis: String, Codable, Sendable, CaseIterable {
    case h1 = "H1"
    case h2 = "H2"
    case h3 = "H3"

    public var group: StartGroupID {
        switch self {
        case .h1: .top10
        case .h2: .bottom10
        case .h3: .all
        }
    }

    /// The sign of tau(reach, improvability) the hypothesis predicts: larger reach, lower improvability
    /// on the top 10% and overall, higher on the bottom 10%.
    public var improvabilitySign: Int { self == .h2 ? 1 : -1 }

    public init?(group: StartGroupID) {
        guard let hypothesis = Hypothesis.allCases.first(where: { $0.group == group }) else { return nil }
        self = hypothesis
    }
}

/// The outcome of one test after Holm's adjustment (contract: `verdict`), in the order summaries list them.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case supported
    case falsified
    case inconclusive
    case undefined
}

/// The sign of tau a hypothesis predicts for one statistic.
public enum Direction: String, Codable, Sendable {
    case negative
    case positive
}

/// The two columns of `tables/improvability.csv` a test correlates, written `reach~meanImprovability`.
public struct TestStatistic: Hashable, Sendable {
    public var reachMeasure: ReachMeasure
    public var improvability: ImprovabilityStatistic

    public var rawValue: String { "\(reachMeasure.rawValue)~\(improvability.rawValue)" }

    /// The headline test of a setting: reach against the mean statistic.
    public var isPrimary: Bool { reachMeasure == .reach && improvability.isPrimary }
}

extension TestStatistic: StringVocabulary {
    public static let vocabularyName = "test statistic"

    public init?(rawValue: String) {
        let parts = rawValue.split(separator: "~").map(String.init)
        guard parts.count == 2, let reach = ReachMeasure(rawValue: parts[0]),
              let statistic = ImprovabilityStatistic(rawValue: parts[1]) else { return nil }
        self.init(reachMeasure: reach, improvability: statistic)
    }
}
