import SearchSpace

/// Exact L = 2 statistics of every distance-type operator under one acceptance rule.
///
/// With B_d v(x) = (1/C_d) Σ_{y: d(x,y)=d} a(x,y)·v(y) + (1 − A_d(x))·v(x) (a proposal at distance d, kept or
/// rejected; B_0 = I), an operator with distance law π moves by P = Σ_d π_d B_d. Then with s = Σ_e π_e S_e,
/// E[f(X_2) − f(x)] = s + P s = s + π_0 s + Σ_{d,e ≥ 1} π_d π_e (B_d S_e): bilinear in π, so the 36 vectors
/// B_d S_e, found once per metric and rule (`AcceptedSphereSums`, 6 passes), serve every operator in O(36 N).
/// The distance moved in two steps is m + P m with m = Σ_e π_e · e · A_e, from the 36 vectors B_d A_e.
public struct TwoStepTables: Sendable {
    public let oneStep: OneStepTables
    /// (B_d S_e)(x) at `((d − 1) · 6 + e − 1) · N + x`, d, e = 1…6.
    let change: [Double]
    /// (B_d A_e)(x), laid out as `change`.
    let acceptance: [Double]

    init(oneStep: OneStepTables, sums: AcceptedSphereSums, threads: Int) {
        self.oneStep = oneStep
        let n = Cell.count, edges = Cell.edgeCount
        // The 12 vectors S_e and A_e (e = 1…6) go through the sphere sums together.
        let vectors = [oneStep.change, oneStep.acceptance].flatMap { table in (1...edges).map { e in Array(table[e * n ..< (e + 1) * n]) } }
        let spheres = sums.sums(of: vectors, threads: threads)
        func applied(_ table: Int) -> [Double] {
            var result = [Double](repeating: 0, count: edges * edges * n)
            for e in 1...edges {
                let v = vectors[table * edges + e - 1], sphere = spheres[table * edges + e - 1]
                for d in 1...edges {
                    let row = ((d - 1) * edges + e - 1) * n
                    result.replaceSubrange(row ..< row + n, with: oneStep.distanceStep(d, of: v, spheres: sphere))
                }
            }
            return result
        }
        change = applied(0)
        acceptance = applied(1)
    }

    /// E[f(X_2) − f(x)] for every x under the operator with distance law π.
    public func expectedChange(distanceDistribution pi: [Double]) -> [Double] {
        let s = oneStep.expectedChange(distanceDistribution: pi)
        let twice = OneStepTables.combination(of: change, weights: TwoStepTables.pairWeights(pi) { pi[$0] * pi[$1] })
        return (0..<Cell.count).map { (1 + pi[0]) * s[$0] + twice[$0] }
    }

    /// The expected edit distance moved in two steps, d(X_0, X_1) + d(X_1, X_2), for every x.
    public func expectedDistanceMoved(distanceDistribution pi: [Double]) -> [Double] {
        let m = oneStep.expectedDistanceMoved(distanceDistribution: pi)
        let second = OneStepTables.combination(of: acceptance, weights: TwoStepTables.pairWeights(pi) { pi[$0] * pi[$1] * Double($1) })
        return (0..<Cell.count).map { (1 + pi[0]) * m[$0] + second[$0] }
    }

    /// weight(d, e) for d, e = 1…6 in the tables' order.
    private static func pairWeights(_ pi: [Double], _ weight: (Int, Int) -> Double) -> [Double] {
        precondition(pi.count == Cell.edgeCount + 1)
        return (1...Cell.edgeCount).flatMap { d in (1...Cell.edgeCount).map { e in weight(d, e) } }
    }
}
