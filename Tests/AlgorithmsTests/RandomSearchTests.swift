import Testing
import Algorithms
import SearchSpace
import Statistics

@Suite struct RandomSearchTests {
    /// Uniform sampling without replacement hits one of m maxima among N cells after (N + 1)/(m + 1)
    /// queries on average.
    @Test(arguments: [(maxima: 2, runs: 400), (maxima: 25, runs: 2000)])
    func meanQueriesToAGlobalMaximumMatchTheClosedForm(maxima: Int, runs: Int) {
        var values = TestLandscapes.rugged.fitness.values
        var generator = SeededGenerator(seed: 11)
        var placed = 0
        while placed < maxima {
            let cell = generator.nextInt(below: Cell.count)
            if values[cell] != 100 { values[cell] = 100; placed += 1 }
        }
        let landscape = TestLandscapes.landscape("maxima", values)
        let records = AlgorithmStudy.runUntilGlobalMaximum(RandomSearch(), on: landscape, runs: 0..<runs, budget: 10,
                                                           streams: SeededGenerator(seed: 3))
        let (mean, error) = TestLandscapes.meanAndError(records.map { $0.runtimes[0] })
        let expected = Double(Cell.count + 1) / Double(maxima + 1)
        #expect(abs(mean - expected) < 4 * error, "mean \(mean) ± \(error), closed form \(expected)")
    }

    /// With every cell a maximum (m = N) the closed form is exactly 1: the first query always hits.
    @Test func everyCellAMaximumIsHitAtTheFirstQuery() {
        let landscape = TestLandscapes.landscape("flat", [Double](repeating: 50, count: Cell.count),
                                                 groups: [StartCells(name: "all", members: [0])])
        let records = AlgorithmStudy.runUntilGlobalMaximum(RandomSearch(), on: landscape, runs: 0..<50, budget: 5,
                                                           streams: SeededGenerator(seed: 1))
        #expect(records.allSatisfy { $0.runtimes == [1, 1, 1] && $0.bestSoFar == [50, 50, 50, 50, 50] })
    }

    /// Sampling without replacement: a run that goes on until its last cell queries each cell once, and
    /// the global maximum's runtime is uniform on 1…N when m = 1, so its median is near N/2.
    @Test func queriesAreUniqueAndRuntimesSpreadUniformly() {
        let landscape = TestLandscapes.rugged
        let records = AlgorithmStudy.runUntilGlobalMaximum(RandomSearch(), on: landscape, runs: 0..<300, budget: 1,
                                                           streams: SeededGenerator(seed: 5))
        let runtimes = records.map { $0.runtimes[0] }
        #expect(runtimes.allSatisfy { (1...Cell.count).contains($0) })
        // Each iteration is one new query after the first.
        #expect(records.allSatisfy { $0.iterations == $0.runtimes[0] - 1 })
        let median = Descriptive.median(runtimes.map(Double.init))
        #expect(abs(median - Double(Cell.count) / 2) < 0.1 * Double(Cell.count))
    }
}
