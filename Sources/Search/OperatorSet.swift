import SearchSpace
import Statistics

/// The seeded generator of the operator set the experiments run over.
public enum OperatorSet {
    /// `count` operators (at least the 7 anchors) spanning reach from near 0 to 6 with several families at
    /// equal reach: the anchors k-edit(1…6) and uniform, then, drawn per index from its own stream,
    /// 30% per-edge (p ~ U(0,1)), 40% distance-mixture (Dirichlet-like weights tilted towards a random
    /// centre) and 30% op-kernel (p ~ U(0,1); half with random Dirichlet rows, half with a symmetric
    /// doubly-stochastic M). Ids are `<family>-<index>` with a 4-digit index, stable for a (count, seed).
    public static func generate(count: Int, seed: UInt64) -> [SearchOperator] {
        let anchors: [SearchOperator.Kind] = (1...Cell.edgeCount).map { .kEdit($0) } + [.uniform]
        let root = SeededGenerator(seed: seed, stream: 0x0BE7_A702)
        return (0..<max(count, anchors.count)).map { index in
            let kind: SearchOperator.Kind
            if index < anchors.count {
                kind = anchors[index]
            } else {
                var generator = root.stream(UInt64(index))
                kind = randomKind(using: &generator)
            }
            return try! SearchOperator(id: "\(kind.family.rawValue)-\(paddedIndex(index))", kind: kind)
        }
    }

    static func randomKind(using generator: inout SeededGenerator) -> SearchOperator.Kind {
        let draw = generator.nextUniform()
        if draw < 0.3 { return .perEdge(generator.nextUniform()) }
        if draw < 0.7 {
            // A tilt exp(−s·|d − c|) around a uniform centre c makes the reach span 0…6, not just ~3.
            let centre = 6 * generator.nextUniform(), sharpness = 3 * generator.nextUniform()
            let weights = (0...Cell.edgeCount).map { d in
                exponentialDraw(&generator) * _exp(-sharpness * abs(Double(d) - centre))
            }
            return .distanceMixture(normalised(weights))
        }
        let p = generator.nextUniform()
        if generator.nextUniform() < 0.5 {
            let m = (0..<Cell.operationCount).map { _ in normalised((0..<Cell.operationCount).map { _ in exponentialDraw(&generator) }) }
            return .opKernel(p: p, m: m)
        }
        return .opKernel(p: p, m: symmetricDoublyStochastic(using: &generator))
    }

    /// (Q + Qᵀ)/2 for Q a random convex combination of three permutation matrices: symmetric, and its
    /// rows and columns sum to 1.
    static func symmetricDoublyStochastic(using generator: inout SeededGenerator) -> [[Double]] {
        let n = Cell.operationCount
        var q = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        let weights = normalised((0..<3).map { _ in exponentialDraw(&generator) })
        for weight in weights {
            var permutation = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { permutation.swapAt(i, generator.nextInt(below: i + 1)) }
            for a in 0..<n { q[a][permutation[a]] += weight }
        }
        return (0..<n).map { a in (0..<n).map { b in (q[a][b] + q[b][a]) / 2 } }
    }

    /// A draw from Exp(1): normalised, these are Dirichlet(1, …, 1).
    static func exponentialDraw(_ generator: inout SeededGenerator) -> Double {
        -_log(1 - generator.nextUniform())
    }

    static func normalised(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var result = weights.map { $0 / total }
        // Put the rounding residue on the largest entry so the sum is 1 up to one ulp.
        let largest = result.indices.max { result[$0] < result[$1] }!
        result[largest] += 1 - result.reduce(0, +)
        return result
    }

    /// The index with at least four digits, so ids sort in generation order.
    static func paddedIndex(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
