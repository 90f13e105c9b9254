import SearchSpace
import Statistics
import Testing
@testable import Search

struct EngineTests {
    let f = Fixtures.fitness.values

    @Test func uniformOneStepFromAGroupIsMeanMinusGroupMean() {
        let engine = SpectralEngine(fitness: Fixtures.fitness)
        let group = StartGroup.standard(for: Fixtures.fitness, deciles: false)[0].members  // top10
        let improvability = engine.improvability(eigenvalues: Fixtures.op(.uniform).eigenvalues!, pathLength: 1)
        let expected = f.reduce(0, +) / Double(f.count) - group.reduce(0) { $0 + f[$1] } / Double(group.count)
        let computed = group.reduce(0) { $0 + improvability[$1] } / Double(group.count)
        #expect(abs(computed - expected) < 1e-9)
    }

    @Test func oneEditOneStepIsNeighbourMeanMinusF() {
        let engine = SpectralEngine(fitness: Fixtures.fitness)
        let improvability = engine.improvability(eigenvalues: Fixtures.op(.kEdit(1)).eigenvalues!, pathLength: 1)
        let table = NeighbourTable()
        for x in stride(from: 0, to: Cell.count, by: 97) {
            let neighbourMean = (0..<24).reduce(0) { $0 + f[table[x, $1]] } / 24
            #expect(abs(improvability[x] - (neighbourMean - f[x])) < 1e-9)
        }
    }

    @Test func symmetricOperatorsConserveTheMean() {
        let engine = SpectralEngine(fitness: Fixtures.fitness)
        var generator = SeededGenerator(seed: 4)
        let symmetricKernel = OperatorSet.symmetricDoublyStochastic(using: &generator)
        for kind: SearchOperator.Kind in [.kEdit(1), .kEdit(4), .perEdge(0.6), .uniform, .distanceMixture([0.2, 0.1, 0.1, 0.2, 0.1, 0.1, 0.2])] {
            for length in [1, 7, 50] {
                let values = engine.improvability(eigenvalues: Fixtures.op(kind).eigenvalues!, pathLength: length)
                #expect(abs(values.reduce(0, +) / Double(Cell.count)) < 1e-9 * Fixtures.maxAbs)
            }
        }
        let product = ProductKernelEngine(kernel: Fixtures.op(.opKernel(p: 0.8, m: symmetricKernel)).perEdgeKernel!)
        let propagated = product.propagate(f, steps: 5)
        #expect(abs(zip(propagated, f).reduce(0) { $0 + $1.0 - $1.1 } / Double(Cell.count)) < 1e-9 * Fixtures.maxAbs)
        // A non-doubly-stochastic M moves mass: the mean genuinely changes.
        let lopsided = ProductKernelEngine(kernel: Fixtures.op(.opKernel(p: 0.8, m: Fixtures.lopsidedKernel)).perEdgeKernel!)
        #expect(abs(zip(lopsided.propagate(f, steps: 5), f).reduce(0) { $0 + $1.0 - $1.1 } / Double(Cell.count)) > 0.01)
    }

    @Test func spectralMatchesMonteCarlo() {
        let op = Fixtures.op(.distanceMixture([0.3, 0.3, 0.2, 0.1, 0.05, 0.05, 0]))
        let engine = SpectralEngine(fitness: Fixtures.fitness)
        for (start, length) in [(123, 3), (9_000, 10)] {
            let exact = engine.improvability(eigenvalues: op.eigenvalues!, pathLength: length)[start] * Double(length) + f[start]
            let mc = Fixtures.monteCarloExpectation(op, rule: .always, start: start, length: length, walks: 4_000, seed: 11)
            #expect(abs(exact - mc.mean) < 4 * mc.error, "start \(start): exact \(exact) vs \(mc.mean) ± \(mc.error)")
        }
    }

