import SearchSpace
import Statistics
import Testing
@testable import Search

struct UniformAcceptanceTests {
    static let rules: [AcceptanceRule] = [.improving, .nonWorsening, .metropolis(temperature: 0.5)]
    /// The fixture rounded to whole points: runs of tied cells, which only `improving` refuses.
    static let tied = FitnessFunction(valuesByCode: Fixtures.fitness.values.map { $0.rounded() })

    /// One step of the O(N) application against the sum over all N proposals, at a sample of cells, for a
    /// vector that is not the fitness (so the run sums are weighted).
    @Test(arguments: [Fixtures.fitness, UniformAcceptanceTests.tied])
    func applicationMatchesTheSumOverAllProposals(fitness: FitnessFunction) {
        let f = fitness.values
        var generator = SeededGenerator(seed: 8)
        let v = (0..<Cell.count).map { _ in generator.nextGaussian() }
        for rule in UniformAcceptanceTests.rules {
            let applied = UniformAcceptanceChain(fitness: fitness, rule: rule).apply(v)
            for x in stride(from: 3, to: Cell.count, by: 401) {
                let expected = (0..<Cell.count).reduce(0.0) { sum, y in
                    let a = rule.probability(from: f[x], to: f[y])
                    return sum + a * v[y] + (1 - a) * v[x]
                } / Double(Cell.count)
                #expect(abs(applied[x] - expected) <= 1e-12 * (1 + abs(expected)), "\(rule.label) x \(x): \(applied[x]) vs \(expected)")
            }
        }
    }

    /// At L = 1 the chain gives the one-step tables' expected change (sphere sums, computed another way).
    @Test(arguments: [Fixtures.fitness, UniformAcceptanceTests.tied])
    func firstStepMatchesTheOneStepTables(fitness: FitnessFunction) {
        let pi = Fixtures.op(.uniform).distanceDistribution!
        for rule in UniformAcceptanceTests.rules {
            let tables = OneStepTables(fitness: fitness, rule: rule, threads: 2)
            let moved = tables.expectedDistanceMoved(distanceDistribution: pi)
            let result = UniformAcceptanceChain(fitness: fitness, rule: rule).run(fitness: fitness, pathLengths: [1, 3], moved: moved)
            let change = tables.expectedChange(distanceDistribution: pi)
            #expect((0..<Cell.count).allSatisfy { abs(result[0].expected[$0] - fitness.values[$0] - change[$0]) <= 1e-9 }, "\(rule.label)")
            #expect(result[0].moved == moved)
            #expect((0..<Cell.count).allSatisfy { result[1].moved[$0] <= 3 * Double(Cell.edgeCount) && result[1].moved[$0] >= moved[$0] })
        }
    }

    /// E[f(X_10) | x] against Monte Carlo walks of the uniform operator.
    @Test func tenStepsMatchMonteCarlo() {
        let op = Fixtures.op(.uniform), pi = op.distanceDistribution!
        for rule in UniformAcceptanceTests.rules {
            let moved = OneStepTables(fitness: Fixtures.fitness, rule: rule, threads: 2).expectedDistanceMoved(distanceDistribution: pi)
            let exact = UniformAcceptanceChain(fitness: Fixtures.fitness, rule: rule).run(fitness: Fixtures.fitness, pathLengths: [10], moved: moved)[0]
            Fixtures.expectAgreesWithMonteCarlo(exact.expected, op, rule: rule, length: 10, seed: 3)
        }
    }

    /// Every fixed-length row of `uniform` is exact, deciles included, and the pilot leaves it out.
    @Test func uniformRowsAreExactAtEveryLength() {
        var settings = ExperimentTests.settings
        settings.acceptanceRules = UniformAcceptanceTests.rules
        settings.thresholdPercentiles = []
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
        let op = Fixtures.op(.uniform)
        let rows = experiment.rows(for: [op])
        #expect(rows.filter { $0.experiment == .fixedLength }.allSatisfy { $0.method == .exact })
        #expect(rows.contains { $0.pathLength == 5 && $0.group == .decile(3) })
        #expect(UniformAcceptanceTests.rules.allSatisfy { !experiment.usesMonteCarlo(op, rule: $0) })
    }
}
