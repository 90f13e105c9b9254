import SearchSpace

/// Exact expected hitting times of {f ≥ θ} under `improving` and `non-worsening` acceptance for the
/// distance-type operators whose law charges every distance 1…6, by one sweep, no iteration.
///
/// These chains never move to a lower f, so with D(x) = Σ_{d ≥ 1} π_d A_d(x) the probability of leaving x,
/// h(x) = (1 + Σ_{y: f(x) < f(y) < θ} P(x,y) h(y) + Σ_{y ≠ x: f(y) = f(x)} P(x,y) h(y)) / D(x), the last sum only
/// under `non-worsening`. Cells are visited in decreasing f; each finished h(y) is added to the accumulator
/// of y's subcube for each edge set F, so the sum over the cells above x at distance d follows from 63
/// lookups by the inclusion–exclusion of `OneStepTables`, folded into one weight per |F|. Cells of equal f
/// are looked up before any of them is added; under `non-worsening` they then solve one small dense system.
/// The expected distance moved before hitting, u, solves the same equations with m(x) = Σ_d π_d · d · A_d(x)
/// for 1, in the same sweep. With every distance charged, every cell below θ can jump straight to a cell
/// above it, so D > 0 and h is finite.
struct MonotoneHittingTimes: Sendable {
    let tables: OneStepTables
    /// Transient cells in decreasing f (ties by code); `levelEnds[i]` ends the i-th run of equal f.
    let sweep: [Int32]
    let levelEnds: [Int]
    /// Per cell x and edge set F < 63 (F = 63 is x alone): the accumulator of x's subcube, at `63 · x + F`.
    let slots: [Int32]
    static let setCount = SortedSubcubes.setCount - 1
    /// Σ_{F < 63} 5^|F| accumulators.
    static let slotCount = (0..<setCount).reduce(0) { $0 + Cell.strides[$1.nonzeroBitCount] }

    init(fitness: FitnessFunction, threshold: Double, tables: OneStepTables, slots: [Int32]) {
        precondition(tables.rule == .improving || tables.rule == .nonWorsening)
        self.tables = tables
        self.slots = slots
        let f = fitness.values
        let sweep = (0..<Cell.count).filter { f[$0] < threshold }.map(Int32.init).sorted { (f[Int($1)], $0) < (f[Int($0)], $1) }
        self.sweep = sweep
        levelEnds = sweep.indices.filter { $0 + 1 == sweep.count || f[Int(sweep[$0 + 1])] != f[Int(sweep[$0])] }.map { $0 + 1 }
    }

    /// The accumulator index of each cell's subcube for each edge set F < 63: the subcubes of F are numbered
    /// by x's digits on the fixed edges, after the 5^|F'| subcubes of every F' < F.
    static func slots() -> [Int32] {
        var bases = [Int](repeating: 0, count: setCount)
        for set in 1..<setCount { bases[set] = bases[set - 1] + Cell.strides[(set - 1).nonzeroBitCount] }
        var slots = [Int32](repeating: 0, count: setCount * Cell.count)
        for x in 0..<Cell.count {
            for set in 0..<setCount {
                var index = 0, place = 1
                for edge in 0..<Cell.edgeCount where set & (1 << edge) != 0 {
                    index += (x / Cell.strides[edge]) % 5 * place
                    place *= 5
                }
                slots[setCount * x + set] = Int32(bases[set] + index)
            }
        }
        return slots
    }

    /// Whether the sweep applies: a distance law that charges every distance 1…6.
    static func applies(to op: SearchOperator) -> Bool {
        op.distanceDistribution.map { $0.dropFirst().allSatisfy { $0 > 0 } } ?? false
    }

