import SearchSpace
import Statistics

/// A precomputed sampler of one operator's proposals: a few table look-ups and RNG draws per step.
///
/// Isotropic operators draw d from the cumulative π, then one of the C(6,d) edge subsets and, for each
/// chosen edge, a shift 1…4 (two random bits) added to its operation mod 5. `op-kernel` draws each
/// edge's new operation from the cumulative rows of (1 − p)·I + p·M.
public struct ProposalSampler: Sendable {
    enum Law: Sendable {
        case isotropic
        case product
    }

    let law: Law
    /// Isotropic: cumulative π (7 entries, the last forced to 1). Product: 25 cumulative kernel entries.
    let cumulative: [Double]
    // Held per sampler so the hot loop reads them without a lazy-global check.
    let digits = DigitTable.digits
    let shift = DigitTable.shift
    let subsets = EdgeSubsets.byDistance

    public init(_ op: SearchOperator) {
        if let pi = op.distanceDistribution {
            law = .isotropic
            cumulative = ProposalSampler.cumulativeSums(pi, rowLength: pi.count)
        } else {
            law = .product
            cumulative = ProposalSampler.cumulativeSums(op.perEdgeKernel!, rowLength: Cell.operationCount)
        }
    }

    /// Row-wise cumulative sums whose last entry per row is exactly 1, so a uniform in [0, 1) always lands.
    private static func cumulativeSums(_ values: [Double], rowLength: Int) -> [Double] {
        var result = values
        for start in stride(from: 0, to: values.count, by: rowLength) {
            var sum = 0.0
            for i in start..<start + rowLength {
                sum += values[i]
                result[i] = sum
            }
            result[start + rowLength - 1] = 1
        }
        return result
    }

    /// One proposal from cell `x`: the proposed cell and its edit distance from x.
    public func propose(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        switch law {
        case .isotropic: proposeIsotropic(from: x, using: &generator)
        case .product: proposeProduct(from: x, using: &generator)
        }
    }

    func proposeIsotropic(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        let u = generator.nextUniform()
        var d = 0
        while u >= cumulative[d] { d += 1 }
        if d == 0 { return (x, 0) }
        let masks = subsets[d]
        var mask = masks[generator.nextInt(below: masks.count)]
        var bits = generator.next()
        var y = x
        while mask != 0 {
            let edge = mask.trailingZeroBitCount
            mask &= mask - 1
            let digit = Int(digits[x &* Cell.edgeCount &+ edge])
            let shifted = shift[digit &* 4 &+ Int(bits & 3)]
            bits >>= 2
            y &+= (shifted &- digit) &* Cell.strides[edge]
        }
        return (y, d)
    }

    func proposeProduct(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        var y = x
        var moved = 0
        for edge in 0..<Cell.edgeCount {
            let a = Int(digits[x &* Cell.edgeCount &+ edge])
            let u = generator.nextUniform()
            var b = 0
            while u >= cumulative[a &* 5 &+ b] { b += 1 }
            if b != a {
                y &+= (b &- a) &* Cell.strides[edge]
                moved += 1
            }
        }
        return (y, moved)
    }
}

/// The operation (0…4) on every edge of every cell: `digits[6·code + edge]`, and the shift table.
enum DigitTable {
    static let digits: [UInt8] = (0..<Cell.count * Cell.edgeCount).map { index in
        UInt8((index / Cell.edgeCount / Cell.strides[index % Cell.edgeCount]) % 5)
    }

    /// (digit + 1 + r) mod 5 for r = 0…3, at `shift[4·digit + r]`: a uniformly chosen different operation.
    static let shift: [Int] = (0..<20).map { ($0 / 4 + 1 + $0 % 4) % 5 }
}

/// The edge subsets of each size as bit masks: `byDistance[d]` holds the C(6,d) masks with d bits set.
enum EdgeSubsets {
    static let byDistance: [[Int]] = (0...Cell.edgeCount).map { d in
        (0..<(1 << Cell.edgeCount)).filter { $0.nonzeroBitCount == d }
    }
}
