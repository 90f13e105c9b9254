import Testing
import Algorithms

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
}
