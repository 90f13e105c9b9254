import Testing
import Algorithms
import SearchSpace
import Statistics

@Suite struct StudyTests {
    static let settings = AlgorithmStudySettings(runs: 30, budget: 60, pathLengths: [1, 5], bootstrapReplicates: 50)

    @Test func resultsDoNotDependOnTheThreadCount() {
        let algorithms = StandardAlgorithms.all(budget: Self.settings.budget)
        let basin = TestLandscapes.singleBasin(target: 77)
        let oneGroup = TestLandscapes.landscape("basin", basin.fitness.values, groups: [StartCells(name: "all", members: [5, 6])])
        let landscapes = [TestLandscapes.rugged, oneGroup]
        let one = AlgorithmStudy.measure(algorithms, on: landscapes, settings: Self.settings, seed: 5, threads: 1)
        let two = AlgorithmStudy.measure(algorithms, on: landscapes, settings: Self.settings, seed: 5, threads: 2)
        #expect(one == two)
        #expect(one.map(\.metric) == Array(repeating: "rugged", count: 5) + Array(repeating: "basin", count: 5))
        #expect(one.allSatisfy { $0.runs == 30 && $0.fixedTargets.allSatisfy { $0.runtimes.count == 30 } })
        #expect(one[0].reachImprovability.map(\.group) == ["top10", "top10", "bottom10", "bottom10", "all", "all"])
        #expect(one[9].reachImprovability.map(\.group) == ["all", "all"])
        #expect(one[9].reachImprovability.allSatisfy { $0.runs == 30 })
        #expect(one.map(\.algorithm.rawValue).prefix(5) == ["random-search", "local-search", "regularized-evolution",
                                                            "simulated-annealing", "one-plus-lambda-ea"])
        let other = AlgorithmStudy.measure(algorithms, on: landscapes, settings: Self.settings, seed: 6, threads: 2)
        #expect(one != other, "the seed must matter")
    }

    /// Streams are keyed by names, so an algorithm's runs do not depend on which others run beside it.
    @Test func anAlgorithmsRunsDoNotDependOnTheOthersInTheList() {
        let alone = AlgorithmStudy.measure([LocalSearch()], on: [TestLandscapes.rugged], settings: Self.settings,
                                           seed: 5, threads: 2)
        let together = AlgorithmStudy.measure([RandomSearch(), LocalSearch()], on: [TestLandscapes.rugged],
                                              settings: Self.settings, seed: 5, threads: 2)
        #expect(alone[0] == together[1])
    }

    @Test func measurementsHaveTheirShape() {
        let landscape = TestLandscapes.rugged
        let measurement = AlgorithmStudy.measure([RegularizedEvolution()], on: [landscape], settings: Self.settings,
                                                 seed: 1, threads: 2)[0]
        #expect(measurement.fixedTargets.map(\.target.label) == ["global-max", "p99.9", "p99"])
        #expect(measurement.fixedTargets.allSatisfy { $0.runtimes.count == 30 && $0.runtimes == $0.runtimes.sorted() })
        // A lower target is hit no later than a higher one in every run, so its mean is no larger.
        #expect(measurement.fixedTargets[2].mean <= measurement.fixedTargets[1].mean)
        #expect(measurement.fixedTargets[1].mean <= measurement.fixedTargets[0].mean)
        let curve = measurement.fixedBudget
        #expect(curve.meanBest.count == 60 && curve.meanBest == curve.meanBest.sorted())
        #expect(zip(curve.meanRegret, curve.meanBest).allSatisfy { abs($0 + $1 - landscape.maximumFitness) < 1e-9 })
        #expect(zip(curve.lower, curve.upper).allSatisfy { $0 <= $1 })
        #expect(measurement.reachImprovability.map(\.group) == ["top10", "top10", "bottom10", "bottom10", "all", "all"])
        #expect(measurement.reachImprovability.allSatisfy { $0.effectiveReach == 1 })
        #expect(measurement.parameters == ["populationSize": 10, "sampleSize": 3, "patience": 100])
    }

    /// Type 7: position p·(N − 1) = 15,608.376 for p99.9 and 15,467.76 for p99, interpolated linearly.
    @Test func targetsArePercentilesOfAllCells() {
        let landscape = TestLandscapes.rugged
        let sorted = landscape.fitness.values.sorted()
        func type7(_ below: Int, _ fraction: Double) -> Double { sorted[below] + fraction * (sorted[below + 1] - sorted[below]) }
        #expect(landscape.targets[0].threshold == sorted.last)
        #expect(landscape.targets.map(\.label) == ["global-max", "p99.9", "p99"])
        #expect(abs(landscape.targets[1].threshold - type7(15_608, 0.376)) < 1e-9)
        #expect(abs(landscape.targets[2].threshold - type7(15_467, 0.76)) < 1e-9)
    }
}
