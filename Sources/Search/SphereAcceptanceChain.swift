import SearchSpace
import Support

/// Exact dynamic programming for distance-type operators under a fitness-dependent rule at any path length.
/// With B_d v(x) = (1/C_d) Σ_{y: d(x,y)=d} a(x,y)·v(y) + (1 − A_d(x))·v(x) and B_0 = I, an operator with
/// distance law π moves by P = Σ_d π_d B_d, so one backward step v ← P v is one pass of `AcceptedSphereSums`
/// (O(64 N)) whatever the operator's support, where `AcceptanceDP` visits every proposal (C_k per cell for
/// `k-edit(k)`: 1,280 at k = 3). The operators of one call step together, their vectors in the lanes of one pass.
struct SphereAcceptanceChain {
    let sums: AcceptedSphereSums
    let tables: OneStepTables

    /// For each distance law, for each requested path length (ascending): E[f(X_L) | x] and the expected total
    /// distance moved in L steps, both for every x (W_{t+1} = m + P W_t, m the expected distance of one step).
    func run(distanceLaws: [[Double]], fitness: FitnessFunction, pathLengths: [Int], threads: Int)
        -> [[(expected: [Double], moved: [Double])]] {
        precondition(pathLengths == pathLengths.sorted() && (pathLengths.first ?? 1) >= 1)
        let n = Cell.count
        let oneStepMoved = distanceLaws.map { tables.expectedDistanceMoved(distanceDistribution: $0) }
        // Lanes 2i and 2i + 1: operator i's expected fitness and distance moved.
        var vectors = distanceLaws.flatMap { _ in [fitness.values, [Double](repeating: 0, count: n)] }
        var results = [[(expected: [Double], moved: [Double])]](repeating: [], count: distanceLaws.count)
        var step = 0
        for length in pathLengths {
            while step < length {
                let spheres = sums.sums(of: vectors, threads: threads)
                for (i, pi) in distanceLaws.enumerated() {
                    vectors[2 * i] = applied(pi, to: vectors[2 * i], spheres: spheres[2 * i])
                    vectors[2 * i + 1] = zip(oneStepMoved[i], applied(pi, to: vectors[2 * i + 1], spheres: spheres[2 * i + 1])).map(+)
                }
                step += 1
            }
            for i in distanceLaws.indices { results[i].append((vectors[2 * i], vectors[2 * i + 1])) }
        }
        return results
    }

    /// P v = π_0 v + Σ_{d ≥ 1} π_d B_d v.
    private func applied(_ pi: [Double], to v: [Double], spheres: [Double]) -> [Double] {
        var out = v.map { pi[0] * $0 }
        for d in 1...Cell.edgeCount where pi[d] != 0 {
            for (x, step) in tables.distanceStep(d, of: v, spheres: spheres).enumerated() { out[x] += pi[d] * step }
        }
        return out
    }
}
