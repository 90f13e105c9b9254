import SearchSpace

/// Exact expected hitting times of {f ≥ θ} under `improving` and `non-worsening` acceptance for the
/// distance-type operators, by one sweep, no iteration.
///
/// These chains never move to a lower f, so with D(x) = Σ_{d ≥ 1} π_d A_d(x) the probability of leaving x,
/// h(x) = (1 + Σ_{y: f(x) < f(y) < θ} P(x,y) h(y) + Σ_{y ≠ x: f(y) = f(x)} P(x,y) h(y)) / D(x), the last sum only
/// under `non-worsening`. Cells are visited in decreasing f; each finished h(y) is added to the accumulator
/// of y's subcube for each edge set F, so the sum over the cells above x at distance d follows from 63
/// lookups by the inclusion–exclusion of `OneStepTables`, folded into one weight per |F|. Cells of equal f
/// are looked up before any of them is added; under `non-worsening` they then solve one small dense system.
/// The expected distance moved before hitting, u, solves the same equations with m(x) = Σ_d π_d · d · A_d(x)
/// for 1, in the same sweep. A law charging every distance lets every cell below θ jump straight to a cell
/// above it, so D > 0 and h is finite; a sphere law (`k-edit`) can leave a cell below θ with no accepted
/// proposal, or (`non-worsening`) only tied ones: then h is infinite somewhere and the operator has no
/// solution at that θ (Monte Carlo reports the censoring).
struct MonotoneHittingTimes: Sendable {
    let tables: OneStepTables
    /// Transient cells in decreasing f (ties by code); `levelEnds[i]` ends the i-th run of equal f.
    let sweep: [Int32]
    let levelEnds: [Int]
    /// `non-worsening`: for each run of more than one cell, the edit distances between its cells (the lower
    /// triangle packed by rows, as `DenseSystem.solvePositiveDefinite(packed:…)` takes it).
    let levelDistances: [Int: [UInt8]]
    /// Per cell x and edge set F < 63 (F = 63 is x alone): the accumulator of x's subcube, at `63 · x + i` for
    /// the i-th set of `setsBySize`, so a lookup sums the sets of one size before weighting them.
    let slots: [Int32]
    static let setCount = SortedSubcubes.setCount - 1
    /// Σ_{F < 63} 5^|F| accumulators.
    static let slotCount = (0..<setCount).reduce(0) { $0 + Cell.strides[$1.nonzeroBitCount] }
    static let setsBySize = (0..<setCount).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
    static let setsOfSize = (0..<Cell.edgeCount).map { Combinatorics.binomial(Cell.edgeCount, $0) }

    init(fitness: FitnessFunction, threshold: Double, tables: OneStepTables, slots: [Int32]) {
        precondition(tables.rule == .improving || tables.rule == .nonWorsening)
        self.tables = tables
        self.slots = slots
        let f = fitness.values
        let sweep = (0..<Cell.count).filter { f[$0] < threshold }.map(Int32.init).sorted { (f[Int($1)], $0) < (f[Int($0)], $1) }
        self.sweep = sweep
        let levelEnds = sweep.indices.filter { $0 + 1 == sweep.count || f[Int(sweep[$0 + 1])] != f[Int(sweep[$0])] }.map { $0 + 1 }
        self.levelEnds = levelEnds
        var levelDistances: [Int: [UInt8]] = [:]
        if tables.rule == .nonWorsening {
            for (level, end) in levelEnds.enumerated() {
                let start = level == 0 ? 0 : levelEnds[level - 1]
                guard end - start > 1 else { continue }
                let cells = sweep[start..<end].map { Cell(code: Int($0)) }
                levelDistances[level] = cells.indices.flatMap { i in (0...i).map { UInt8(cells[i].distance(to: cells[$0])) } }
            }
        }
        self.levelDistances = levelDistances
    }

    /// The accumulator index of each cell's subcube for each edge set F < 63: the subcubes of F are numbered
    /// by x's digits on the fixed edges, after the 5^|F'| subcubes of every F' < F.
    static func slots() -> [Int32] {
        var bases = [Int](repeating: 0, count: setCount)
        for set in 1..<setCount { bases[set] = bases[set - 1] + Cell.strides[(set - 1).nonzeroBitCount] }
        var slots = [Int32](repeating: 0, count: setCount * Cell.count)
        for x in 0..<Cell.count {
            for (position, set) in setsBySize.enumerated() {
                var index = 0, place = 1
                for edge in 0..<Cell.edgeCount where set & (1 << edge) != 0 {
                    index += (x / Cell.strides[edge]) % 5 * place
                    place *= 5
                }
                slots[setCount * x + position] = Int32(bases[set] + index)
            }
        }
        return slots
    }

