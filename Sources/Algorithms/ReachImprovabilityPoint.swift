/// An algorithm's place on the reach–improvability map for one start group and path length L, with the
/// operators' definitions: over runs started uniformly in the group, effective reach is the edit distance
/// moved per iteration, (1/L) Σ_{t<L} d(from_t, to_t), and improvability is (1/L) Σ_{t<L} (f(to_t) − f(from_t)),
/// averaged over the runs. For algorithms with one current cell (random search, local search, annealing,
/// the (1+λ) EA) to_t = from_{t+1}, so improvability telescopes to (f(X_L) − f(X_0))/L exactly as for an
/// operator's chain; for regularized evolution from_t is the tournament winner and to_t its child.
public struct ReachImprovabilityPoint: Sendable, Equatable, Codable {
    public let group: String
    public let pathLength: Int
    public let runs: Int
    public let effectiveReach: Double
    public let reachStandardError: Double
    public let meanImprovability: Double
    public let improvabilityStandardError: Double
}
