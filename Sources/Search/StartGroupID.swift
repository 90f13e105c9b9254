/// The name of a set of start cells, as `results.json` and the tables spell it: `top10`, `bottom10`,
/// `all`, or `decile1` (least accurate) … `decile10`.
public enum StartGroupID: Hashable, Sendable, Comparable {
    case top10
    case bottom10
    case all
    case decile(Int)

    /// The groups the hypotheses test, in their order (H1, H2, H3).
    public static let hypothesisGroups: [StartGroupID] = [.top10, .bottom10, .all]

    public var rawValue: String {
        switch self {
        case .top10: "top10"
        case .bottom10: "bottom10"
        case .all: "all"
        case .decile(let i): "decile\(i)"
        }
    }

    /// Every group: the hypothesis groups and the ten deciles.
    public static let allGroups: [StartGroupID] = hypothesisGroups + (1...10).map(StartGroupID.decile)

    /// Parses a `rawValue` by comparing with each group's own, so each name is spelled once.
    public init?(rawValue: String) {
        guard let group = Self.allGroups.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = group
    }

    public var decile: Int? {
        if case .decile(let i) = self { return i }
        return nil
    }
}

extension StartGroupID: StringVocabulary {
    public static let vocabularyName = "start group"
}
