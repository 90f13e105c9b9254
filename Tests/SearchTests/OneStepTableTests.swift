import Benchmark
import SearchSpace
import Statistics
import Testing
@testable import Search

struct OneStepTableTests {
    static let rules: [AcceptanceRule] = [.always, .improving, .nonWorsening, .metropolis(temperature: 0.5)]

    /// Fixtures' landscape rounded to whole points: many ties, so `improving` and `non-worsening` differ.
    static let tied = FitnessFunction(valuesByCode: Fixtures.fitness.values.map { $0.rounded() })

    /// The synthetic benchmark's hardest metric: a large plateau of disconnected cells at chance accuracy.
    static let synthetic: FitnessFunction = {
        let benchmark = SyntheticSource.make(seed: 0)
        return benchmark.fitness(benchmark.metrics[2])
    }()

    /// S_d(x) and A_d(x) by the definition: a sum over all 15,625 cells y.
    static func bruteForce(_ fitness: FitnessFunction, rule: AcceptanceRule, cell x: Int) -> (change: [Double], acceptance: [Double]) {
        var change = [Double](repeating: 0, count: 7), acceptance = change
        let f = fitness.values
        for y in 0..<Cell.count {
            let d = Cell(code: x).distance(to: Cell(code: y)), a = rule.probability(from: f[x], to: f[y])
            change[d] += a * (f[y] - f[x])
            acceptance[d] += a
        }
        for d in 0...6 {
            change[d] /= Double(Combinatorics.sphereSize(d))
            acceptance[d] /= Double(Combinatorics.sphereSize(d))
        }
        return (change, acceptance)
    }

    @Test(arguments: [Fixtures.fitness, tied, synthetic].indices)
    func tablesMatchTheSumOverAllPairs(landscape: Int) {
        let fitness = [Fixtures.fitness, OneStepTableTests.tied, OneStepTableTests.synthetic][landscape]
        let tables = OneStepTables.tables(fitness: fitness, rules: OneStepTableTests.rules, threads: 2)
        for rule in OneStepTableTests.rules {
            let table = tables[rule]!
            for x in stride(from: 3, to: Cell.count, by: 151) {
                let expected = OneStepTableTests.bruteForce(fitness, rule: rule, cell: x)
                for d in 0...6 {
                    let change = table.change[d * Cell.count + x], acceptance = table.acceptance[d * Cell.count + x]
                    #expect(abs(change - expected.change[d]) < 1e-10, "\(rule.label) x \(x) d \(d): S \(change) vs \(expected.change[d])")
                    #expect(abs(acceptance - expected.acceptance[d]) < 1e-12, "\(rule.label) x \(x) d \(d): A \(acceptance) vs \(expected.acceptance[d])")
                }
            }
        }
        // Ties make the two strict and non-strict rules genuinely differ on the tied landscapes.
        if landscape > 0 { #expect(tables[.improving]!.acceptance != tables[.nonWorsening]!.acceptance) }
    }

    @Test func alwaysTablesGiveTheSpectralOneStep() {
        let tables = OneStepTables(fitness: Fixtures.fitness, rule: .always, threads: 1)
        let engine = SpectralEngine(fitness: Fixtures.fitness)
        for kind: SearchOperator.Kind in [.kEdit(3), .perEdge(0.4), .distanceMixture([0.1, 0.2, 0.3, 0.1, 0.1, 0.1, 0.1])] {
            let op = Fixtures.op(kind)
            let exact = engine.improvability(eigenvalues: op.eigenvalues!, pathLength: 1)
            let fromTables = tables.expectedChange(distanceDistribution: op.distanceDistribution!)
            #expect(zip(exact, fromTables).allSatisfy { abs($0 - $1) < 1e-10 })
            let moved = tables.expectedDistanceMoved(distanceDistribution: op.distanceDistribution!)
            #expect(moved.allSatisfy { abs($0 - op.reach) < 1e-12 })
        }
    }

    @Test func threadCountDoesNotChangeTables() {
        let one = OneStepTables(fitness: OneStepTableTests.tied, rule: .metropolis(temperature: 0.5), threads: 1)
        let two = OneStepTables(fitness: OneStepTableTests.tied, rule: .metropolis(temperature: 0.5), threads: 2)
        #expect(one.change == two.change && one.acceptance == two.acceptance)
    }

    /// The exact L = 1 and L = 2 group statistics (one- and two-step tables) against every start of the
    /// group walked many times.
    @Test(arguments: [AcceptanceRule.improving, .metropolis(temperature: 0.5)], [1, 2])
    func exactGroupMeansMatchMonteCarlo(rule: AcceptanceRule, length: Int) {
        let fitness = OneStepTableTests.synthetic
        var settings = SearchSettings.default
        settings.pathLengths = [1, 2]
        settings.acceptanceRules = [rule]
        settings.thresholdPercentiles = []
        let experiment = ImprovabilityExperiment(fitness: fitness, settings: settings)
        let f = fitness.values
        for kind: SearchOperator.Kind in [.perEdge(0.3), .distanceMixture([0.05, 0.4, 0.2, 0.05, 0.1, 0.1, 0.1])] {
            let op = Fixtures.op(kind)
            let rows = experiment.fixedLengthRows(op, rule: rule, spheres: [:], streams: SeededGenerator(seed: 1), walks: [:])
            let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
            for group in experiment.groups.prefix(2) {
                let row = rows.first { $0.group == group.id && $0.pathLength == length }!
                #expect(row.method == .exact && row.standardError == nil)
                var changes: [Double] = [], moved: [Double] = []
                for (s, start) in group.members.enumerated() {
                    for w in 0..<16 {
                        var generator = SeededGenerator(seed: 77, stream: UInt64(s * 16 + w))
                        let step = walker.walk(from: start, pathLengths: [length], using: &generator)[0]
                        changes.append((step.fitness - f[start]) / Double(length))
                        moved.append(Double(step.moved) / Double(length))
                    }
                }
                let (mean, error) = Fixtures.meanAndStandardError(changes)
                #expect(abs(row.meanImprovability! - mean) < 4 * error!, "\(op.kind) \(group.id.rawValue): exact \(row.meanImprovability!) vs \(mean) ± \(error!)")
                let (reach, reachError) = Fixtures.meanAndStandardError(moved)
                #expect(abs(row.effectiveReach - reach) < 4 * reachError!, "\(op.kind) \(group.id.rawValue): reach \(row.effectiveReach) vs \(reach) ± \(reachError!)")
            }
        }
    }
}
