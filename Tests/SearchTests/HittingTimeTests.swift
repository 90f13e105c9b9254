import SearchSpace
import Statistics
import Testing
@testable import Search

struct HittingTimeTests {
    static let f = Fixtures.fitness.values

    /// P(x, y) of an operator, from its definition.
    static func transition(_ op: SearchOperator, _ x: Int, _ y: Int) -> Double {
        if let pi = op.distanceDistribution {
            let d = Cell(code: x).distance(to: Cell(code: y))
            return pi[d] / Double(Combinatorics.sphereSize(d))
        }
        let kernel = op.perEdgeKernel!
        return (0..<Cell.edgeCount).reduce(1.0) { product, edge in
            product * kernel[5 * ((x / Cell.strides[edge]) % 5) + (y / Cell.strides[edge]) % 5]
        }
    }

    /// h on T by Gaussian elimination of the dense (I − P_TT) h = 1.
    static func denseHittingTimes(_ op: SearchOperator, transient: [Int]) -> [Double] {
        let n = transient.count
        var a = transient.map { x in transient.map { y in (x == y ? 1 : 0) - transition(op, x, y) } }
        var b = [Double](repeating: 1, count: n)
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in column + 1 ..< n where a[row][column] != 0 {
                let factor = a[row][column] / a[column][column]
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var h = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            h[row] = (b[row] - (row + 1 ..< n).reduce(0) { $0 + a[row][$1] * h[$1] }) / a[row][row]
        }
        return h
    }

    static let operators: [SearchOperator] = [
        Fixtures.op(.kEdit(1)), Fixtures.op(.perEdge(0.2)), Fixtures.op(.distanceMixture([0.3, 0.3, 0.1, 0.1, 0.1, 0.05, 0.05])),
        Fixtures.op(.opKernel(p: 0.5, m: Fixtures.lopsidedKernel)),
        Fixtures.op(.opKernel(p: 0.3, m: { var g = SeededGenerator(seed: 4); return OperatorSet.symmetricDoublyStochastic(using: &g) }())),
    ]

