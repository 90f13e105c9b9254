import Statistics

/// How a search method decides whether to move to a proposed cell y from x.
public enum AcceptanceRule: Sendable, Hashable {
    /// Always move (a plain random walk on the operator's graph).
    case always
    /// Move only if f(y) > f(x).
    case improving
    /// Move if f(y) ≥ f(x).
    case nonWorsening
    /// Move to a better or equal y; to a worse one with probability exp((f(y) − f(x))/T).
    case metropolis(temperature: Double)

    /// The name used in results: `always`, `improving`, `non-worsening`, `metropolis(T=0.5)`.
    public var label: String {
        switch self {
        case .always: "always"
        case .improving: "improving"
        case .nonWorsening: "non-worsening"
        case .metropolis(let t): "metropolis(T=\(t))"
        }
    }

    /// Parses a `label`: the rules without a parameter by their own `label`, so each name is spelled once.
    public init?(label: String) {
        if let rule = [Self.always, .improving, .nonWorsening].first(where: { $0.label == label }) {
            self = rule
            return
        }
        guard label.hasPrefix("metropolis(T="), label.hasSuffix(")"),
              let t = Double(label.dropFirst("metropolis(T=".count).dropLast()), t > 0 else { return nil }
        self = .metropolis(temperature: t)
    }

    public var isFitnessDependent: Bool { self != .always }

    /// The probability of accepting a move from fitness `from` to fitness `to`.
    public func probability(from: Double, to: Double) -> Double {
        switch self {
        case .always: 1
        case .improving: to > from ? 1 : 0
        case .nonWorsening: to >= from ? 1 : 0
        case .metropolis(let t): to >= from ? 1 : _exp((to - from) / t)
        }
    }

    /// One accept/reject draw; consumes a uniform only when the outcome is random.
    func accepts(from: Double, to: Double, using generator: inout SeededGenerator) -> Bool {
        switch self {
        case .always: true
        case .improving: to > from
        case .nonWorsening: to >= from
        case .metropolis(let t): to >= from || generator.nextUniform() < _exp((to - from) / t)
        }
    }
}

extension AcceptanceRule: StringVocabulary {
    public static let vocabularyName = "acceptance rule"
    public var rawValue: String { label }
    public init?(rawValue: String) { self.init(label: rawValue) }
}
