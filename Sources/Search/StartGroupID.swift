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

    public init?(rawValue: String) {
        switch rawValue {
        case "top10": self = .top10
        case "bottom10": self = .bottom10
        case "all": self = .all
        default:
            guard rawValue.hasPrefix("decile"), let i = Int(rawValue.dropFirst("decile".count)), (1...10).contains(i) else { return nil }
            self = .decile(i)
        }
    }

    public var decile: Int? {
        if case .decile(let i) = self { return i }
        return nil
    }
}

extension StartGroupID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = StartGroupID(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown start group '\(text)'")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
