import SearchSpace
import Statistics
import Support

/// The exact one-step tables of science.md for one fitness function and one acceptance rule a:
/// S_d(x) = (1/C_d) Σ_{y: d(x,y)=d} a(x,y)·(f(y) − f(x)) and A_d(x) = (1/C_d) Σ_{y: d(x,y)=d} a(x,y), d = 0…6.
/// With them every distance-type operator's one-step statistics cost O(7N): E[f(X_1) − f(x)] = Σ_d π_d S_d(x)
/// and the expected distance moved is Σ_d π_d · d · A_d(x).
///
/// No pass over the 244 M pairs: for a set F of edges, the cells agreeing with x on F form a subcube; sorted
/// once per subcube, the sum of a(x,y)·(f(y) − f(x)) over it is one binary search for f(x) plus prefix sums
/// (`SortedSubcubes`). Inclusion–exclusion over the 64 sets F turns "agrees on at least F" into "differs on
/// exactly d edges": with R_j(x) the sum over the subcubes with |F| = j, the sum over the sphere of radius d
/// is Σ_{j ≥ 6−d} (−1)^(j−6+d) C(j, 6−d) R_j(x). Cost: 64 binary searches per cell instead of 15,625 pairs.
public struct OneStepTables: Sendable {
    public let rule: AcceptanceRule
    /// S_d(x) at `change[d · Cell.count + x]`.
    public let change: [Double]
    /// A_d(x) at `acceptance[d · Cell.count + x]`.
    public let acceptance: [Double]

    public init(fitness: FitnessFunction, rule: AcceptanceRule, threads: Int) {
        self.init(subcubes: SortedSubcubes(fitness: fitness, threads: threads), rule: rule, threads: threads)
    }

    /// The tables of several rules over one sort of the subcubes.
    public static func tables(fitness: FitnessFunction, rules: [AcceptanceRule], threads: Int) -> [AcceptanceRule: OneStepTables] {
        guard !rules.isEmpty else { return [:] }
        let subcubes = SortedSubcubes(fitness: fitness, threads: threads)
        return Dictionary(rules.map { ($0, OneStepTables(subcubes: subcubes, rule: $0, threads: threads)) }, uniquingKeysWith: { first, _ in first })
    }

    init(subcubes: SortedSubcubes, rule: AcceptanceRule, threads: Int) {
        self.rule = rule
        let lower = subcubes.lowerTails(temperature: rule.metropolisTemperature, threads: threads)
        let n = Cell.count, orders = Cell.edgeCount + 1
        let chunk = 125
        // Each chunk of cells returns its sphere sums d-major: [sums (7·chunk), weights (7·chunk)].
        let chunks = Parallel.map(count: n / chunk, threads: threads) { c in
            subcubes.sphereSums(cells: c * chunk ..< (c + 1) * chunk, rule: rule, lower: lower)
        }
        var change = [Double](repeating: 0, count: orders * n), acceptance = change
        for (c, sums) in chunks.enumerated() {
            for d in 0..<orders {
                let inverseSize = 1 / Double(Combinatorics.sphereSize(d))
                for i in 0..<chunk {
                    change[d * n + c * chunk + i] = sums[d * chunk + i] * inverseSize
                    acceptance[d * n + c * chunk + i] = sums[(orders + d) * chunk + i] * inverseSize
                }
            }
        }
        self.change = change
        self.acceptance = acceptance
    }

    /// Σ_d π_d S_d(x) for every x: the exact expected one-step change E[f(X_1) − f(x)] of the operator with
    /// distance law π.
    public func expectedChange(distanceDistribution pi: [Double]) -> [Double] {
        mix(change, weights: pi)
    }

    /// Σ_d π_d · d · A_d(x) for every x: the expected edit distance moved in one step.
    public func expectedDistanceMoved(distanceDistribution pi: [Double]) -> [Double] {
        mix(acceptance, weights: pi.enumerated().map { Double($0.offset) * $0.element })
    }