    @Test func transitionOperatorMatchesTheExactEngines() {
        for op in HittingTimeTests.operators + [Fixtures.op(.uniform), Fixtures.op(.kEdit(6)), Fixtures.op(.kEdit(4))] {
            var application = TransitionOperator(op)
            var out = [Double](repeating: 0, count: Cell.count)
            HittingTimeTests.f.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer { application.apply(input.baseAddress!, into: $0.baseAddress!) }
            }
            let expected: [Double]
            if let eigenvalues = op.eigenvalues {
                let spectral = SpectralEngine(fitness: Fixtures.fitness).improvability(eigenvalues: eigenvalues, pathLength: 1)
                expected = zip(spectral, HittingTimeTests.f).map { $0 + $1 }
            } else {
                expected = ProductKernelEngine(kernel: op.perEdgeKernel!).propagate(HittingTimeTests.f, steps: 1)
            }
            #expect(zip(out, expected).allSatisfy { abs($0 - $1) < 1e-10 }, "\(op.kind)")
        }
    }

    /// A threshold just above the lowest 150 cells: the dense system is small, the Krylov one is the same.
    @Test func krylovMatchesADenseSolve() throws {
        let sorted = HittingTimeTests.f.sorted()
        let threshold = (sorted[149] + sorted[150]) / 2
        let transient = (0..<Cell.count).filter { HittingTimeTests.f[$0] < threshold }
        #expect(transient.count == 150)
        let plain = HittingTimes(fitness: Fixtures.fitness, threshold: threshold)
        let warm = plain.withReferenceSolutions(threads: 2)
        #expect(warm.references != nil)
        for op in HittingTimeTests.operators {
            let dense = HittingTimeTests.denseHittingTimes(op, transient: transient)
            for solution in [try #require(plain.solve(op)), try #require(warm.solve(op))] {
                for (i, x) in transient.enumerated() {
                    #expect(abs(solution.hittingTime[x] - dense[i]) <= 1e-9 * dense[i], "\(op.kind) x \(x): \(solution.hittingTime[x]) vs \(dense[i])")
                }
                #expect(solution.hittingTime.enumerated().allSatisfy { HittingTimeTests.f[$0.offset] < threshold || $0.element == 0 })
            }
        }
    }

    @Test func uniformIsGeometric() throws {
        let threshold = Descriptive.quantile(HittingTimeTests.f, 0.9)
        let solution = try #require(HittingTimes(fitness: Fixtures.fitness, threshold: threshold).solve(Fixtures.op(.uniform)))
        let q = Double(HittingTimeTests.f.filter { $0 >= threshold }.count) / Double(Cell.count)
        for x in 0..<Cell.count where HittingTimeTests.f[x] < threshold { #expect(abs(solution.hittingTime[x] - 1 / q) < 1e-9) }
    }

    /// A realistic transient set (90% of the cells) against walks with a cap far beyond every observed τ.
    @Test func krylovMatchesMonteCarlo() throws {
        let threshold = Descriptive.quantile(HittingTimeTests.f, 0.9)
        let times = HittingTimes(fitness: Fixtures.fitness, threshold: threshold)
        for op in [HittingTimeTests.operators[1], HittingTimeTests.operators[3]] {
            let solution = try #require(times.solve(op))
            let walker = MonteCarloWalker(operator: op, rule: .always, fitness: Fixtures.fitness)
            for start in [5, 7_777] where HittingTimeTests.f[start] < threshold {
                var steps: [Double] = [], moved = 0, total = 0
                for w in 0..<2_000 {
                    var generator = SeededGenerator(seed: 21, stream: UInt64(w))
                    let walk = walker.hittingTime(from: start, threshold: threshold, cap: 1_000_000, using: &generator)
                    #expect(walk.hit)
                    steps.append(Double(walk.steps))
                    moved += walk.moved
                    total += walk.steps
                }
                let mean = steps.reduce(0, +) / Double(steps.count)
                let error = (steps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(steps.count - 1) / Double(steps.count)).squareRoot()
                #expect(abs(solution.hittingTime[start] - mean) < 4 * error, "\(op.kind) start \(start): \(solution.hittingTime[start]) vs \(mean) ± \(error)")
                if let distance = solution.distanceMoved {
                    #expect(abs(distance[start] / solution.hittingTime[start] - Double(moved) / Double(total)) < 0.05)
                }
            }
        }
    }

    @Test func neverMovingOperatorsHaveNoExactSolution() {
        let times = HittingTimes(fitness: Fixtures.fitness, threshold: Descriptive.quantile(HittingTimeTests.f, 0.9))
        #expect(times.solve(Fixtures.op(.perEdge(0))) == nil)
    }

    /// Operation 0 and the rest never exchange, so an edge keeps being 0 or not: the classes are the sets of
    /// edges holding operation 0. The fixture lowers every cell with four or more of them below all others,
    /// so those classes hold no cell above θ.
    static let split: SearchOperator = {
        var m = [[Double]](repeating: [0, 0.25, 0.25, 0.25, 0.25], count: 5)
        m[0] = [1, 0, 0, 0, 0]
        return Fixtures.op(.opKernel(p: 0.5, m: m))
    }()

    static func zeroEdges(_ x: Int) -> Int { (0..<Cell.edgeCount).reduce(0) { $0 | ((x / Cell.strides[$1]) % 5 == 0 ? 1 << $1 : 0) } }

    static let splitFitness = FitnessFunction(valuesByCode: HittingTimeTests.f.enumerated().map { x, value in
        zeroEdges(x).nonzeroBitCount >= 4 ? value - 100 : value
    })

    /// h is ∞ exactly on the classes with no cell above θ and matches a dense solve on the others.
    @Test func reducibleKernelsAreInfiniteOnClassesWithoutATarget() throws {
        let f = HittingTimeTests.splitFitness.values, sorted = f.sorted()
        let threshold = (sorted[399] + sorted[400]) / 2
        let transient = (0..<Cell.count).filter { f[$0] < threshold }
        let targetClasses = Set((0..<Cell.count).filter { f[$0] >= threshold }.map(HittingTimeTests.zeroEdges))
        let infinite = transient.filter { !targetClasses.contains(HittingTimeTests.zeroEdges($0)) }
        #expect(infinite.count == 265)
        let solution = try #require(HittingTimes(fitness: HittingTimeTests.splitFitness, threshold: threshold).solve(HittingTimeTests.split))
        #expect(transient.filter { !solution.hittingTime[$0].isFinite } == infinite)
        let finite = transient.filter { solution.hittingTime[$0].isFinite }
        let dense = HittingTimeTests.denseHittingTimes(HittingTimeTests.split, transient: finite)
        for (i, x) in finite.enumerated() {
            #expect(abs(solution.hittingTime[x] - dense[i]) <= 1e-9 * dense[i], "x \(x): \(solution.hittingTime[x]) vs \(dense[i])")
        }
    }

    /// A kernel under which some cells reach θ with a probability strictly between 0 and 1 (edges leave
    /// operation 0 and never come back, and only some of where they go leads above θ) has no exact solution.
    @Test func partlyReachingKernelsHaveNoExactSolution() {
        var m = [[Double]](repeating: [0, 0.25, 0.25, 0.25, 0.25], count: 5)
        m[0] = [0.2, 0.2, 0.2, 0.2, 0.2]
        for a in 1..<5 { m[a] = (0..<5).map { $0 == a ? 1 : 0 } }
        let times = HittingTimes(fitness: HittingTimeTests.splitFitness, threshold: Descriptive.quantile(HittingTimeTests.splitFitness.values, 0.9))
        #expect(times.solve(Fixtures.op(.opKernel(p: 0.5, m: m))) == nil)
    }

    /// Where some starts never reach θ, the exact row is the restricted mean at the largest cap, with the
    /// censored fraction and the distance moved per step, and Monte Carlo walks to that cap agree with it.
    @Test func restrictedMeanOfNeverReachingStartsMatchesMonteCarlo() throws {
        var settings = SearchSettings.default
        settings.pathLengths = [1]
        settings.acceptanceRules = [.always]
        settings.thresholdPercentiles = [90]
        settings.deciles = false
        settings.hittingWalks = 2_000
        settings.hittingTimeCap = 12_800
        settings.maximumHittingTimeCap = 12_800
        let experiment = ImprovabilityExperiment(fitness: HittingTimeTests.splitFitness, settings: settings)
        let op = HittingTimeTests.split
        let rows = experiment.fixedThresholdRows(op, rule: .always, streams: SeededGenerator(seed: 1))
        let exact = try #require(rows.first { $0.group == .bottom10 && $0.thresholdLabel == "p90" })
        #expect(exact.method == .exact && exact.hittingTimeEstimator == .restrictedMean && exact.hittingTimeCap == 12_800)
        #expect(rows.allSatisfy { $0.method == .exact })
        let g = try #require(experiment.groups.firstIndex { $0.id == .bottom10 })
        let threshold = experiment.thresholds[0], f = HittingTimeTests.splitFitness.values
        let targetClasses = Set((0..<Cell.count).filter { f[$0] >= threshold.value }.map(HittingTimeTests.zeroEdges))
        let never = experiment.groups[g].members.count { !targetClasses.contains(HittingTimeTests.zeroEdges($0)) }
        #expect(never >= 265 && exact.censoredFraction == Double(never) / Double(exact.starts))
        let below = experiment.fitnessOrderedMembers[g].prefix { HittingTimeTests.splitFitness.values[$0] < threshold.value }
        let walker = MonteCarloWalker(operator: op, rule: .always, fitness: HittingTimeTests.splitFitness)
        let sampled = experiment.monteCarloHittingRow(op, walker: walker, group: .bottom10, below: below, threshold: threshold,
                                                      streams: SeededGenerator(seed: 5))
        #expect(sampled.hittingTimeEstimator == .restrictedMean && sampled.hittingTimeCap == 12_800)
        let error = try #require(sampled.standardError)
        #expect(abs(sampled.meanHittingTime! - exact.meanHittingTime!) < 4 * error, "\(sampled.meanHittingTime!) ± \(error) vs \(exact.meanHittingTime!)")
        #expect(abs(sampled.censoredFraction! - exact.censoredFraction!) < 0.03)
        #expect(abs(sampled.effectiveReach - exact.effectiveReach) < 0.02 * exact.effectiveReach)
        // A smaller largest cap is doubled until the neglected tail is within the tolerance: at p90, back to 12,800.
        settings.maximumHittingTimeCap = 1_600
        let doubled = ImprovabilityExperiment(fitness: HittingTimeTests.splitFitness, settings: settings)
            .fixedThresholdRows(op, rule: .always, streams: SeededGenerator(seed: 1))
        #expect(doubled.filter { $0.thresholdLabel == "p90" } == rows.filter { $0.thresholdLabel == "p90" })
    }

    /// The distance one edge moves in c steps, by halving c, against c steps of the 5-vector recursion.
    @Test func edgeDistanceByHalvingMatchesStepping() {
        let kernel = HittingTimeTests.operators[3].perEdgeKernel!
        for c in [1, 2, 37, 1_000] {
            var power = (0..<5).map { 1 - kernel[6 * $0] }, sums = [Double](repeating: 0, count: 5)
            for _ in 0..<c {
                for a in 0..<5 { sums[a] += power[a] }
                power = (0..<5).map { a in (0..<5).reduce(0.0) { $0 + kernel[5 * a + $1] * power[$1] } }
            }
            let halved = ImprovabilityExperiment.distanceMoved(kernel: kernel, steps: c).sums
            #expect(zip(halved, sums).allSatisfy { abs($0 - $1) <= 1e-12 * Double(c) }, "c = \(c): \(halved) vs \(sums)")
        }
    }
}
