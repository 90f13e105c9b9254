import SearchSpace
import Statistics

/// Exact dynamic programming for `uniform` under a fitness-dependent rule at every path length. A proposal is
/// uniform over all N cells, so Σ_y a(x,y) v(y) depends on x only through f(x): the cells above f(x) (accepted),
/// those tied with it (accepted unless `improving`) and, under `metropolis`, those below weighted by
/// e^{(f(y) − f(x))/T}. Over the runs of equal fitness in increasing order these are suffix sums and one
/// recurrence whose factor e^{(f_prev − f)/T} is at most 1 (nothing overflows), so one backward step
/// v ← P v costs O(N) after one sort, where `AcceptanceDP` would visit N² pairs.
struct UniformAcceptanceChain {
    let rule: AcceptanceRule
    /// The cells by increasing fitness (ties by code); run r is `order[runStarts[r] ..< runStarts[r + 1]]`.
    let order: [Int]
    let runStarts: [Int]
    let runFitness: [Double]
    /// N · P(accept | x) for x in each run.
    let accepted: [Double]

    init(fitness: FitnessFunction, rule: AcceptanceRule) {
        precondition(rule.isFitnessDependent)
        let f = fitness.values
        let order = (0..<Cell.count).sorted { (f[$0], $0) < (f[$1], $1) }
        let runStarts = order.indices.filter { $0 == 0 || f[order[$0]] != f[order[$0 - 1]] } + [Cell.count]
        self.rule = rule
        self.order = order
        self.runStarts = runStarts
        runFitness = runStarts.dropLast().map { f[order[$0]] }
        accepted = UniformAcceptanceChain.acceptedSums(runSums: (0..<runStarts.count - 1).map { Double(runStarts[$0 + 1] - runStarts[$0]) },
                                                       runFitness: runFitness, rule: rule)
    }

    /// For x in each run, Σ_y a(x,y) v(y), from the sums of v over the runs.
    static func acceptedSums(runSums: [Double], runFitness: [Double], rule: AcceptanceRule) -> [Double] {
        var result = [Double](repeating: 0, count: runSums.count), above = 0.0
        for r in runSums.indices.reversed() {
            result[r] = above + (rule == .improving ? 0 : runSums[r])
            above += runSums[r]
        }
        if case .metropolis(let t) = rule {
            // below_r = Σ_{s<r} e^{(f_s − f_r)/T} · runSums[s] = e^{(f_{r−1} − f_r)/T} · (below_{r−1} + runSums[r − 1]).
            var below = 0.0
            for r in runSums.indices.dropFirst() {
                below = (below + runSums[r - 1]) * _exp((runFitness[r - 1] - runFitness[r]) / t)
                result[r] += below
            }
        }
        return result
    }

    /// (P v)(x) = (1/N) Σ_y [a(x,y) v(y) + (1 − a(x,y)) v(x)] for every x.
    func apply(_ v: [Double]) -> [Double] {
        let runs = runFitness.indices
        let sums = UniformAcceptanceChain.acceptedSums(
            runSums: runs.map { r in order[runStarts[r] ..< runStarts[r + 1]].reduce(0.0) { $0 + v[$1] } }, runFitness: runFitness, rule: rule)
        var out = [Double](repeating: 0, count: Cell.count)
        let n = Double(Cell.count)
        for r in runs {
            for x in order[runStarts[r] ..< runStarts[r + 1]] { out[x] = (sums[r] + (n - accepted[r]) * v[x]) / n }
        }
        return out
    }

    /// For each requested path length (ascending), E[f(X_L) | x] and the expected total distance moved in L
    /// steps, both for every x, from `moved`, the expected distance of one step (W_{t+1} = moved + P W_t).
    func run(fitness: FitnessFunction, pathLengths: [Int], moved: [Double]) -> [(expected: [Double], moved: [Double])] {
        precondition(pathLengths == pathLengths.sorted() && (pathLengths.first ?? 1) >= 1)
        var value = fitness.values, distance = [Double](repeating: 0, count: Cell.count), step = 0
        return pathLengths.map { length in
            while step < length {
                value = apply(value)
                distance = zip(moved, apply(distance)).map(+)
                step += 1
            }
            return (value, distance)
        }
    }
}
