import Testing
@testable import Algorithms
import Statistics

@Suite struct ExpectedRunningTimeTests {
    @Test func ertCountsCappedQueriesOverSuccesses() {
        let ert = ExpectedRunningTime(runtimes: [3, 5, 400, 1_000], budget: 300)
        #expect(ert.queries == (3 + 5 + 300 + 300) / 2.0)
        #expect(ert.successRate == 0.5)
    }

    @Test func ertWithEverySuccessIsTheMeanAndAtTheBudgetCounts() {
        let ert = ExpectedRunningTime(runtimes: [10, 20, 300], budget: 300)
        #expect(ert.queries == 110)
        #expect(ert.successRate == 1)
    }

    @Test func ertWithoutSuccessIsInfinite() {
        let ert = ExpectedRunningTime(runtimes: [301, 500], budget: 300)
        #expect(ert.queries == nil)
        #expect(ert.successRate == 0)
    }

    /// Resamples of identical runtimes all have the same ERT; resamples of failures have none.
    @Test func bootstrapIntervalIsDegenerateOrUnboundedAtTheExtremes() {
        let generator = SeededGenerator(seed: 1)
        let same = ExpectedRunningTime.bootstrapInterval(runtimes: [7, 7, 7, 7], budget: 10, replicates: 200, generator: generator)
        #expect(same.lower == 7 && same.upper == 7)
        let none = ExpectedRunningTime.bootstrapInterval(runtimes: [11, 12], budget: 10, replicates: 200, generator: generator)
        #expect(none.lower == nil && none.upper == nil)
        // One success in 20 runs: over 2.5% of resamples (0.95^20 ≈ 36%) have none, so the upper bound is open.
        let rare = ExpectedRunningTime.bootstrapInterval(runtimes: [3] + Array(repeating: 50, count: 19), budget: 10,
                                                         replicates: 500, generator: generator)
        #expect(rare.lower != nil && rare.upper == nil)
    }
}
