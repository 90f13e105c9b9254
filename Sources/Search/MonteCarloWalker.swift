import SearchSpace
import Statistics

/// Simulates one search method (operator sampler + acceptance rule) on one fitness function.
public struct MonteCarloWalker: Sendable {
    public let sampler: ProposalSampler
    public let rule: AcceptanceRule
    let fitness: [Double]
    /// metropolis(T) with a fitness spread that fits a double's exponent: w(x) = exp((f(x) − mid)/T), so a
    /// worse move is accepted when u·w(x) < w(y), the same event as u < exp((f(y) − f(x))/T) without an
    /// exp per step. Empty otherwise (a very low T falls back to the exp).
    let weights: [Double]

    public init(operator op: SearchOperator, rule: AcceptanceRule, fitness: FitnessFunction) {
        sampler = ProposalSampler(op)
        self.rule = rule
        self.fitness = fitness.values
        weights = StepAcceptance.weights(rule: rule, fitness: fitness.values)
    }

    /// Runs `body` with the walk's tables as raw pointers.
    @inline(__always)
    func withTables<R>(_ body: (RawSampler, StepAcceptance, UnsafePointer<Double>) -> R) -> R {
        withExtendedLifetime(sampler.storage) {
            fitness.withUnsafeBufferPointer { fitness in
                weights.withUnsafeBufferPointer { weights in
                    body(sampler.storage.raw, StepAcceptance(rule: rule, weights: weights.baseAddress), fitness.baseAddress!)
                }
            }
        }
    }

    /// One walk of max(pathLengths) steps from `start`; for each requested length (ascending) the fitness
    /// reached and the total edit distance moved so far.
    public func walk(from start: Int, pathLengths: [Int], using generator: inout SeededGenerator) -> [(fitness: Double, moved: Int)] {
        var records: [(fitness: Double, moved: Int)] = []
        records.reserveCapacity(pathLengths.count)
        withTables { raw, acceptance, fitness in
            var position = WalkPosition(start, fitness), step = 0
            for length in pathLengths {
                while step < length {
                    _ = position.step(raw, acceptance, fitness, using: &generator)
                    step &+= 1
                }
                records.append((position.fitness, position.moved))
            }
        }
        return records
    }

    /// One walk from `start` until f(X_t) ≥ threshold or `cap` steps: the steps taken (τ, or `cap` when
    /// censored), whether θ was reached, and the distance moved.
    public func hittingTime(from start: Int, threshold: Double, cap: Int,
                            using generator: inout SeededGenerator) -> (steps: Int, hit: Bool, moved: Int) {
        var walk = HittingWalk(start: start, fitness: fitness, threshold: threshold, generator: generator)
        advance(&walk, threshold: threshold, cap: cap)
        generator = walk.generator
        return (walk.steps, walk.hit, walk.position.moved)
    }

    /// Continues a walk that has not reached θ up to `cap` steps in all; a censored walk continued to a
    /// larger cap is the same walk as one run to that cap at once.
    func advance(_ walk: inout HittingWalk, threshold: Double, cap: Int) {
        guard !walk.hit, walk.steps < cap else { return }
        withTables { raw, acceptance, fitness in
            while walk.steps < cap {
                walk.steps &+= 1
                if walk.position.step(raw, acceptance, fitness, using: &walk.generator), walk.position.fitness >= threshold {
                    walk.hit = true
                    return
                }
            }
        }
    }
}

/// A hitting-time walk in progress: where it stands, the steps taken, whether θ was reached, and its stream.
struct HittingWalk {
    var position: WalkPosition
    var steps = 0
    var hit: Bool
    var generator: SeededGenerator

    init(start: Int, fitness: [Double], threshold: Double, generator: SeededGenerator) {
        position = WalkPosition(cell: start, fitness: fitness[start])
        hit = fitness[start] >= threshold
        self.generator = generator
    }
}

/// The acceptance rule as the hot loop applies it: the weighted metropolis draws a uniform on every step,
/// the exp fallback (as `AcceptanceRule.accepts`) only when a move is worse.
struct StepAcceptance {
    enum Kind { case always, improving, nonWorsening, weighted, exponential }
    let kind: Kind
    let temperature: Double
    let weights: UnsafePointer<Double>?

