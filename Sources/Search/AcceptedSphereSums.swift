import SearchSpace
import Support

/// The masked distance-class operators of one acceptance rule applied to any vectors v:
/// (Σ_{y: d(x,y)=d} a(x,y)·v(y)) for every cell x and d = 0…6, in O(64 N) per vector.
///
/// Which cells of a subcube x accepts depends only on f (their sorted positions from x's first accepted
/// one on, plus for Metropolis the ones below with weight e^{(f(y) − f(x))/T}), so it is found once per rule;
/// each vector then costs one tail-sum pass per edge set and one lookup per cell and set, and the sphere
/// sums follow by the inclusion–exclusion of `OneStepTables`. Vectors go through the passes together, four to a
/// SIMD register (one gather per cell serves them all), in lane groups spread over the threads; each vector's arithmetic is
/// the same whatever the grouping, so the sums never depend on the thread count.
struct AcceptedSphereSums: Sendable {
    let subcubes: SortedSubcubes
    /// Per F·N + x: the first sorted position of x's subcube of F that x accepts with probability 1.
    let firstAccepted: [Int32]
    /// Metropolis only: per F·N + x, e^{(f(y) − f(x))/T} of the cell y just below `firstAccepted` (0 if none).
    let belowScale: [Double]?
    /// Metropolis only: per sorted position, e^{(v_{i−1} − v_i)/T} to the previous position of its subcube.
    let stepRatio: [Double]?

    init(subcubes: SortedSubcubes, rule: AcceptanceRule, threads: Int) {
        self.subcubes = subcubes
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
        let temperature = rule.metropolisTemperature
        belowScale = temperature.map { t in
            (0..<SortedSubcubes.setCount * n).map { index in
                let first = Int(firstAccepted[index]), start = Int(subcubes.cubeStart[index])
                return first > start ? _exp((subcubes.values[first - 1] - subcubes.fitness[index % n]) / t) : 0
            }
        }
        stepRatio = temperature.map { t in
            Parallel.map(count: SortedSubcubes.setCount, threads: threads) { set -> [Double] in
                let size = SortedSubcubes.cubeSize(set), offset = set * n, values = subcubes.values
                return (0..<n).map { i in i % size == 0 ? 0 : _exp((values[offset + i - 1] - values[offset + i]) / t) }
            }.flatMap { $0 }
        }
    }

    /// Σ_{y: d(x,y)=d} a(x,y)·v(y) at `d · N + x`, d = 0…6.
    func sums(of v: [Double], threads: Int) -> [Double] {
        sums(of: [v], threads: threads)[0]
    }

    /// `sums(of:)` of each vector, in one pass per lane group.
    func sums(of vectors: [[Double]], threads: Int) -> [[Double]] {
        let groupCount = max(1, min(threads, vectors.count))
        let groups = Parallel.map(count: groupCount, threads: threads) { g in
            laneSums(of: Array(stride(from: g, to: vectors.count, by: groupCount).map { vectors[$0] }))
        }
        return vectors.indices.map { groups[$0 % groupCount][$0 / groupCount] }
    }

    /// The inclusion–exclusion weights: the sphere of radius d is Σ_j coefficient[d][j] · R_j, with R_j the sum
    /// over the subcubes with j fixed edges.
    private static let coefficients: [[Double]] = (0...Cell.edgeCount).map { d in
        let agree = Cell.edgeCount - d
        return (0...Cell.edgeCount).map { j in
            j < agree ? 0 : Double(Combinatorics.binomial(j, agree) * ((j - agree) % 2 == 0 ? 1 : -1))
        }
    }

    /// One thread's lanes: the vectors interleaved per cell in blocks of four (SIMD), one tail pass and one
    /// lookup pass per edge set, R_j accumulated per cell over the sets in order.
    private func laneSums(of vectors: [[Double]]) -> [[Double]] {
        let n = Cell.count, blocks = (vectors.count + 3) / 4, orders = Cell.edgeCount + 1
        var packed = [SIMD4<Double>](repeating: .zero, count: n * blocks)
        for (lane, v) in vectors.enumerated() { for y in 0..<n { packed[y * blocks + lane / 4][lane % 4] = v[y] } }
        var upper = [SIMD4<Double>](repeating: .zero, count: (n + 1) * blocks), lower = stepRatio == nil ? [] : upper
        var subcubeSums = [SIMD4<Double>](repeating: .zero, count: orders * n * blocks)  // R_j at (j · N + x) · blocks + block
        packed.withUnsafeBufferPointer { packed in
        upper.withUnsafeMutableBufferPointer { upper in
        lower.withUnsafeMutableBufferPointer { lower in
        subcubeSums.withUnsafeMutableBufferPointer { r in
        subcubes.order.withUnsafeBufferPointer { order in
        subcubes.cubeStart.withUnsafeBufferPointer { cubeStart in
        firstAccepted.withUnsafeBufferPointer { firstAccepted in
            for set in 0..<SortedSubcubes.setCount {
                let size = SortedSubcubes.cubeSize(set), offset = set * n
                // In sorted order over each subcube: upper[i] = Σ_{l ≥ i} v(y_l) and (Metropolis)
                // lower[i] = Σ_{l ≤ i} e^{(f_l − f_i)/T} v(y_l); the recursion for `lower` keeps every exponent
                // ≤ 0, so nothing overflows.
                for start in stride(from: 0, to: n, by: size) {
                    for i in stride(from: start + size - 1, through: start, by: -1) {
                        let y = Int(order[offset + i]) * blocks, tail = i == start + size - 1 ? n : i + 1
                        for b in 0..<blocks { upper[i * blocks + b] = upper[tail * blocks + b] + packed[y + b] }
                    }
                }
                if let stepRatio {
                    for start in stride(from: 0, to: n, by: size) {
                        let y = Int(order[offset + start]) * blocks
                        for b in 0..<blocks { lower[start * blocks + b] = packed[y + b] }
                        for i in start + 1 ..< start + size {
                            let y = Int(order[offset + i]) * blocks, ratio = stepRatio[offset + i]
                            for b in 0..<blocks { lower[i * blocks + b] = lower[(i - 1) * blocks + b] * ratio + packed[y + b] }
                        }
                    }
                }
                let row = set.nonzeroBitCount * n
                for x in 0..<n {
                    let first = Int(firstAccepted[offset + x]) - offset
                    let end = Int(cubeStart[offset + x]) - offset + size, out = (row + x) * blocks
                    let scale = belowScale?[offset + x] ?? 0
                    for b in 0..<blocks {
                        var sum = first < end ? upper[first * blocks + b] : .zero
                        if scale > 0 { sum += scale * lower[(first - 1) * blocks + b] }
                        r[out + b] += sum
                    }
                }
            }
        }}}}}}}
        let coefficients = Self.coefficients
        return vectors.indices.map { lane in
            let b = lane / 4, component = lane % 4
            var result = [Double](repeating: 0, count: orders * n)
            for x in 0..<n {
                for d in 0..<orders {
                    var sum = 0.0
                    for j in (Cell.edgeCount - d)..<orders { sum += coefficients[d][j] * subcubeSums[(j * n + x) * blocks + b][component] }
                    result[d * n + x] = sum
                }
            }
            return result
        }
    }
}
