import SearchSpace
import Statistics
import Testing
@testable import Search

struct MonotoneHittingTimeTests {
    static let rules: [AcceptanceRule] = [.improving, .nonWorsening]
    static let operators: [SearchOperator] = [
        Fixtures.op(.perEdge(0.2)), Fixtures.op(.distanceMixture([0.3, 0.3, 0.1, 0.1, 0.1, 0.05, 0.05])), Fixtures.op(.uniform),
        Fixtures.op(.kEdit(3)),
    ]

    static func solver(_ fitness: FitnessFunction, rule: AcceptanceRule, threshold: Double) -> MonotoneHittingTimes {
        MonotoneHittingTimes(fitness: fitness, threshold: threshold, tables: OneStepTables(fitness: fitness, rule: rule, threads: 2),
                             slots: MonotoneHittingTimes.slots())
    }

    /// h and u on the cells below a low θ by Gaussian elimination of the dense system, with P(x, y) of
    /// proposal and acceptance from their definitions (ties of the rounded landscape included).
    @Test(arguments: [0, 1])
    func sweepMatchesADenseSolve(landscape: Int) {
        let fitness = TwoStepTableTests.landscapes[landscape], f = fitness.values
        let threshold = Descriptive.quantile(f, 0.05)
        let transient = (0..<Cell.count).filter { f[$0] < threshold }, size = transient.count
        for rule in MonotoneHittingTimeTests.rules {
            let solver = MonotoneHittingTimeTests.solver(fitness, rule: rule, threshold: threshold)
            for op in MonotoneHittingTimeTests.operators {
                var matrix = [Double](repeating: 0, count: size * size), rhs = [Double](repeating: 0, count: 2 * size)
                let index = Dictionary(uniqueKeysWithValues: transient.enumerated().map { ($0.element, $0.offset) })
                for (i, x) in transient.enumerated() {
                    rhs[2 * i] = 1  // the diagonal is 1 − P(x, x): the probability of moving away
                    for y in 0..<Cell.count where y != x {
                        let p = HittingTimeTests.transition(op, x, y) * rule.probability(from: f[x], to: f[y])
                        guard p > 0 else { continue }
                        rhs[2 * i + 1] += p * Double(Cell(code: x).distance(to: Cell(code: y)))
                        matrix[i * size + i] += p
                        if let j = index[y] { matrix[i * size + j] -= p }
                    }
                }
                let dense = DenseSystem.solve(matrix, rhs, size: size, columns: 2)!
                let solution = solver.solve(op)!
                for (i, x) in transient.enumerated() {
                    #expect(abs(solution.hittingTime[x] - dense[2 * i]) < 1e-9 * dense[2 * i], "\(rule.label) \(op.kind) x \(x)")
                    #expect(abs(solution.distanceMoved![x] - dense[2 * i + 1]) < 1e-9 * dense[2 * i + 1], "\(rule.label) \(op.kind) x \(x) u")
                }
                #expect((0..<Cell.count).allSatisfy { f[$0] < threshold || solution.hittingTime[$0] == 0 })
            }
        }
    }

    /// A sphere law can stick below θ (a local maximum of k-edit(1) other than the global one): the sweep declines.
    @Test func stuckCellsHaveNoSolution() {
        let f = Fixtures.fitness.values, top = f.max()!
        #expect((0..<Cell.count).contains { x in f[x] < top && Cell(code: x).cells(atDistance: 1).allSatisfy { f[$0.code] <= f[x] } })
        #expect(MonotoneHittingTimeTests.solver(Fixtures.fitness, rule: .improving, threshold: top).solve(Fixtures.op(.kEdit(1))) == nil)
    }

