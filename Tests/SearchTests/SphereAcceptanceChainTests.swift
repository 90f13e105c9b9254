import SearchSpace
import Statistics
import Testing
@testable import Search

struct SphereAcceptanceChainTests {
    static let rules: [AcceptanceRule] = [.improving, .nonWorsening, .metropolis(temperature: 0.5)]

    static func chain(_ rule: AcceptanceRule) -> SphereAcceptanceChain {
        let subcubes = SortedSubcubes(fitness: Fixtures.fitness, threads: 2)
        return SphereAcceptanceChain(sums: AcceptedSphereSums(subcubes: subcubes, rule: rule, threads: 2),
                                     tables: OneStepTables(subcubes: subcubes, rule: rule, threads: 2))
    }

    static func law(_ k: Int) -> [Double] { (0...Cell.edgeCount).map { $0 == k ? 1.0 : 0 } }

    /// For k = 1 and 2 the chain gives what dynamic programming over every proposal gives, at several lengths
    /// and for both operators stepping in one pass.
    @Test(arguments: SphereAcceptanceChainTests.rules)
    func matchesDynamicProgrammingForSmallK(rule: AcceptanceRule) {
        let lengths = [1, 3, 7]
        let runs = Self.chain(rule).run(distanceLaws: [Self.law(1), Self.law(2)], fitness: Fixtures.fitness, pathLengths: lengths, threads: 2)
        for (k, run) in zip([1, 2], runs) {
            let dp = AcceptanceDP(sphere: AcceptanceDP.sphereTable(distance: k), distance: k, rule: rule, fitness: Fixtures.fitness)
                .run(fitness: Fixtures.fitness, pathLengths: lengths)
            for l in lengths.indices {
                let worst = (0..<Cell.count).map { max(abs(run[l].expected[$0] - dp[l].expected[$0]), abs(run[l].moved[$0] - dp[l].moved[$0])) }.max()!
                #expect(worst <= 1e-9, "\(rule.label) k \(k) L \(lengths[l]): \(worst)")
            }
        }
    }

    /// k = 3 (1,280 proposals per cell) and a distance mixture, one step, against the sum over every proposal
    /// at a sample of cells.
    @Test(arguments: SphereAcceptanceChainTests.rules)
    func oneStepMatchesTheSumOverEveryProposal(rule: AcceptanceRule) {
        let mixture = [0.1, 0.0, 0.2, 0.3, 0.0, 0.25, 0.15]
        let runs = Self.chain(rule).run(distanceLaws: [Self.law(3), mixture], fitness: Fixtures.fitness, pathLengths: [1], threads: 1)
        let f = Fixtures.fitness.values
        for x in stride(from: 5, to: Cell.count, by: 1_301) {
            var expected = [Double](repeating: 0, count: 2), moved = expected
            for (i, pi) in [Self.law(3), mixture].enumerated() {
                expected[i] = pi[0] * f[x]
                for d in 1...Cell.edgeCount where pi[d] > 0 {
                    let sphere = Cell(code: x).cells(atDistance: d)
                    for y in sphere {
                        let a = rule.probability(from: f[x], to: f[y.code]), p = pi[d] / Double(sphere.count)
                        expected[i] += p * (a * f[y.code] + (1 - a) * f[x])
                        moved[i] += p * a * Double(d)
                    }
                }
                #expect(abs(runs[i][0].expected[x] - expected[i]) <= 1e-9 && abs(runs[i][0].moved[x] - moved[i]) <= 1e-12,
                        "\(rule.label) law \(i) x \(x)")
            }
        }
    }

    /// E[f(X_10) | x] of k-edit(4) against Monte Carlo walks.
    @Test func tenStepsMatchMonteCarlo() {
        let op = Fixtures.op(.kEdit(4))
        for rule in Self.rules {
            let exact = Self.chain(rule).run(distanceLaws: [Self.law(4)], fitness: Fixtures.fitness, pathLengths: [10], threads: 2)[0][0]
            Fixtures.expectAgreesWithMonteCarlo(exact.expected, op, rule: rule, length: 10, seed: 5)
        }
    }

    /// k-edit(k) beyond `dynamicProgrammingMaxK` is exact, deciles included, up to `exactChainMaxLength` and
    /// Monte Carlo beyond; with every length within it the pilot leaves the operator out.
    @Test func largeKEditRowsAreExactUpToTheChainLength() {
        var settings = ExperimentTests.settings
        settings.acceptanceRules = Self.rules
        settings.thresholdPercentiles = []
        settings.pathLengths = [1, 2, 5, 10]
        settings.exactChainMaxLength = 5
        let op = Fixtures.op(.kEdit(3))
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
        let rows = experiment.rows(for: [op]).filter { $0.experiment == .fixedLength }
        #expect(rows.filter { $0.pathLength! <= 5 }.allSatisfy { $0.method == .exact })
        #expect(rows.contains { $0.pathLength == 5 && $0.group == .decile(3) })
        #expect(rows.filter { $0.pathLength == 10 }.allSatisfy { $0.method == .monteCarlo })
        #expect(Self.rules.allSatisfy { experiment.usesMonteCarlo(op, rule: $0) })
        settings.exactChainMaxLength = 10
        let everyLength = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
        #expect(everyLength.rows(for: [op]).filter { $0.experiment == .fixedLength }.allSatisfy { $0.method == .exact })
        #expect(Self.rules.allSatisfy { !everyLength.usesMonteCarlo(op, rule: $0) })
    }
}