    /// B_d v(x) = (1/C_d)·spheres_d(x) + (1 − A_d(x))·v(x), d ≥ 1: a proposal at distance d, kept or rejected,
    /// from the sphere sums of v under this rule (`AcceptedSphereSums`).
    func distanceStep(_ d: Int, of v: [Double], spheres: [Double]) -> [Double] {
        let n = Cell.count, inverseSize = 1 / Double(Combinatorics.sphereSize(d))
        return (0..<n).map { x in spheres[d * n + x] * inverseSize + (1 - acceptance[d * n + x]) * v[x] }
    }

    private func mix(_ table: [Double], weights: [Double]) -> [Double] {
        precondition(weights.count == Cell.edgeCount + 1)
        return OneStepTables.combination(of: table, weights: weights)
    }

    /// Σ_k weights[k] · table[k · N ..< (k + 1) · N].
    static func combination(of table: [Double], weights: [Double]) -> [Double] {
        precondition(table.count == weights.count * Cell.count)
        var result = [Double](repeating: 0, count: Cell.count)
        table.withUnsafeBufferPointer { table in
            result.withUnsafeMutableBufferPointer { out in
                for d in weights.indices where weights[d] != 0 {
                    let w = weights[d], row = table.baseAddress! + d * Cell.count
                    for x in 0..<Cell.count { out[x] += w * row[x] }
                }
            }
        }
        return result
    }
}

extension AcceptanceRule {
    var metropolisTemperature: Double? {
        if case .metropolis(let t) = self { return t }
        return nil
    }
}

/// For each of the 64 edge sets F (bit e set = edge e fixed), the fitness values of every subcube
/// {y : y agrees with x on F}, sorted ascending, with the tail sums the acceptance rules need.
///
/// Layout: subcube values of F occupy `F · N ..< (F + 1) · N`, subcube by subcube; `cubeStart[F · N + x]` is
/// where the subcube of x begins (it has 5^(6 − |F|) cells).
struct SortedSubcubes: Sendable {
    static let setCount = 1 << Cell.edgeCount
    let fitness: [Double]
    let values: [Double]
    /// Σ_{l ≥ i} (v_l − v_i) over the rest of i's subcube: sums of non-negative terms, so no cancellation.
    let upperExcess: [Double]
    let cubeStart: [Int32]
    /// The cell at each sorted position (ties by code), so sums of any vector can follow the sorted order.
    let order: [Int32]

    init(fitness function: FitnessFunction, threads: Int) {
        let n = Cell.count
        let perSet = Parallel.map(count: SortedSubcubes.setCount, threads: threads) { set in
            SortedSubcubes.sortSubcubes(of: set, fitness: function.values)
        }
        fitness = function.values
        values = perSet.flatMap(\.values)
        upperExcess = perSet.flatMap(\.upperExcess)
        cubeStart = perSet.enumerated().flatMap { set, sorted in sorted.cubeStart.map { Int32(set * n + $0) } }
        order = perSet.flatMap(\.order)
    }

    static func cubeSize(_ set: Int) -> Int { Cell.strides[Cell.edgeCount - set.nonzeroBitCount] }

    private static func sortSubcubes(of set: Int, fitness: [Double])
        -> (values: [Double], upperExcess: [Double], cubeStart: [Int], order: [Int32]) {
        let n = Cell.count, size = cubeSize(set)
        let fixedEdges = (0..<Cell.edgeCount).filter { set & (1 << $0) != 0 }
        // The subcube's index: x's digits on the fixed edges as a base-5 number.
        let cubeStart = (0..<n).map { x in
            fixedEdges.enumerated().reduce(0) { $0 + (x / Cell.strides[$1.element]) % 5 * Cell.strides[$1.offset] } * size
        }
        var order = [Int32](repeating: 0, count: n), filled = [Int](repeating: 0, count: n / size)
        for x in 0..<n {
            order[cubeStart[x] + filled[cubeStart[x] / size]] = Int32(x)
            filled[cubeStart[x] / size] += 1
        }
        var upperExcess = [Double](repeating: 0, count: n)
        for start in stride(from: 0, to: n, by: size) {
            order[start ..< start + size].sort { (fitness[Int($0)], $0) < (fitness[Int($1)], $1) }
        }
        let values = order.map { fitness[Int($0)] }
        for start in stride(from: 0, to: n, by: size) {
            for i in stride(from: start + size - 2, through: start, by: -1) {
                upperExcess[i] = upperExcess[i + 1] + Double(start + size - 1 - i) * (values[i + 1] - values[i])
            }
        }
        return (values, upperExcess, cubeStart, order)
    }

