import Testing
@testable import Algorithms
import SearchSpace
import Statistics

@Suite struct MutationAndScheduleTests {
    /// Per-edge(p): each edge changes with probability p to a different operation, so d ~ Binomial(6, p).
    @Test func perEdgeMutationChangesEachEdgeWithProbabilityP() {
        let ea = OnePlusLambdaEA(mutationRate: 0.3)
        var generator = SeededGenerator(seed: 12)
        var histogram = [Int](repeating: 0, count: 7)
        let draws = 60_000
        for index in 0..<draws {
            let parent = (index * 7_919) % Cell.count
            histogram[Cell(code: parent).distance(to: Cell(code: ea.mutate(parent, using: &generator)))] += 1
        }
        for d in 0...6 {
            let p = Double(Combinatorics.binomial(6, d)) * pow(0.3, d) * pow(0.7, 6 - d)
            let error = (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(Double(histogram[d]) / Double(draws) - p) < 4 * error + 1e-4, "distance \(d)")
        }
    }

    private func pow(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1) { product, _ in product * x } }

    @Test func coolingIsGeometricFromT0ToT1OverTheBudgetThenHolds() {
        let annealing = SimulatedAnnealing(initialTemperature: 2, finalTemperature: 0.02, coolingQueries: 100)
        #expect(annealing.temperature(afterQueries: 0) == 2)
        #expect(abs(annealing.temperature(afterQueries: 50) - 0.2) < 1e-12)
        #expect(abs(annealing.temperature(afterQueries: 100) - 0.02) < 1e-12)
        #expect(annealing.temperature(afterQueries: 1_000) == annealing.temperature(afterQueries: 100))
    }

    /// Metropolis acceptance at the two extremes: hot, every proposal is taken (one edit per iteration);
    /// frozen, no worsening proposal is (the walk's fitness never falls).
    @Test func annealingAcceptsEverythingWhenHotAndNothingWorseWhenFrozen() {
        let group = TestLandscapes.standardGroups(TestLandscapes.rugged.fitness)[2]
        let hot = SimulatedAnnealing(initialTemperature: 1e12, finalTemperature: 1e12)
        let frozen = SimulatedAnnealing(initialTemperature: 1e-12, finalTemperature: 1e-12)
        let hotRuns = AlgorithmStudy.runFromGroup(hot, group, on: TestLandscapes.rugged, runs: 0..<50,
                                                  pathLengths: [1, 20], streams: SeededGenerator(seed: 15))
        #expect(hotRuns.allSatisfy { $0.distanceMoved == [1, 20] })
        #expect(hotRuns.contains { $0.fitnessGained[1] < 0 })
        let frozenRuns = AlgorithmStudy.runFromGroup(frozen, group, on: TestLandscapes.rugged, runs: 0..<50,
                                                     pathLengths: Array(1...20), streams: SeededGenerator(seed: 15))
        #expect(frozenRuns.allSatisfy { $0.fitnessGained == $0.fitnessGained.sorted() && $0.fitnessGained[0] >= 0 })
        #expect(frozenRuns.contains { $0.distanceMoved[19] < 20 })
    }

    /// The (1+λ) EA is elitist: its parent's fitness never falls, so improvability is never negative and
    /// reach counts only accepted moves.
    @Test func onePlusLambdaNeverLosesFitness() {
        let records = AlgorithmStudy.runFromGroup(OnePlusLambdaEA(), TestLandscapes.standardGroups(TestLandscapes.rugged.fitness)[1],
                                                  on: TestLandscapes.rugged, runs: 0..<100, pathLengths: [1, 10, 50],
                                                  streams: SeededGenerator(seed: 13))
        for record in records {
            #expect(record.fitnessGained == record.fitnessGained.sorted())
            #expect(record.fitnessGained[0] >= 0)
        }
        #expect(records.contains { $0.fitnessGained[2] > 0 })
    }

    /// Deceptive: f grows with the distance from t, except f(t) is the maximum. Climbers are led to the
    /// 4,096 cells at distance 6 and stall there, so only the restart guard makes the runs end; each must
    /// still reach t.
    @Test(.timeLimit(.minutes(2)))
    func everyAlgorithmEndsOnADeceptiveLandscape() {
        let target = 1_234
        var values = (0..<Cell.count).map { Double(Cell(code: $0).distance(to: Cell(code: target))) }
        values[target] = 10
        let landscape = TestLandscapes.landscape("deceptive", values)
        for algorithm in StandardAlgorithms.all(budget: 300) {
            let records = AlgorithmStudy.runUntilGlobalMaximum(algorithm, on: landscape, runs: 0..<2, budget: 300,
                                                               streams: SeededGenerator(seed: 14))
            #expect(records.allSatisfy { (1...Cell.count).contains($0.runtimes[0]) }, "\(algorithm.id)")
        }
    }
}
