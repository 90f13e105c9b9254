import SearchSpace
import Statistics
import Testing
@testable import Search

struct TwoStepTableTests {
    static let rules: [AcceptanceRule] = [.improving, .nonWorsening, .metropolis(temperature: 0.5)]
    static let landscapes = [Fixtures.fitness, OneStepTableTests.tied]

    static func tables(_ fitness: FitnessFunction, rule: AcceptanceRule) -> TwoStepTables {
        let subcubes = SortedSubcubes(fitness: fitness, threads: 2)
        return TwoStepTables(oneStep: OneStepTables(subcubes: subcubes, rule: rule, threads: 2),
                             sums: AcceptedSphereSums(subcubes: subcubes, rule: rule, threads: 2), threads: 2)
    }

    /// k-edit(k) is the distance law concentrated on k, which dynamic programming over its proposals solves exactly.
    @Test(arguments: [0, 1], [1, 3])
    func tablesMatchDynamicProgrammingForKEdit(landscape: Int, k: Int) {
        let fitness = TwoStepTableTests.landscapes[landscape], f = fitness.values
        let pi = (0...Cell.edgeCount).map { $0 == k ? 1.0 : 0 }
        let sphere = AcceptanceDP.sphereTable(distance: k)
        for rule in TwoStepTableTests.rules {
            let tables = TwoStepTableTests.tables(fitness, rule: rule)
            let dp = AcceptanceDP(sphere: sphere, distance: k, rule: rule, fitness: fitness).run(fitness: fitness, pathLengths: [2])[0]
            let change = tables.expectedChange(distanceDistribution: pi), moved = tables.expectedDistanceMoved(distanceDistribution: pi)
            let changeError = (0..<Cell.count).map { abs(change[$0] - (dp.expected[$0] - f[$0])) }.max()!
            let movedError = (0..<Cell.count).map { abs(moved[$0] - dp.moved[$0]) }.max()!
            #expect(changeError < 1e-10 && movedError < 1e-10, "\(rule.label) k \(k): \(changeError), \(movedError)")
        }
    }

    /// A mixture over every distance, against E[g(X_1)] summed over all 15,625 cells y with g = E[f(X_1) | ·]
    /// and r = E[d(X_0, X_1) | ·] from the one-step tables (themselves checked against brute force).
    @Test(arguments: [0, 1])
    func tablesMatchTheSumOverAllCells(landscape: Int) {
        let fitness = TwoStepTableTests.landscapes[landscape], f = fitness.values
        let pi = [0.05, 0.3, 0.2, 0.15, 0.1, 0.1, 0.1]
        for rule in TwoStepTableTests.rules {
            let tables = TwoStepTableTests.tables(fitness, rule: rule)
            let g = zip(tables.oneStep.expectedChange(distanceDistribution: pi), f).map { $0 + $1 }
            let r = tables.oneStep.expectedDistanceMoved(distanceDistribution: pi)
            let change = tables.expectedChange(distanceDistribution: pi), moved = tables.expectedDistanceMoved(distanceDistribution: pi)
            for x in stride(from: 7, to: Cell.count, by: 997) {
                var value = 0.0, distance = 0.0, stay = 1.0
                for y in 0..<Cell.count where y != x {
                    let d = Cell(code: x).distance(to: Cell(code: y))
                    let p = pi[d] / Double(Combinatorics.sphereSize(d)) * rule.probability(from: f[x], to: f[y])
                    value += p * g[y]
                    distance += p * (Double(d) + r[y])
                    stay -= p
                }
                value += stay * g[x]
                distance += stay * r[x]
                #expect(abs(change[x] - (value - f[x])) < 1e-10, "\(rule.label) x \(x): \(change[x]) vs \(value - f[x])")
                #expect(abs(moved[x] - distance) < 1e-10, "\(rule.label) x \(x): moved \(moved[x]) vs \(distance)")
            }
        }
    }

    @Test func threadCountDoesNotChangeTables() {
        let rule = AcceptanceRule.metropolis(temperature: 0.5), fitness = OneStepTableTests.tied
        let subcubes = SortedSubcubes(fitness: fitness, threads: 1)
        let one = TwoStepTables(oneStep: OneStepTables(subcubes: subcubes, rule: rule, threads: 1),
                                sums: AcceptedSphereSums(subcubes: subcubes, rule: rule, threads: 1), threads: 1)
        let two = TwoStepTableTests.tables(fitness, rule: rule)
        #expect(one.change == two.change && one.acceptance == two.acceptance)
    }
}
