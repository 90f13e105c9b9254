import Testing
@testable import Algorithms
import SearchSpace
import Statistics

@Suite struct RegularizedEvolutionTests {
    @Test func populationKeepsItsSizeLosesItsOldestAndGainsAChildOfTheWinner() {
        let landscape = TestLandscapes.rugged
        let evolution = RegularizedEvolution()
        var run = SearchRun(untilGlobalMaximumOf: landscape, budget: 300, generator: SeededGenerator(seed: 4))
        var population = AgingPopulation(capacity: evolution.populationSize)
        var initial: [Int] = []
        for _ in 0..<evolution.populationSize {
            let cell = run.start()
            population.insert(cell)
            initial.append(cell)
        }
        #expect(population.count == 10)
        #expect(population.byAge == initial)
        #expect(Set(initial).count == 10, "the initial population is drawn without replacement")
        for _ in 0..<2_000 {
            let before = population.byAge
            let (parent, child) = evolution.evolve(&population, run: &run)
            #expect(population.count == 10)
            #expect(population.byAge == Array(before.dropFirst()) + [child])
            #expect(before.contains(parent))
            #expect(Cell(code: parent).distance(to: Cell(code: child)) == 1)
            if run.isFinished { break }
        }
    }

    /// The tournament picks the fittest of its sample: over many tournaments the winner's mean rank in
    /// the population matches the exact law of the best of 3 draws with replacement from 10.
    @Test func tournamentWinnerFollowsTheBestOfThreeLaw() {
        let landscape = TestLandscapes.rugged
        let evolution = RegularizedEvolution()
        var run = SearchRun(untilGlobalMaximumOf: landscape, budget: 1, generator: SeededGenerator(seed: 9))
        let members = Array(0..<10).map { $0 * 1_000 + 3 }
        let ranking = members.sorted(by: landscape.fitness.ranksAbove)
        var rankSum = 0.0, tournaments = 20_000
        for _ in 0..<tournaments {
            var population = AgingPopulation(capacity: 10)
            for member in members { population.insert(member) }
            let (parent, _) = evolution.evolve(&population, run: &run)
            rankSum += Double(ranking.firstIndex(of: parent)!)
        }
        // P(best rank ≥ k) = ((10 − k)/10)^3 for ranks 0…9, so E[rank] = Σ_{k≥1} ((10 − k)/10)^3.
        let expected = (1..<10).reduce(0.0) { $0 + pow3(Double(10 - $1) / 10) }
        #expect(abs(rankSum / Double(tournaments) - expected) < 0.04)
    }

    private func pow3(_ x: Double) -> Double { x * x * x }

    /// Started from a single cell, the whole population is that cell and the first child is one edit away.
    @Test func reachIsOneEditPerIteration() {
        let group = StartCells(name: "one", members: [4_321])
        let records = AlgorithmStudy.runFromGroup(RegularizedEvolution(), group, on: TestLandscapes.rugged, runs: 0..<30,
                                                  pathLengths: [1, 50], streams: SeededGenerator(seed: 6))
        #expect(records.allSatisfy { $0.distanceMoved == [1, 50] })
    }
}
