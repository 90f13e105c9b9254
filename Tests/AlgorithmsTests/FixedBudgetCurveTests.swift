import Testing
@testable import Algorithms

@Suite struct FixedBudgetCurveTests {
    /// Two runs: means 2 and 3, sample SD √2 at both queries, so SE = √2/√2 = 1 and the band is mean ± 1.96.
    @Test func bandIsMeanPlusMinusOnePointNineSixStandardErrors() {
        let curve = FixedBudgetCurve(bestSoFar: [[1, 2], [3, 4]], maximumFitness: 10)
        #expect(curve.meanBest == [2, 3])
        #expect(curve.standardError.allSatisfy { abs($0 - 1) < 1e-12 })
        #expect(zip(curve.lower, [0.04, 1.04]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(curve.upper, [3.96, 4.96]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(curve.meanRegret == [8, 7])
    }
}
