/// Everything measured for one algorithm on one metric.
public struct AlgorithmMeasurement: Sendable, Equatable, Codable {
    public let algorithm: AlgorithmID
    public let parameters: [String: Double]
    public let metric: String
    public let runs: Int
    public let budget: Int
    /// Best-so-far and regret against queries 1…budget.
    public let fixedBudget: FixedBudgetCurve
    /// One per `SearchLandscape.targets`, the global maximum first.
    public let fixedTargets: [FixedTargetSummary]
    /// One per (start group, path length), groups in `SearchLandscape.startGroups` order.
    public let reachImprovability: [ReachImprovabilityPoint]
    /// Per run until the global maximum: iterations completed and restarts taken (local search restarts
    /// by design; for evolution, annealing and the EA a restart is the stagnation guard).
    public let meanIterations: Double
    public let meanRestarts: Double

    /// Queries to the global maximum (never censored).
    public var queriesToGlobalMaximum: FixedTargetSummary { fixedTargets[0] }
}
