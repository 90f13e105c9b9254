import SearchSpace
import Statistics

/// Per-cell expectations of one step, from the exact one-step tables: g(z) = E[f(X_{t+1}) − f(X_t) | X_t = z]
/// and r(z) = E[distance moved in one step | X_t = z].
public struct OneStepExpectations: Sendable {
    let change: [Double]
    let moved: [Double]
}

/// What a Monte Carlo walk records at each length L; each is unbiased for E[f(X_L) − f(x)] and the expected
/// distance moved in L steps.
public enum WalkRecording: Sendable {
    /// f(X_L) − f(x) and the distance moved.
    case outcome
    /// Σ_{t<L} g(X_t) and Σ_{t<L} r(X_t): the exact one-step expectations along the walk, a control variate. Since
    /// E[f(X_{t+1}) − f(X_t) | X_t] = g(X_t), it is unbiased for the same expectation and drops the noise of every
    /// step's own outcome, so it varies far less; at L = 1 it is exact.
    case conditioned(OneStepExpectations)
    /// At the lengths given, Σ_{t<L} a(X_t, Y_t)·(f(Y_t) − f(X_t)) and Σ_{t<L} a(X_t, Y_t)·d(X_t, Y_t), Y_t the
    /// proposal: every step averaged over its acceptance draw (Rao–Blackwell), so Metropolis' accept-or-reject
    /// coin adds no noise (a top cell's proposals are mostly far worse and rarely accepted: one accepted drop of
    /// several points becomes many small expected ones); the outcome at the other lengths. Over long paths the
    /// outcome can be the sharper one (it telescopes, the sum does not), so `WalkBudget`'s pilot picks the lengths.
    case acceptanceAveraged(lengths: Set<Int>)
}

extension MonteCarloWalker {
    /// Walks started at `starts`, walk i drawing from `generators[i]`, each exactly the walk
    /// `walk(from:pathLengths:using:)` takes alone (the recording never changes the draws); for each length,
    /// the change and the distance moved as `recording` says. Four walks advance in lockstep: a step waits
    /// on its proposal's fitness load, and interleaving independent walks overlaps those waits.
    public func walks(from starts: [Int], generators: inout [SeededGenerator], pathLengths: [Int],
                      recording: WalkRecording) -> [[(change: Double, moved: Double)]] {
        precondition(starts.count == generators.count)
        let lanes = 4, walkCount = starts.count
        var records = [[(change: Double, moved: Double)]](repeating: [], count: walkCount)
        var expectations: OneStepExpectations?, averagedLengths = Set<Int>()
        switch recording {
        case .outcome: break
        case .conditioned(let given): expectations = given
        case .acceptanceAveraged(let lengths): averagedLengths = lengths
        }
        let averaged = !averagedLengths.isEmpty
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
                                if averaged {
                                    _ = positions[w].step(raw, acceptance, fitness, using: &generators[base + w],
                                                          expectedChange: &changeSums[w], expectedMove: &movedSums[w])
                                    continue
                                }
                                if conditioned {
                                    changeSums[w] += change[positions[w].cell]
                                    movedSums[w] += moved[positions[w].cell]
                                }
                                _ = positions[w].step(raw, acceptance, fitness, using: &generators[base + w])
                            }
                            step &+= 1
                        }
                        for w in 0..<count {
                            records[base + w].append(conditioned || averagedLengths.contains(length)
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