    init(rule: AcceptanceRule, weights: UnsafePointer<Double>?) {
        self.weights = weights
        switch rule {
        case .always: (kind, temperature) = (.always, 0)
        case .improving: (kind, temperature) = (.improving, 0)
        case .nonWorsening: (kind, temperature) = (.nonWorsening, 0)
        case .metropolis(let t): (kind, temperature) = (weights == nil ? .exponential : .weighted, t)
        }
    }

    /// The weights exp((f − mid)/T) when every one is a normal double (|f − mid|/T ≤ 700, mid the
    /// midpoint of the range), else none.
    static func weights(rule: AcceptanceRule, fitness: [Double]) -> [Double] {
        guard case .metropolis(let t) = rule, let low = fitness.min(), let high = fitness.max(),
              (high - low) / 2 / t <= 700 else { return [] }
        let mid = (high + low) / 2
        return fitness.map { _exp(($0 - mid) / t) }
    }

    /// The probability that `accepts` returns true.
    @inline(__always)
    func probability(from x: Int, _ fx: Double, to y: Int, _ fy: Double) -> Double {
        switch kind {
        case .always: return 1
        case .improving: return fy > fx ? 1 : 0
        case .nonWorsening: return fy >= fx ? 1 : 0
        case .weighted: return fy >= fx ? 1 : min(1, weights.unsafelyUnwrapped[y] / weights.unsafelyUnwrapped[x])
        case .exponential: return fy >= fx ? 1 : _exp((fy - fx) / temperature)
        }
    }

    @inline(__always)
    func accepts(from x: Int, _ fx: Double, to y: Int, _ fy: Double, using generator: inout SeededGenerator) -> Bool {
        switch kind {
        case .always: return true
        case .improving: return fy > fx
        case .nonWorsening: return fy >= fx
        // The uniform is drawn on every step, so that the accept/reject choice needs no branch.
        case .weighted:
            let u = generator.nextUniform()
            return fy >= fx || u * weights.unsafelyUnwrapped[x] < weights.unsafelyUnwrapped[y]
        case .exponential: return fy >= fx || generator.nextUniform() < _exp((fy - fx) / temperature)
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
    init(_ start: Int, _ fitness: UnsafePointer<Double>) {
        self.init(cell: start, fitness: fitness[start])
    }

    @inline(__always)
    init(cell: Int, fitness: Double) {
        self.cell = cell
        self.fitness = fitness
    }

    /// One proposal and its acceptance; true when the walk moved.
    @inline(__always)
    mutating func step(_ raw: RawSampler, _ acceptance: StepAcceptance, _ fitness: UnsafePointer<Double>,
                       using generator: inout SeededGenerator) -> Bool {
        let (proposal, distance) = raw.propose(from: cell, using: &generator)
        return settle(proposal, distance: distance, fitness[proposal], acceptance, using: &generator)
    }

    /// `step` with the same draws, adding to `expectedChange` and `expectedMove` what the step changes and moves
    /// on average over its acceptance draw given the proposal y: a(x, y)·(f(y) − f(x)) and a(x, y)·d(x, y).
    @inline(__always)
    mutating func step(_ raw: RawSampler, _ acceptance: StepAcceptance, _ fitness: UnsafePointer<Double>,
                       using generator: inout SeededGenerator, expectedChange: inout Double, expectedMove: inout Double) -> Bool {
        let (proposal, distance) = raw.propose(from: cell, using: &generator)
        let proposedFitness = fitness[proposal]
        let probability = acceptance.probability(from: cell, self.fitness, to: proposal, proposedFitness)
        expectedChange += probability * (proposedFitness - self.fitness)
        expectedMove += probability * Double(distance)
        return settle(proposal, distance: distance, proposedFitness, acceptance, using: &generator)
    }

    @inline(__always)
    private mutating func settle(_ proposal: Int, distance: Int, _ proposedFitness: Double, _ acceptance: StepAcceptance,
                                 using generator: inout SeededGenerator) -> Bool {
        let accepted = acceptance.accepts(from: cell, self.fitness, to: proposal, proposedFitness, using: &generator)
        // Selects instead of branching: whether a walk moves is a coin flip the branch predictor cannot learn.
        cell = accepted ? proposal : cell
        self.fitness = accepted ? proposedFitness : self.fitness
        moved &+= accepted ? distance : 0
        return accepted
    }
}
