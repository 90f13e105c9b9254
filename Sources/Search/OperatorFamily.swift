/// The five operator families of science.md, named as in `results.json`.
public enum OperatorFamily: String, Codable, Sendable, CaseIterable {
    case kEdit = "k-edit"
    case perEdge = "per-edge"
    case distanceMixture = "distance-mixture"
    case uniform
    case opKernel = "op-kernel"
}

/// The machine-readable parameters of an operator, as `operators[].params` in `results.json`:
/// k-edit {k}; per-edge {p}; distance-mixture {pi}; uniform {}; op-kernel {p, M}. Absent keys are omitted.
public struct OperatorParameters: Codable, Sendable, Equatable {
    public var k: Int?
    public var p: Double?
    /// π_0 … π_6: the probability of proposing a cell at each edit distance.
    public var pi: [Double]?
    /// Row-stochastic 5×5 operation kernel, rows and columns in `Operation` order.
    public var m: [[Double]]?

    enum CodingKeys: String, CodingKey {
        case k, p, pi
        case m = "M"
    }

    public init(k: Int? = nil, p: Double? = nil, pi: [Double]? = nil, m: [[Double]]? = nil) {
        self.k = k
        self.p = p
        self.pi = pi
        self.m = m
    }
}

/// Why a family + parameters pair does not describe an operator.
public struct OperatorError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}
