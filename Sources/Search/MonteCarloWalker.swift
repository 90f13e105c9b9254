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
                var position = WalkPosition(start, fitness), step = 0
                var records: [(fitness: Double, moved: Int)] = []
                records.reserveCapacity(pathLengths.count)
                for length in pathLengths {
                    while step < length {
                        _ = position.step(raw, rule, fitness, using: &generator)
                        step &+= 1
                    }
                    records.append((position.fitness, position.moved))
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
                var position = WalkPosition(start, fitness)
                if position.fitness >= threshold { return (0, true, 0) }
                for step in 1...cap where position.step(raw, rule, fitness, using: &generator) {
                    if position.fitness >= threshold { return (step, true, position.moved) }
                }
                return (cap, false, position.moved)
            }
        }
    }
}

/// Where a walk stands: the cell, its fitness and the edit distance moved so far. Every walk advances
/// through `step`, so all of them draw from the generator in the same order.
struct WalkPosition {
    var cell: Int
    var fitness: Double
    var moved = 0

    @inline(__always)
    init(_ start: Int, _ fitness: UnsafeBufferPointer<Double>) {
        cell = start
        self.fitness = fitness[start]
    }

    /// One proposal and its acceptance; true when the walk moved.
    @inline(__always)
    mutating func step(_ raw: RawSampler, _ rule: AcceptanceRule, _ fitness: UnsafeBufferPointer<Double>,
                       using generator: inout SeededGenerator) -> Bool {
        let (proposal, distance) = raw.propose(from: cell, using: &generator)
        let proposedFitness = fitness[proposal]
        guard rule.accepts(from: self.fitness, to: proposedFitness, using: &generator) else { return false }
        cell = proposal
        self.fitness = proposedFitness
        moved &+= distance
        return true
    }
}
