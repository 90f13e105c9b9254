import SearchSpace
import Statistics

/// Simulated annealing (Kirkpatrick et al. 1983) over k-edit(1) proposals with Metropolis acceptance:
/// a proposal y of the current cell x is accepted when f(y) ≥ f(x), otherwise with probability
/// exp((f(y) − f(x))/T).
///
/// Schedule: geometric cooling in accuracy points over the queries, T(q) = T0·(T1/T0)^(min(q, Q)/Q) after
/// q queries, so T falls from T0 at the first query to T1 when `coolingQueries` Q (the budget) are spent,
/// and stays at T1 after. Defaults T0 = 1 and T1 = 0.05 points: on NATS-Bench a typical worsening
/// step between neighbours near the top is 0.5–1.5 points (median |Δf| over the top 10% on the three
/// test accuracies), accepted with probability about 0.6–0.2 at the start and practically never at the end.
///
/// An iteration is one proposal; it moves from x to the accepted cell (x itself on rejection).
/// Termination: after `patience` iterations in a row without a new query (e.g. a strict local maximum
/// whose neighbours are all cached, once cold) the walk restarts at an unqueried cell, so a run ends.
public struct SimulatedAnnealing: SearchAlgorithm {
    public let initialTemperature: Double
    public let finalTemperature: Double
    public let coolingQueries: Int
    public let patience: Int

    public init(initialTemperature: Double = 1, finalTemperature: Double = 0.05, coolingQueries: Int = 300,
                patience: Int = 100) {
        precondition(initialTemperature > 0 && finalTemperature > 0 && coolingQueries > 0 && patience > 0)
        self.initialTemperature = initialTemperature
        self.finalTemperature = finalTemperature
        self.coolingQueries = coolingQueries
        self.patience = patience
    }

    public var id: AlgorithmID { .simulatedAnnealing }
    public var parameters: [String: Double] {
        ["initialTemperature": initialTemperature, "finalTemperature": finalTemperature,
         "coolingQueries": Double(coolingQueries), "patience": Double(patience)]
    }

    /// T after `queries` queries.
    public func temperature(afterQueries queries: Int) -> Double {
        let progress = Double(min(queries, coolingQueries)) / Double(coolingQueries)
        return initialTemperature * _pow(finalTemperature / initialTemperature, progress)
    }

    public func search(_ run: inout SearchRun) {
        let table = run.landscape.neighbours
        run.followTrajectory(patience: patience) { run, current in
            let currentFitness = run.landscape.value(current)
            let proposal = table[current, run.generator.nextInt(below: NeighbourTable.degree)]
            let proposalFitness = run.query(proposal)
            let accepted = proposalFitness >= currentFitness
                || run.generator.nextUniform() < _exp((proposalFitness - currentFitness) / temperature(afterQueries: run.queries))
            return accepted ? proposal : current
        }
    }
}
