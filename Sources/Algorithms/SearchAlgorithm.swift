/// A NAS search algorithm: a seeded value type whose `search` drives one run through `SearchRun`.
///
/// An algorithm never counts queries, keeps a cache or decides when a run ends: `SearchRun` does, so
/// every algorithm is measured by the same rules. An algorithm's loop only has to
/// - start with `run.start()` (or several of them), query cells with `run.query(_:)`,
/// - call `run.completeIteration(from:to:)` once per iteration (the cell the step departs from and the
///   one it arrives at, which define its effective reach and improvability),
/// - return as soon as `run.isFinished`,
/// - and, unless it can show that it keeps querying new cells, restart with `run.restart()` when
///   `run.isStagnant(patience:)`: restarts draw unqueried cells, which is what makes every run end.
public protocol SearchAlgorithm: Sendable {
    var id: AlgorithmID { get }
    /// The parameters by name, as `results.json` records them (`searchAlgorithms[].params`).
    var parameters: [String: Double] { get }
    func search(_ run: inout SearchRun)
}

/// The five algorithms with their literature defaults.
public enum StandardAlgorithms {
    /// `budget` sets the simulated-annealing cooling length, so the schedule ends where the fixed-budget
    /// measurements end.
    public static func all(budget: Int) -> [any SearchAlgorithm] {
        [
            RandomSearch(),
            LocalSearch(),
            RegularizedEvolution(),
            SimulatedAnnealing(coolingQueries: budget),
            OnePlusLambdaEA(),
        ]
    }
}
