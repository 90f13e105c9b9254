import Testing
@testable import Statistics

struct KernelCurveTests {
    static func points(_ f: (Double) -> Double, count: Int = 400, noise: Double = 0.3, seed: UInt64 = 5) -> ([Double], [Double]) {
        var generator = SeededGenerator(seed: seed)
        let x = (0..<count).map { _ in 6 * generator.nextUniform() }
        return (x, x.map { f($0) + noise * generator.nextGaussian() })
    }

    @Test func recoversAPlantedPeak() {
        let (x, y) = Self.points { -($0 - 2.5) * ($0 - 2.5) }
        let curve = KernelCurve(x: x, y: y, bandwidth: 0.3, replicates: 100, confidence: 0.95, maximise: true,
                                generator: SeededGenerator(seed: 1))!
        #expect(abs(curve.peak - 2.5) < 0.2)
        #expect(curve.peakLower <= 2.5 && 2.5 <= curve.peakUpper)
        #expect(curve.peakUpper - curve.peakLower < 1)
        #expect(!curve.monotone)
        #expect(zip(curve.lower, curve.upper).allSatisfy { $0 <= $1 })
    }

    @Test func aMinimumIsFoundWhenLowerIsBetter() {
        let (x, y) = Self.points { ($0 - 4) * ($0 - 4) }
        let curve = KernelCurve(x: x, y: y, bandwidth: 0.3, replicates: 50, confidence: 0.95, maximise: false,
                                generator: SeededGenerator(seed: 2))!
        #expect(abs(curve.peak - 4) < 0.2)
    }

    @Test func flagsAMonotoneCurveAsMonotone() {
        let (x, y) = Self.points { -0.5 * $0 }
        let curve = KernelCurve(x: x, y: y, bandwidth: 0.3, replicates: 100, confidence: 0.95, maximise: true,
                                generator: SeededGenerator(seed: 3))!
        #expect(curve.monotone)
        #expect(curve.peak < 0.5)
    }

    @Test func monotoneFitsIsTheBandCriterion() {
        #expect(KernelCurve.monotoneFits(lower: [0, 1, 2], upper: [0.5, 1.5, 2.5]))
        #expect(KernelCurve.monotoneFits(lower: [2, 1, 0], upper: [2.5, 1.5, 0.5]))
        #expect(!KernelCurve.monotoneFits(lower: [0, 2, 0], upper: [0.5, 2.5, 0.5]))
        // A dip inside the band is still monotone.
        #expect(KernelCurve.monotoneFits(lower: [0, 0.8, 0.9], upper: [1, 1, 2]))
    }

    @Test func constantValuesHaveNoCurve() {
        #expect(KernelCurve(x: [0, 1, 2, 3], y: [1, 1, 1, 1], bandwidth: 0.3, replicates: 10, confidence: 0.9, maximise: true,
                            generator: SeededGenerator(seed: 0)) == nil)
    }
}