    /// Whether the sweep applies: a distance law that moves at all (whether h is finite, the sweep finds out).
    static func applies(to op: SearchOperator) -> Bool {
        op.distanceDistribution.map { $0[0] < 1 } ?? false
    }

    func solve(_ op: SearchOperator) -> HittingTimes.Solution? { solve([op])[0] }

    func solve(_ ops: [SearchOperator]) -> [HittingTimes.Solution?] { Self.solve(ops, at: [self])[0] }

    /// The solutions for `ops` (nil where the sweep does not apply) at the threshold of each of `solvers`
    /// (sweeps over one rule's tables), four operators per sweep in the lanes of one vector (h and u of each):
    /// lanes never mix, so no operator's numbers depend on which others share its sweep, and every slicing
    /// of the operator set gives the same numbers. What follows from the laws alone is computed once for
    /// every threshold.
    static func solve(_ ops: [SearchOperator], at solvers: [MonotoneHittingTimes]) -> [[HittingTimes.Solution?]] {
        guard let tables = solvers.first?.tables else { return [] }
        var solutions = [[HittingTimes.Solution?]](repeating: [], count: solvers.count)
        for start in stride(from: 0, to: ops.count, by: batch) {
            let lanes = Batch(Array(ops[start ..< min(start + batch, ops.count)]), tables: tables)
            for (t, solver) in solvers.enumerated() { solutions[t] += solver.solve(lanes) }
        }
        return solutions
    }

    static let batch = 4
    typealias Lanes = SIMD8<Double>

    /// What a batch's sweeps share at every threshold: each lane's law (a placeholder where the sweep does
    /// not apply; its numbers are dropped), the lookup weight of each subcube size and, per cell, the
    /// probability D of leaving and the own term of the right-hand side (1 for h, m(x) for u), operator k
    /// in lanes 2k and 2k + 1.
    struct Batch {
        let ops: [SearchOperator]
        let laws: [[Double]]
        let weights: [Lanes]
        let leaving: [Lanes]
        let own: [Lanes]

        init(_ ops: [SearchOperator], tables: OneStepTables) {
            let edges = Cell.edgeCount, batch = MonotoneHittingTimes.batch
            let placeholder = [0] + [Double](repeating: 1 / Double(edges), count: edges)
            let laws = (0..<batch).map { k in k < ops.count && MonotoneHittingTimes.applies(to: ops[k]) ? ops[k].distanceDistribution! : placeholder }
            // Σ_d (π_d / C_d)·sphere_d = Σ_j weight_j R_j, with sphere_d = Σ_{j ≥ 6−d} (−1)^(j−6+d) C(j, 6−d) R_j.
            let weightBySize = laws.map { pi in
                (0...edges).map { j in
                    (1...edges).reduce(0.0) { sum, d in
                        let agree = edges - d
                        guard j >= agree else { return sum }
                        let sign = (j - agree) % 2 == 0 ? 1.0 : -1.0
                        return sum + pi[d] / Double(Combinatorics.sphereSize(d)) * sign * Double(Combinatorics.binomial(j, agree))
                    }
                }
            }
            let leaving = laws.map { OneStepTables.combination(of: tables.acceptance, weights: [0] + $0.dropFirst()) }
            let moved = laws.map { tables.expectedDistanceMoved(distanceDistribution: $0) }
            self.ops = ops
            self.laws = laws
            weights = (0..<edges).map { size in Lanes((0..<2 * batch).map { weightBySize[$0 / 2][size] }) }
            self.leaving = (0..<Cell.count).map { x in Lanes((0..<2 * batch).map { leaving[$0 / 2][x] }) }
            own = (0..<Cell.count).map { x in Lanes((0..<2 * batch).map { $0 % 2 == 0 ? 1 : moved[$0 / 2][x] }) }
        }
    }

