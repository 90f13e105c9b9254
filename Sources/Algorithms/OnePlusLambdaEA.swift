import Statistics
import SearchSpace

/// The (1+λ) evolutionary algorithm with per-edge mutation: each generation makes λ offspring of the
/// parent, each edge of each offspring independently, with probability p, set to a uniformly chosen
/// different operation (the per-edge(p) operator; an offspring may equal its parent, which costs nothing);
/// the best offspring (highest fitness, ties to the lower API index) replaces the parent when it is at
/// least as fit (ties move, so the EA drifts on plateaus).
///
/// Defaults p = 1/6, the standard mutation rate 1/n for n = 6 edges (Bäck 1993; Droste, Jansen &
/// Wegener 2002), and λ = 10, the population size of the regularized-evolution protocol, so that both
/// make ten children between selections.
///
/// An iteration is one generation; it moves from the parent to the next parent (itself when none of the
/// offspring is accepted). Termination: after `patience` generations in a row without a new query the
/// parent is replaced by an unqueried cell (a restart), so a run ends.
public struct OnePlusLambdaEA: SearchAlgorithm {
    public let offspring: Int
    public let mutationRate: Double
    public let patience: Int

    public init(offspring: Int = 10, mutationRate: Double = 1.0 / 6, patience: Int = 100) {
        precondition(offspring > 0 && mutationRate > 0 && mutationRate <= 1 && patience > 0)
        self.offspring = offspring
        self.mutationRate = mutationRate
        self.patience = patience
    }

    public var id: AlgorithmID { .onePlusLambdaEA }
    public var parameters: [String: Double] {
        ["lambda": Double(offspring), "p": mutationRate, "patience": Double(patience)]
    }

    public func search(_ run: inout SearchRun) {
        let fitness = run.landscape.fitness
        run.followTrajectory(patience: patience) { run, parent in
            var best = -1
            for _ in 0..<offspring {
                let child = mutate(parent, using: &run.generator)
                _ = run.query(child)
                if run.isFinished { return nil }
                if best < 0 || fitness.ranksAbove(child, best) { best = child }
            }
            return fitness.values[best] >= fitness.values[parent] ? best : parent
        }
    }

    /// Per-edge(p) mutation of `cell`.
    @inline(__always)
    func mutate(_ cell: Int, using generator: inout SeededGenerator) -> Int {
        var child = cell
        for edge in 0..<Cell.edgeCount where generator.nextUniform() < mutationRate {
            let stride = Cell.strides[edge]
            let operation = (cell / stride) % Cell.operationCount
            let replacement = (operation + 1 + generator.nextInt(below: Cell.operationCount - 1)) % Cell.operationCount
            child += (replacement - operation) * stride
        }
        return child
    }
}