    /// Three mutually adjacent tied cells whose other neighbours are all lower: under `non-worsening` k-edit(1)
    /// they only reach each other, h is infinite there, and the level's singular system must not pass for a
    /// solution (its last Cholesky pivot is zero only up to rounding).
    @Test func closedTiedLevelsHaveNoSolution() {
        let cluster = [0, 1, 2]  // operation 0, 1, 2 on edge 0, the others 0
        let target = Cell.count - 1
        let values = (0..<Cell.count).map { x -> Double in
            if cluster.contains(x) { return 50 }
            // Distinct values elsewhere keep every other level a single cell.
            return x == target ? 200 : -Double(Cell(code: x).distance(to: Cell(code: 0))) - Double(x) * 1e-6
        }
        let fitness = FitnessFunction(valuesByCode: values)
        let solver = MonotoneHittingTimeTests.solver(fitness, rule: .nonWorsening, threshold: 100)
        #expect(solver.solve(Fixtures.op(.kEdit(1))) == nil)
        #expect(solver.solve(Fixtures.op(.perEdge(0.3))) != nil)
    }

    /// Operators share a sweep in lanes that never mix: any batching gives the same numbers, and a lane the
    /// sweep does not apply to (an operator that never moves) is nil without disturbing the others.
    @Test func batchingDoesNotChangeSolutions() {
        // A low θ keeps the tied levels below it (dense solves) few: the lanes are what is tested.
        let fitness = OneStepTableTests.tied, threshold = Descriptive.quantile(fitness.values, 0.3)
        let solver = MonotoneHittingTimeTests.solver(fitness, rule: .nonWorsening, threshold: threshold)
        let ops = [Fixtures.op(.perEdge(0.2)), Fixtures.op(.perEdge(0)), Fixtures.op(.uniform), Fixtures.op(.kEdit(2))]
        let together = solver.solve(ops)
        for (op, solution) in zip(ops, together) {
            let alone = solver.solve(op)
            #expect(alone?.hittingTime == solution?.hittingTime && alone?.distanceMoved == solution?.distanceMoved)
        }
        #expect(together.map { $0 == nil } == [false, true, false, false])
    }

    /// Exact rows against walks with a cap they never reach, on the synthetic landscape's plateau metric.
    @Test(arguments: [AcceptanceRule.improving, .nonWorsening])
    func exactRowsMatchMonteCarlo(rule: AcceptanceRule) {
        let fitness = OneStepTableTests.synthetic, f = fitness.values
        var settings = SearchSettings.default
        settings.pathLengths = [1]
        settings.acceptanceRules = [rule]
        let experiment = ImprovabilityExperiment(fitness: fitness, settings: settings)
        for op in MonotoneHittingTimeTests.operators.prefix(2) {
            let rows = experiment.fixedThresholdRows(op, rule: rule, streams: SeededGenerator(seed: 1))
            #expect(!rows.isEmpty && rows.allSatisfy { $0.method == .exact && $0.censoredFraction == 0 })
            let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
            for row in rows.filter({ $0.group != .all }) {
                let members = experiment.groups.first { $0.id == row.group }!.members.filter { f[$0] < row.threshold! }
                var times: [Double] = []
                for (s, start) in members.prefix(100).enumerated() {
                    for w in 0..<8 {
                        var generator = SeededGenerator(seed: 5, stream: UInt64(s * 8 + w))
                        let walk = walker.hittingTime(from: start, threshold: row.threshold!, cap: 1_000_000, using: &generator)
                        #expect(walk.hit)
                        times.append(Double(walk.steps))
                    }
                }
                let solution = experiment.exactHittingTimes(op, rule: rule, threshold: experiment.thresholds.firstIndex { $0.value == row.threshold! }!)!
                let exact = members.prefix(100).reduce(0.0) { $0 + solution.hittingTime[$1] } / Double(min(100, members.count))
                // The pooled standard error also counts the spread between starts, which the exact
                // average over these very starts does not have: a conservative bound.
                let mean = times.reduce(0, +) / Double(times.count)
                let variance = times.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(times.count - 1)
                let error = (variance / Double(times.count)).squareRoot()
                #expect(abs(exact - mean) < 4 * error, "\(rule.label) \(op.kind) \(row.group.rawValue) \(row.thresholdLabel!): \(exact) vs \(mean) ± \(error)")
            }
        }
    }
}
