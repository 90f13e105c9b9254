import Testing
@testable import Statistics

@Suite struct DescriptiveTests {
    @Test(arguments: Golden.shared.descriptive.map(\.label))
    func matchesNumpyAndScipy(label: String) throws {
        let golden = try #require(Golden.shared.descriptive.first { $0.label == label })
        #expect(agrees(Descriptive.mean(golden.values), golden.mean, relative: 1e-13))
        #expect(agrees(Descriptive.median(golden.values), golden.median, relative: 1e-15))
        #expect(agrees(Descriptive.skewness(golden.values), golden.skewness, relative: 1e-10))
        for (level, expected) in zip(golden.levels, golden.quantiles) {
            #expect(agrees(Descriptive.quantile(golden.values, level), expected, relative: 1e-15),
                    "q\(level) = \(Descriptive.quantile(golden.values, level)) vs \(expected)")
        }
    }

    @Test func summaryCollectsTheStatistics() throws {
        let golden = try #require(Golden.shared.descriptive.first { $0.label == "exponential 500" })
        let summary = Summary(golden.values)
        let level = { (p: Double) in golden.quantiles[golden.levels.firstIndex(of: p)!] }
        #expect(summary.count == 500)
        #expect(summary.min == level(0) && summary.max == level(1))
        #expect(summary.q10 == level(0.1) && summary.q90 == level(0.9))
        #expect(agrees(summary.skewness, golden.skewness, relative: 1e-10))
        // An exponential sample is right-skewed: fewer than half of the values exceed the mean.
        #expect(summary.skewness > 1 && summary.shareAboveMean < 0.5)
        #expect(summary.median == golden.median)
    }

    @Test func smallHandComputedCases() {
        let values: [Double] = [1, 2, 3, 4, 10]
        let summary = Summary(values)
        #expect(summary.mean == 4 && summary.median == 3)
        #expect(summary.standardDeviation == (50.0 / 4).squareRoot())
        #expect(summary.shareAboveMean == 0.2)
        #expect(Summary([]).mean.isNaN && Summary([]).q10.isNaN)
        #expect(Descriptive.skewness([5, 5, 5]).isNaN)
    }

    /// Selection gives the median of the sorted values, small and large (the sampled pre-selection starts above
    /// 600 values), with ties, sorted and reversed input.
    @Test(arguments: [1, 2, 3, 601, 602, 1_000, 5_001, 15_625])
    func selectionMatchesSorting(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        let continuous = (0..<count).map { _ in generator.nextGaussian() }
        let tied = (0..<count).map { _ in Double(generator.nextInt(below: 9)) }
        for values in [continuous, tied, continuous.sorted(), continuous.sorted(by: >)] {
            let sorted = values.sorted()
            let median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
            var selecting = values
            #expect(Descriptive.median(selecting: &selecting) == median)
            #expect(selecting.sorted() == sorted)
        }
    }
}