    func solve(_ op: SearchOperator) -> HittingTimes.Solution? {
        guard MonotoneHittingTimes.applies(to: op), let pi = op.distanceDistribution else { return nil }
        let n = Cell.count, edges = Cell.edgeCount
        // Σ_d (π_d / C_d)·sphere_d = Σ_j weight_j R_j, with sphere_d = Σ_{j ≥ 6−d} (−1)^(j−6+d) C(j, 6−d) R_j.
        let weightBySize = (0...edges).map { j in
            (1...edges).reduce(0.0) { sum, d in
                let agree = edges - d
                guard j >= agree else { return sum }
                let sign = (j - agree) % 2 == 0 ? 1.0 : -1.0
                return sum + pi[d] / Double(Combinatorics.sphereSize(d)) * sign * Double(Combinatorics.binomial(j, agree))
            }
        }
        let weights = (0..<MonotoneHittingTimes.setCount).map { weightBySize[$0.nonzeroBitCount] }
        let leaving = OneStepTables.combination(of: tables.acceptance, weights: [0] + pi.dropFirst())
        let moved = tables.expectedDistanceMoved(distanceDistribution: pi)
        let ties = tables.rule == .nonWorsening
        var h = [Double](repeating: 0, count: n), u = h
        var accumulators = [SIMD2<Double>](repeating: .zero, count: MonotoneHittingTimes.slotCount)
        var right: [SIMD2<Double>] = []
        var levelStart = 0
        for levelEnd in levelEnds {
            right.removeAll(keepingCapacity: true)
            for position in levelStart..<levelEnd {
                let x = Int(sweep[position])
                right.append(lookUp(cell: x, weights: weights, accumulators: accumulators) + SIMD2(1, moved[x]))
            }
            let size = levelEnd - levelStart
            if ties && size > 1 {
                guard let solved = solveLevel(levelStart..<levelEnd, right: right, leaving: leaving, pi: pi) else { return nil }
                for i in 0..<size {
                    let x = Int(sweep[levelStart + i])
                    (h[x], u[x]) = (solved[2 * i], solved[2 * i + 1])
                }
            } else {
                for i in 0..<size {
                    let x = Int(sweep[levelStart + i])
                    guard leaving[x] > 0 else { return nil }
                    (h[x], u[x]) = (right[i].x / leaving[x], right[i].y / leaving[x])
                }
            }
            for position in levelStart..<levelEnd {
                let x = Int(sweep[position])
                add(SIMD2(h[x], u[x]), cell: x, to: &accumulators)
            }
            levelStart = levelEnd
        }
        return HittingTimes.Solution(hittingTime: h, distanceMoved: u, iterations: 0)
    }

    /// Σ_F weight_F · accumulator of x's subcube of F.
    private func lookUp(cell x: Int, weights: [Double], accumulators: [SIMD2<Double>]) -> SIMD2<Double> {
        slots.withUnsafeBufferPointer { slots in
            weights.withUnsafeBufferPointer { weights in
                accumulators.withUnsafeBufferPointer { accumulators in
                    let row = slots.baseAddress! + MonotoneHittingTimes.setCount * x
                    var sum = SIMD2<Double>.zero
                    for set in 0..<MonotoneHittingTimes.setCount { sum += weights[set] * accumulators[Int(row[set])] }
                    return sum
                }
            }
        }
    }

    private func add(_ value: SIMD2<Double>, cell x: Int, to accumulators: inout [SIMD2<Double>]) {
        slots.withUnsafeBufferPointer { slots in
            accumulators.withUnsafeMutableBufferPointer { accumulators in
                let row = slots.baseAddress! + MonotoneHittingTimes.setCount * x
                for set in 0..<MonotoneHittingTimes.setCount { accumulators[Int(row[set])] += value }
            }
        }
    }

    /// `non-worsening` on a run of equal f: D(x) h(x) − Σ_{y in the run} P(x,y) h(y) = right(x), for h and u at once.
    private func solveLevel(_ positions: Range<Int>, right: [SIMD2<Double>], leaving: [Double], pi: [Double]) -> [Double]? {
        let cells = positions.map { Cell(code: Int(sweep[$0])) }, size = cells.count
        var matrix = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            matrix[i * size + i] = leaving[cells[i].code]
            for j in 0..<size where j != i {
                let d = cells[i].distance(to: cells[j])
                matrix[i * size + j] = -pi[d] / Double(Combinatorics.sphereSize(d))
            }
        }
        return DenseSystem.solve(matrix, right.flatMap { [$0.x, $0.y] }, size: size, columns: 2)
    }
}
