import SearchSpace
import Support

/// The masked distance-class operators of one acceptance rule applied to any vector v:
/// (Σ_{y: d(x,y)=d} a(x,y)·v(y)) for every cell x and d = 0…6, in O(64 N) per vector.
///
/// Which cells of a subcube x accepts depends only on f (their sorted positions from x's first accepted
/// one on, plus for Metropolis the ones below with weight e^{(f(y) − f(x))/T}), so it is found once per rule;
/// each vector then costs one prefix-sum pass per edge set and 64 lookups per cell, and the sphere sums
/// follow by the inclusion–exclusion of `OneStepTables`.
struct AcceptedSphereSums: Sendable {
    let subcubes: SortedSubcubes
    let temperature: Double?
    /// Per F·N + x: the first sorted position of x's subcube of F that x accepts with probability 1.
    let firstAccepted: [Int32]
    /// Metropolis only: per F·N + x, e^{(f(y) − f(x))/T} of the cell y just below `firstAccepted` (0 if none).
    let belowScale: [Double]?

    init(subcubes: SortedSubcubes, rule: AcceptanceRule, threads: Int) {
        self.subcubes = subcubes
        temperature = rule.metropolisTemperature
        let n = Cell.count, strict = rule == .improving, always = rule == .always
        let perSet = Parallel.map(count: SortedSubcubes.setCount, threads: threads) { set in
            let size = SortedSubcubes.cubeSize(set)
            return (0..<n).map { x -> Int32 in
                let start = Int(subcubes.cubeStart[set * n + x]), fx = subcubes.fitness[x]
                guard !always else { return Int32(start) }
                var first = start, remaining = size
                while remaining > 0 {
                    let half = remaining >> 1, v = subcubes.values[first + half]
                    if strict ? v <= fx : v < fx { first += half + 1; remaining -= half + 1 } else { remaining = half }
                }
                return Int32(first)
            }
        }
        let firstAccepted = perSet.flatMap { $0 }
        self.firstAccepted = firstAccepted
        belowScale = temperature.map { t in
            (0..<SortedSubcubes.setCount * n).map { index in
                let first = Int(firstAccepted[index]), start = Int(subcubes.cubeStart[index])
                return first > start ? _exp((subcubes.values[first - 1] - subcubes.fitness[index % n]) / t) : 0
            }
        }
    }

    /// Σ_{y: d(x,y)=d} a(x,y)·v(y) at `d · N + x`, d = 0…6.
    func sums(of v: [Double], threads: Int) -> [Double] {
        let n = Cell.count, orders = Cell.edgeCount + 1, values = subcubes.values, order = subcubes.order
        let temperature = self.temperature
        // Per set, in sorted order: upper[i] = Σ_{l ≥ i} v(y_l) and (Metropolis) lower[i] = Σ_{l ≤ i} e^{(f_l − f_i)/T} v(y_l)
        // over i's subcube; the recursion for `lower` keeps every exponent ≤ 0, so nothing overflows.
        let tails = Parallel.map(count: SortedSubcubes.setCount, threads: threads) { set -> (upper: [Double], lower: [Double]) in
            let size = SortedSubcubes.cubeSize(set), offset = set * n
            var upper = [Double](repeating: 0, count: n), lower = temperature == nil ? [] : upper
            for start in stride(from: 0, to: n, by: size) {
                var sum = 0.0
                for i in stride(from: start + size - 1, through: start, by: -1) {
                    sum += v[Int(order[offset + i])]
                    upper[i] = sum
                }
                if let t = temperature {
                    lower[start] = v[Int(order[offset + start])]
                    for i in start + 1 ..< start + size {
                        let ratio = _exp((values[offset + i - 1] - values[offset + i]) / t)
                        lower[i] = lower[i - 1] * ratio + v[Int(order[offset + i])]
                    }
                }
            }
            return (upper, lower)
        }
        let upper = tails.flatMap(\.upper), lower = temperature == nil ? [] : tails.flatMap(\.lower)
        let chunk = 125
        let chunks = Parallel.map(count: n / chunk, threads: threads) { c -> [Double] in
            var out = [Double](repeating: 0, count: orders * chunk)
            for i in 0..<chunk {
                let x = c * chunk + i
                var r = [Double](repeating: 0, count: orders)  // R_j: sums over the subcubes with j fixed edges
                for set in 0..<SortedSubcubes.setCount {
                    let index = set * n + x, first = Int(firstAccepted[index])
                    let end = Int(subcubes.cubeStart[index]) + SortedSubcubes.cubeSize(set)
                    var sum = first < end ? upper[first] : 0
                    if let belowScale, belowScale[index] > 0 { sum += belowScale[index] * lower[first - 1] }
                    r[set.nonzeroBitCount] += sum
                }
                for d in 0..<orders {
                    let agree = Cell.edgeCount - d
                    var sum = 0.0
                    for j in agree..<orders {
                        sum += Double(Combinatorics.binomial(j, agree) * ((j - agree) % 2 == 0 ? 1 : -1)) * r[j]
                    }
                    out[d * chunk + i] = sum
                }
            }
            return out
        }
        var result = [Double](repeating: 0, count: orders * n)
        for (c, sums) in chunks.enumerated() {
            for d in 0..<orders {
                for i in 0..<chunk { result[d * n + c * chunk + i] = sums[d * chunk + i] }
            }
        }
        return result
    }
}
