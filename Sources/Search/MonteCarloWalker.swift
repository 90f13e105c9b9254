import SearchSpace
import Statistics

/// Simulates one search method (operator sampler + acceptance rule) on one fitness function.
public struct MonteCarloWalker: Sendable {
    public let sampler: ProposalSampler
    public let rule: AcceptanceRule
    let fitness: [Double]

    public init(operator op: SearchOperator, rule: AcceptanceRule, fitness: FitnessFunction) {
        sampler = ProposalSampler(op)
        self.rule = rule
        self.fitness = fitness.values
    }

    /// One walk of max(pathLengths) steps from `start`; for each requested length (ascending) the fitness
    /// reached and the total edit distance moved so far.
    public func walk(from start: Int, pathLengths: [Int], using generator: inout SeededGenerator) -> [(fitness: Double, moved: Int)] {
        let raw = sampler.storage.raw
        return withExtendedLifetime(sampler.storage) {
            fitness.withUnsafeBufferPointer { fitness in
                var x = start, fx = fitness[start], moved = 0, step = 0
                var records: [(fitness: Double, moved: Int)] = []
                records.reserveCapacity(pathLengths.count)
                for length in pathLengths {
                    while step < length {
                        let (y, d) = raw.propose(from: x, using: &generator)
                        let fy = fitness[y]
                        if rule.accepts(from: fx, to: fy, using: &generator) {
                            x = y
                            fx = fy
                            moved &+= d
                        }
                        step &+= 1
                    }
                    records.append((fx, moved))
                }
                return records
            }
        }
    }

    /// One walk from `start` until f(X_t) ≥ threshold or `cap` steps: the steps taken (τ, or `cap` when
    /// censored), whether θ was reached, and the distance moved.
    public func hittingTime(from start: Int, threshold: Double, cap: Int,
                            using generator: inout SeededGenerator) -> (steps: Int, hit: Bool, moved: Int) {
        let raw = sampler.storage.raw
        return withExtendedLifetime(sampler.storage) {
            fitness.withUnsafeBufferPointer { fitness in
                var x = start, fx = fitness[start], moved = 0
                if fx >= threshold { return (0, true, 0) }
                for step in 1...cap {
                    let (y, d) = raw.propose(from: x, using: &generator)
                    let fy = fitness[y]
                    if rule.accepts(from: fx, to: fy, using: &generator) {
                        x = y
                        fx = fy
                        moved &+= d
                        if fx >= threshold { return (step, true, moved) }
                    }
                }
                return (cap, false, moved)
            }
        }
    }
}
