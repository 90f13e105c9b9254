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
        var records: [(change: Double, moved: Double)] = []
        records.reserveCapacity(pathLengths.count)
        withTables { raw, acceptance, fitness in
            expectations.change.withUnsafeBufferPointer { change in
            expectations.moved.withUnsafeBufferPointer { moved in
                var position = WalkPosition(start, fitness), step = 0, changeSum = 0.0, movedSum = 0.0
                for length in pathLengths {
                    while step < length {
                        changeSum += change[position.cell]
                        movedSum += moved[position.cell]
                        _ = position.step(raw, acceptance, fitness, using: &generator)
                        step &+= 1
                    }
                    records.append((changeSum, movedSum))
                }
            }}
        }
        return records
    }
}
