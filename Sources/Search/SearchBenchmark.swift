import SearchSpace
import Statistics

/// Timing kernels for the `bench` command: the caller times each call and divides by its returned count.
public enum SearchBenchmark {
    /// Exact spectral group means (`always`, isotropic): every operator × path length × group mean, seven
    /// multiply-adds each once the groups' order means are known. Returns (means computed, checksum).
    public static func exactGroupMeans(operators: [SearchOperator], experiment: ImprovabilityExperiment) -> (count: Int, checksum: Double) {
        var count = 0, checksum = 0.0
        for op in operators {
            guard let eigenvalues = op.eigenvalues else { continue }
            for length in experiment.pathLengths {
                let weights = SpectralEngine.improvabilityWeights(eigenvalues: eigenvalues, pathLength: length)
                for means in experiment.orderMeans {
                    checksum += SpectralEngine.groupMean(weights: weights, orderMeans: means)
                    count += 1
                }
            }
        }
        return (count, checksum)
    }

    /// `steps` Monte Carlo steps per worker on `threads` workers, each with its own stream. Returns the
    /// total steps and a checksum of the final cells.
    public static func monteCarloSteps(_ op: SearchOperator, rule: AcceptanceRule, fitness: FitnessFunction,
                                       steps: Int, threads: Int, seed: UInt64 = 0) -> (count: Int, checksum: Int) {
        let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
        let finals = Parallel.map(count: threads, threads: threads) { worker in
            var generator = SeededGenerator(seed: seed, stream: UInt64(worker))
            return walker.run(steps: steps, using: &generator)
        }
        return (steps * threads, finals.reduce(0, +))
    }
}
