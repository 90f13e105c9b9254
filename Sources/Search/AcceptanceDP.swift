import SearchSpace

/// Exact dynamic programming for `k-edit(k)` under any acceptance rule (practical for k ≤ 2, where a cell
/// has at most 240 proposals):
/// V_t(x) = Σ_y P(x,y)[a(x,y) V_{t−1}(y) + (1 − a(x,y)) V_{t−1}(x)], V_0 = f, gives E[f(X_t) | x];
/// alongside, W_t = m + P_a W_{t−1} with m(x) = k · P(accept | x) gives the expected distance moved.
public struct AcceptanceDP: Sendable {
    /// Per cell, the accepted proposals and their probabilities P(x,y)·a(x,y) (compressed rows).
    let rowStart: [Int]
    let targets: [Int32]
    let weights: [Double]
    /// P(reject | x): the probability of staying put.
    let stay: [Double]
    let distance: Int

    /// The cells at distance `distance` of every cell, flattened: `table[n·x + i]` for n = sphereSize(distance).
    public static func sphereTable(distance: Int) -> [Int32] {
        var table: [Int32] = []
        table.reserveCapacity(Cell.count * Combinatorics.sphereSize(distance))
        for x in 0..<Cell.count {
            table.append(contentsOf: Cell(code: x).cells(atDistance: distance).map { Int32($0.code) })
        }
        return table
    }

    /// Builds the accepted-transition rows of `k-edit(distance)` under `rule` on `fitness`, from a
    /// `sphereTable(distance:)`.
    public init(sphere: [Int32], distance: Int, rule: AcceptanceRule, fitness: FitnessFunction) {
        let degree = Combinatorics.sphereSize(distance)
        precondition(sphere.count == degree * Cell.count)
        let f = fitness.values
        var rowStart = [0], targets: [Int32] = [], weights: [Double] = [], stay = [Double](repeating: 0, count: Cell.count)
        targets.reserveCapacity(sphere.count)
        weights.reserveCapacity(sphere.count)
        let share = 1 / Double(degree)
        for x in 0..<Cell.count {
            var accepted = 0.0
            for slot in 0..<degree {
                let y = sphere[x * degree + slot]
                let a = rule.probability(from: f[x], to: f[Int(y)])
                guard a > 0 else { continue }
                targets.append(y)
                weights.append(a * share)
                accepted += a
            }
            stay[x] = 1 - accepted * share
            rowStart.append(targets.count)
        }
        self.rowStart = rowStart
        self.targets = targets
        self.weights = weights
        self.stay = stay
        self.distance = distance
    }

    /// For each requested path length (ascending), E[f(X_L) | x] and the expected total distance moved in
    /// L steps, both for every x.
    public func run(fitness: FitnessFunction, pathLengths: [Int]) -> [(expected: [Double], moved: [Double])] {
        precondition(pathLengths == pathLengths.sorted() && (pathLengths.first ?? 1) >= 1)
        var value = fitness.values, moved = [Double](repeating: 0, count: Cell.count)
        var nextValue = value, nextMoved = moved
        let acceptMove = stay.map { Double(distance) * (1 - $0) }
        var results: [(expected: [Double], moved: [Double])] = []
        var step = 0
        for length in pathLengths {
            while step < length {
                iterate(value: value, moved: moved, acceptMove: acceptMove, nextValue: &nextValue, nextMoved: &nextMoved)
                swap(&value, &nextValue)
                swap(&moved, &nextMoved)
                step += 1
            }
            results.append((value, moved))
        }
        return results
    }

    private func iterate(value: [Double], moved: [Double], acceptMove: [Double],
                         nextValue: inout [Double], nextMoved: inout [Double]) {
        rowStart.withUnsafeBufferPointer { rowStart in
        targets.withUnsafeBufferPointer { targets in
        weights.withUnsafeBufferPointer { weights in
        value.withUnsafeBufferPointer { value in
        moved.withUnsafeBufferPointer { moved in
        nextValue.withUnsafeMutableBufferPointer { nextValue in
        nextMoved.withUnsafeMutableBufferPointer { nextMoved in
            for x in 0..<Cell.count {
                var v = stay[x] * value[x], w = acceptMove[x] + stay[x] * moved[x]
                for slot in rowStart[x]..<rowStart[x + 1] {
                    let y = Int(targets[slot]), weight = weights[slot]
                    v += weight * value[y]
                    w += weight * moved[y]
                }
                nextValue[x] = v
                nextMoved[x] = w
            }
        }}}}}}}
    }
}
