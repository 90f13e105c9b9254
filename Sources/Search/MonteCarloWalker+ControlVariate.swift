import SearchSpace
import Statistics

/// Per-cell expectations of one step, from the exact one-step tables: g(z) = E[f(X_{t+1}) − f(X_t) | X_t = z]
/// and r(z) = E[distance moved in one step | X_t = z].
struct OneStepExpectations: Sendable {
    let change: [Double]
    let moved: [Double]
}

extension MonteCarloWalker {
    /// The same walk as `walk(from:pathLengths:using:)` (the same draws), recording for each length L
    /// Σ_{t<L} g(X_t) and Σ_{t<L} r(X_t) instead of f(X_L) − f(x) and the distance moved. Both are unbiased
    /// for the same expectations (E[f(X_{t+1}) − f(X_t) | X_t] = g(X_t)) and drop the noise of every step's own
    /// outcome, so they vary far less; at L = 1 they are exact.
    func conditionedWalk(from start: Int, pathLengths: [Int], expectations: OneStepExpectations,
                         using generator: inout SeededGenerator) -> [(change: Double, moved: Double)] {
        var generators = [generator]
        defer { generator = generators[0] }
        return walks(from: [start], generators: &generators, pathLengths: pathLengths, expectations: expectations)[0]
    }
}

extension MonteCarloWalker {
    /// Walks started at `starts`, walk i drawing from `generators[i]`, each exactly the walk
    /// `walk(from:pathLengths:using:)` (no `expectations`) or `conditionedWalk` would take alone; for each
    /// length, the change and the distance moved as those record them. Four walks advance in lockstep: a
    /// step waits on its proposal's fitness load, and interleaving independent walks overlaps those waits.
    func walks(from starts: [Int], generators: inout [SeededGenerator], pathLengths: [Int],
               expectations: OneStepExpectations?) -> [[(change: Double, moved: Double)]] {
        precondition(starts.count == generators.count)
        let lanes = 4, walkCount = starts.count
        var records = [[(change: Double, moved: Double)]](repeating: [], count: walkCount)
        let noChange = [Double]()
        withTables { raw, acceptance, fitness in
            (expectations?.change ?? noChange).withUnsafeBufferPointer { change in
            (expectations?.moved ?? noChange).withUnsafeBufferPointer { moved in
            generators.withUnsafeMutableBufferPointer { generators in
                let conditioned = expectations != nil
                for base in stride(from: 0, to: walkCount, by: lanes) {
                    let count = min(lanes, walkCount - base)
                    var positions = (0..<count).map { WalkPosition(starts[base + $0], fitness) }
                    var changeSums = [Double](repeating: 0, count: count), movedSums = changeSums
                    var step = 0
                    for length in pathLengths {
                        while step < length {
                            for w in 0..<count {
                                if conditioned {
                                    changeSums[w] += change[positions[w].cell]
                                    movedSums[w] += moved[positions[w].cell]
                                }
                                _ = positions[w].step(raw, acceptance, fitness, using: &generators[base + w])
                            }
                            step &+= 1
                        }
                        for w in 0..<count {
                            records[base + w].append(conditioned
                                ? (changeSums[w], movedSums[w])
                                : (positions[w].fitness - fitness[starts[base + w]], Double(positions[w].moved)))
                        }
                    }
                }
            }}}
        }
        return records
    }
}