    private func solve(_ lanes: Batch) -> [HittingTimes.Solution?] {
        let ties = tables.rule == .nonWorsening
        // Per cell, h of operator k in lane 2k and u in lane 2k + 1.
        var solution = [Lanes](repeating: .zero, count: Cell.count)
        var failed = SIMDMask<SIMD4<Int64>>(repeating: false)
        var accumulators = [Lanes](repeating: .zero, count: MonotoneHittingTimes.slotCount)
        var right: [Lanes] = []
        var levelStart = 0
        for (level, levelEnd) in levelEnds.enumerated() {
            right.removeAll(keepingCapacity: true)
            for position in levelStart..<levelEnd {
                let x = Int(sweep[position])
                right.append(lookUp(cell: x, weights: lanes.weights, accumulators: accumulators) + lanes.own[x])
            }
            if ties && right.count > 1 {
                let (solved, failures) = solveLevel(level, start: levelStart, right: right, lanes: lanes)
                failed .|= failures
                for i in right.indices {
                    var value = Lanes.zero
                    (value.evenHalf, value.oddHalf) = (solved[2 * i], solved[2 * i + 1])
                    solution[Int(sweep[levelStart + i])] = value
                }
            } else {
                for i in right.indices {
                    let x = Int(sweep[levelStart + i])
                    failed .|= lanes.leaving[x].evenHalf .<= 0
                    solution[x] = right[i] / lanes.leaving[x]
                }
            }
            for position in levelStart..<levelEnd {
                let x = Int(sweep[position])
                add(solution[x], cell: x, to: &accumulators)
            }
            levelStart = levelEnd
        }
        return lanes.ops.indices.map { k in
            guard MonotoneHittingTimes.applies(to: lanes.ops[k]), !failed[k] else { return nil }
            return HittingTimes.Solution(hittingTime: solution.map { $0[2 * k] }, distanceMoved: solution.map { $0[2 * k + 1] }, iterations: 0)
        }
    }

    /// Σ_j weight_j Σ_{|F| = j} accumulator of x's subcube of F.
    private func lookUp(cell x: Int, weights: [Lanes], accumulators: [Lanes]) -> Lanes {
        slots.withUnsafeBufferPointer { slots in
            weights.withUnsafeBufferPointer { weights in
                accumulators.withUnsafeBufferPointer { accumulators in
                    let row = slots.baseAddress! + MonotoneHittingTimes.setCount * x
                    var sum = Lanes.zero, position = 0
                    for size in 0..<Cell.edgeCount {
                        var partial = Lanes.zero
                        for _ in 0..<MonotoneHittingTimes.setsOfSize[size] {
                            partial += accumulators[Int(row[position])]
                            position += 1
                        }
                        sum += weights[size] * partial
                    }
                    return sum
                }
            }
        }
    }

    private func add(_ value: Lanes, cell x: Int, to accumulators: inout [Lanes]) {
        slots.withUnsafeBufferPointer { slots in
            accumulators.withUnsafeMutableBufferPointer { accumulators in
                let row = slots.baseAddress! + MonotoneHittingTimes.setCount * x
                for set in 0..<MonotoneHittingTimes.setCount { accumulators[Int(row[set])] += value }
            }
        }
    }

    /// `non-worsening` on a run of equal f: D(x) h(x) − Σ_{y in the run} P(x,y) h(y) = right(x), for h and u at
    /// once. The matrix is symmetric and, when every cell can also move up, strictly diagonally dominant, so
    /// Cholesky; the batch's operators in the lanes of one vector, h at rows 2i and u at rows 2i + 1 of the
    /// solution. A row whose sum (the probability of moving up) is not clearly positive fails its lane: a sphere
    /// law can leave tied cells that only reach each other, where the system is singular and h infinite.
    private func solveLevel(_ level: Int, start: Int, right: [Lanes],
                            lanes: Batch) -> (solution: [DenseSystem.Quad], failed: SIMDMask<SIMD4<Int64>>) {
        let distances = levelDistances[level]!, size = right.count
        let share = (0...Cell.edgeCount).map { d in -DenseSystem.Quad(lanes.laws.map { $0[d] / Double(Combinatorics.sphereSize(d)) }) }
        var matrix = distances.map { share[Int($0)] }
        var rowSums = (0..<size).map { lanes.leaving[Int(sweep[start + $0])].evenHalf }
        for i in 0..<size {
            for j in 0..<i {
                rowSums[i] += matrix[i * (i + 1) / 2 + j]
                rowSums[j] += matrix[i * (i + 1) / 2 + j]
            }
            matrix[i * (i + 1) / 2 + i] = lanes.leaving[Int(sweep[start + i])].evenHalf
        }
        var (solution, failed) = DenseSystem.solvePositiveDefinite(packed: matrix, right.flatMap { [$0.evenHalf, $0.oddHalf] },
                                                                   size: size, columns: 2)
        for i in 0..<size { failed .|= rowSums[i] .<= 1e-9 * matrix[i * (i + 1) / 2 + i] }
        return (solution, failed)
    }
}