    @Test func productKernelMatchesMonteCarlo() {
        let op = Fixtures.op(.opKernel(p: 0.6, m: Fixtures.lopsidedKernel))
        let engine = ProductKernelEngine(kernel: op.perEdgeKernel!)
        let exact = engine.propagate(f, steps: 4)
        for start in [0, 4_321, 15_624] {
            let mc = Fixtures.monteCarloExpectation(op, rule: .always, start: start, length: 4, walks: 4_000, seed: 12)
            #expect(abs(exact[start] - mc.mean) < 4 * mc.error, "start \(start): exact \(exact[start]) vs \(mc.mean) ± \(mc.error)")
        }
    }

    @Test func productKernelEffectiveReachOfUniformStartsIsReach() {
        let op = Fixtures.op(.opKernel(p: 0.6, m: Fixtures.lopsidedKernel))
        let engine = ProductKernelEngine(kernel: op.perEdgeKernel!)
        let counts = ProductKernelEngine.operationCounts(of: Array(0..<Cell.count))
        #expect(abs(engine.effectiveReach(operationCounts: counts, pathLength: 1) - op.reach) < 1e-12)
    }

    @Test func dynamicProgrammingWithAlwaysMatchesSpectral() {
        let engine = SpectralEngine(fitness: Fixtures.fitness)
        let sphere = AcceptanceDP.sphereTable(distance: 1)
        let dp = AcceptanceDP(sphere: sphere, distance: 1, rule: .always, fitness: Fixtures.fitness)
        let lengths = [1, 3, 8]
        for (length, result) in zip(lengths, dp.run(fitness: Fixtures.fitness, pathLengths: lengths)) {
            let spectral = engine.improvability(eigenvalues: Fixtures.op(.kEdit(1)).eigenvalues!, pathLength: length)
            for x in stride(from: 0, to: Cell.count, by: 31) {
                #expect(abs((result.expected[x] - f[x]) / Double(length) - spectral[x]) < 1e-9)
                #expect(abs(result.moved[x] - Double(length)) < 1e-9)
            }
        }
    }

    @Test func dynamicProgrammingMatchesMonteCarloForFitnessDependentRules() {
        let sphere = AcceptanceDP.sphereTable(distance: 1)
        for rule: AcceptanceRule in [.improving, .metropolis(temperature: 0.5)] {
            let dp = AcceptanceDP(sphere: sphere, distance: 1, rule: rule, fitness: Fixtures.fitness)
            let exact = dp.run(fitness: Fixtures.fitness, pathLengths: [6])[0].expected
            for start in [17, 8_888] {
                let mc = Fixtures.monteCarloExpectation(Fixtures.op(.kEdit(1)), rule: rule, start: start, length: 6, walks: 3_000, seed: 13)
                #expect(abs(exact[start] - mc.mean) < 4 * mc.error + 1e-12, "\(rule.label) start \(start): \(exact[start]) vs \(mc.mean) ± \(mc.error)")
            }
        }
    }

    @Test func improvingNeverLosesFitness() {
        let sphere = AcceptanceDP.sphereTable(distance: 1)
        let dp = AcceptanceDP(sphere: sphere, distance: 1, rule: .improving, fitness: Fixtures.fitness)
        let expected = dp.run(fitness: Fixtures.fitness, pathLengths: [5])[0].expected
        #expect(zip(expected, f).allSatisfy { $0 >= $1 - 1e-12 })
        #expect(zip(expected, f).contains { $0 > $1 + 0.1 })
    }

    @Test func orderStatistics() {
        var generator = SeededGenerator(seed: 8)
        for n in [1, 2, 5, 10, 101] {
            var values = (0..<n).map { _ in Double(generator.nextInt(below: 7)) }
            let sorted = values.sorted()
            let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
            #expect(Descriptive.median(selecting: &values) == median)
        }
        #expect(Descriptive.quantile([4, 1, 3, 2], 0.5) == 2.5)
        #expect(abs(Descriptive.quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) - 9.1) < 1e-12)
    }
}