    /// Metropolis only (nil otherwise): for each sorted position i, (P_i, Q_i) at 2i, 2i+1 with
    /// P_i = Σ_{l ≤ i} e^{(v_l − v_i)/T} and Q_i = Σ_{l ≤ i} (v_l − v_i)·e^{(v_l − v_i)/T} over i's subcube. Scaled to
    /// the largest value of the tail, they never overflow whatever T and the fitness range.
    func lowerTails(temperature: Double?, threads: Int) -> [Double]? {
        guard let temperature else { return nil }
        let n = Cell.count
        let perSet = Parallel.map(count: SortedSubcubes.setCount, threads: threads) { set in
            let size = SortedSubcubes.cubeSize(set), offset = set * n
            var tails = [Double](repeating: 0, count: 2 * n)
            for start in stride(from: 0, to: n, by: size) {
                tails[2 * start] = 1
                for i in start + 1 ..< start + size {
                    let gap = values[offset + i - 1] - values[offset + i], ratio = _exp(gap / temperature)
                    tails[2 * i] = tails[2 * i - 2] * ratio + 1
                    tails[2 * i + 1] = ratio * (tails[2 * i - 1] + gap * tails[2 * i - 2])
                }
            }
            return tails
        }
        return perSet.flatMap { $0 }
    }

    /// For each cell of `cells`, the sums over each sphere d = 0…6 of a(x,y)·(f(y) − f(x)) and of a(x,y):
    /// [sums d-major (7 · count), weights d-major (7 · count)].
    func sphereSums(cells: Range<Int>, rule: AcceptanceRule, lower: [Double]?) -> [Double] {
        let n = Cell.count, orders = Cell.edgeCount + 1, count = cells.count
        var out = [Double](repeating: 0, count: 2 * orders * count)
        let temperature = rule.metropolisTemperature ?? 1, strict = rule == .improving
        values.withUnsafeBufferPointer { values in
        upperExcess.withUnsafeBufferPointer { upper in
        cubeStart.withUnsafeBufferPointer { cubeStart in
            for (i, x) in cells.enumerated() {
                let fx = fitness[x]
                // R_j: sums over the subcubes with j fixed edges.
                var sums = [Double](repeating: 0, count: orders), weights = sums
                for set in 0..<SortedSubcubes.setCount {
                    let size = SortedSubcubes.cubeSize(set), start = Int(cubeStart[set * n + x]), end = start + size
                    // First position above f(x) (improving) or at least f(x) (the others).
                    var first = start, remaining = size
                    while remaining > 0 {
                        let half = remaining >> 1, v = values[first + half]
                        if strict ? v <= fx : v < fx { first += half + 1; remaining -= half + 1 } else { remaining = half }
                    }
                    if rule == .always { first = start }
                    let above = end - first
                    var sum = above > 0 ? upper[first] + Double(above) * (values[first] - fx) : 0
                    var weight = Double(above)
                    if let lower, first > start {
                        let last = first - 1, scale = _exp((values[last] - fx) / temperature)
                        let p = lower[2 * last], q = lower[2 * last + 1]
                        sum += scale * (q + (values[last] - fx) * p)
                        weight += scale * p
                    }
                    let j = set.nonzeroBitCount
                    sums[j] += sum
                    weights[j] += weight
                }
                for d in 0..<orders {
                    let agree = Cell.edgeCount - d
                    var sum = 0.0, weight = 0.0
                    for j in agree..<orders {
                        let coefficient = Double(Combinatorics.binomial(j, agree) * ((j - agree) % 2 == 0 ? 1 : -1))
                        sum += coefficient * sums[j]
                        weight += coefficient * weights[j]
                    }
                    out[d * count + i] = sum
                    out[(orders + d) * count + i] = weight
                }
            }
        }}}
        return out
    }
}
