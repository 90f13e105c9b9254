import SearchSpace

/// A transformation operator: the proposal kernel P(x → y) of a search process on the 15,625 cells.
///
/// Every isotropic family (`k-edit`, `per-edge`, `distance-mixture`, `uniform`) is a distance mixture:
/// draw d from π, then a uniform cell at distance d. `op-kernel` is a product kernel: each edge
/// independently moves with the per-edge kernel (1 − p)·I + p·M.
public struct SearchOperator: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case kEdit(Int)
        case perEdge(Double)
        case distanceMixture([Double])
        case uniform
        case opKernel(p: Double, m: [[Double]])

        public var family: OperatorFamily {
            switch self {
            case .kEdit: .kEdit
            case .perEdge: .perEdge
            case .distanceMixture: .distanceMixture
            case .uniform: .uniform
            case .opKernel: .opKernel
            }
        }
    }

    /// Stable identifier (unique within an operator set).
    public let id: String
    public let kind: Kind

    /// Builds an operator, checking its parameters.
    public init(id: String, kind: Kind) throws(OperatorError) {
        switch kind {
        case .kEdit(let k):
            guard (1...Cell.edgeCount).contains(k) else { throw OperatorError(description: "k-edit needs k in 1…6, got \(k)") }
        case .perEdge(let p):
            guard (0...1).contains(p) else { throw OperatorError(description: "per-edge needs p in [0, 1], got \(p)") }
        case .distanceMixture(let pi):
            try SearchOperator.checkDistribution(pi, count: Cell.edgeCount + 1, what: "distance-mixture pi")
        case .uniform:
            break
        case .opKernel(let p, let m):
            guard (0...1).contains(p) else { throw OperatorError(description: "op-kernel needs p in [0, 1], got \(p)") }
            guard m.count == Cell.operationCount else { throw OperatorError(description: "op-kernel M needs 5 rows, got \(m.count)") }
            for row in m { try SearchOperator.checkDistribution(row, count: Cell.operationCount, what: "op-kernel M row") }
        }
        self.id = id
        self.kind = kind
    }

    /// Rebuilds an operator from its `results.json` description.
    public init(id: String, family: OperatorFamily, parameters: OperatorParameters) throws(OperatorError) {
        func require<T>(_ value: T?, _ key: String) throws(OperatorError) -> T {
            guard let value else { throw OperatorError(description: "\(family.rawValue) needs parameter '\(key)'") }
            return value
        }
        let kind: Kind
        switch family {
        case .kEdit: kind = .kEdit(try require(parameters.k, "k"))
        case .perEdge: kind = .perEdge(try require(parameters.p, "p"))
        case .distanceMixture: kind = .distanceMixture(try require(parameters.pi, "pi"))
        case .uniform: kind = .uniform
        case .opKernel: kind = .opKernel(p: try require(parameters.p, "p"), m: try require(parameters.m, "M"))
        }
        try self.init(id: id, kind: kind)
    }

    private static func checkDistribution(_ values: [Double], count: Int, what: String) throws(OperatorError) {
        guard values.count == count else { throw OperatorError(description: "\(what) needs \(count) entries, got \(values.count)") }
        guard values.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw OperatorError(description: "\(what) has a negative or non-finite entry") }
        let sum = values.reduce(0, +)
        guard abs(sum - 1) <= 1e-9 else { throw OperatorError(description: "\(what) sums to \(sum), not 1") }
    }

    public var family: OperatorFamily { kind.family }

    public var parameters: OperatorParameters {
        switch kind {
        case .kEdit(let k): OperatorParameters(k: k)
        case .perEdge(let p): OperatorParameters(p: p)
        case .distanceMixture(let pi): OperatorParameters(pi: pi)
        case .uniform: OperatorParameters()
        case .opKernel(let p, let m): OperatorParameters(p: p, m: m)
        }
    }

    /// π_d, the probability that one proposal lands at edit distance d; nil for `op-kernel`, whose
    /// distance law depends on the start.
    public var distanceDistribution: [Double]? {
        switch kind {
        case .kEdit(let k):
            return (0...Cell.edgeCount).map { $0 == k ? 1 : 0 }
        case .perEdge(let p):
            return (0...Cell.edgeCount).map { d in
                Double(Combinatorics.binomial(Cell.edgeCount, d)) * integerPower(p, d) * integerPower(1 - p, Cell.edgeCount - d)
            }
        case .distanceMixture(let pi):
            return pi
        case .uniform:
            return (0...Cell.edgeCount).map { Double(Combinatorics.sphereSize($0)) / Double(Cell.count) }
        case .opKernel:
            return nil
        }
    }


    /// λ_j = Σ_d π_d K_d(j)/K_d(0): the eigenvalue on Fourier order j (j = 0…6); nil for `op-kernel`.
    public var eigenvalues: [Double]? {
        distanceDistribution.map { pi in
            (0...Cell.edgeCount).map { j in
                (0...Cell.edgeCount).reduce(0.0) { sum, d in
                    pi[d] == 0 ? sum : sum + pi[d] * Combinatorics.sphereEigenvalue(distance: d, order: j)
                }
            }
        }
    }

    /// The expected edit distance of one proposal, averaged over a uniform start.
    public var reach: Double {
        switch kind {
        case .kEdit(let k): Double(k)
        case .perEdge(let p): Double(Cell.edgeCount) * p
        case .distanceMixture(let pi): pi.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
        case .uniform: Double(Cell.edgeCount) * 4 / 5
        case .opKernel(let p, let m):
            Double(Cell.edgeCount) * p * (1 - (0..<Cell.operationCount).reduce(0) { $0 + m[$1][$1] } / Double(Cell.operationCount))
        }
    }

    /// The per-edge kernel (1 − p)·I + p·M of `op-kernel`, flattened row-major (5×5); nil otherwise.
    public var perEdgeKernel: [Double]? {
        guard case .opKernel(let p, let m) = kind else { return nil }
        return (0..<25).map { index in
            let (a, b) = (index / 5, index % 5)
            return p * m[a][b] + (a == b ? 1 - p : 0)
        }
    }

    /// Whether P(x → y) = P(y → x): true for every isotropic family and for `op-kernel` with symmetric M.
    public var isSymmetric: Bool {
        guard case .opKernel(_, let m) = kind else { return true }
        return (0..<5).allSatisfy { a in (0..<5).allSatisfy { b in m[a][b] == m[b][a] } }
    }

    /// Whether the uniform distribution is stationary (P doubly stochastic), so that with `always` the
    /// mean improvability over all starts is exactly 0. Symmetric operators always are; `op-kernel` is
    /// when M's columns also sum to 1.
    public var preservesUniform: Bool {
        guard case .opKernel(let p, let m) = kind else { return true }
        if p == 0 || isSymmetric { return true }
        return (0..<5).allSatisfy { b in abs((0..<5).reduce(0) { $0 + m[$1][b] } - 1) <= 1e-12 }
    }
}

extension SearchOperator: Codable {
    enum CodingKeys: String, CodingKey { case id, family, params, reach }

    /// Decodes `{id, family, params}`; a stored `reach` is ignored (it is recomputed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        let family = try container.decode(OperatorFamily.self, forKey: .family)
        let parameters = try container.decodeIfPresent(OperatorParameters.self, forKey: .params) ?? OperatorParameters()
        do {
            try self.init(id: id, family: family, parameters: parameters)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .params, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(family, forKey: .family)
        try container.encode(parameters, forKey: .params)
        try container.encode(reach, forKey: .reach)
    }
}

/// Integer power of a probability (exact for small exponents, no libm dependency).
func integerPower(_ base: Double, _ exponent: Int) -> Double {
    (0..<exponent).reduce(1.0) { product, _ in product * base }
}
