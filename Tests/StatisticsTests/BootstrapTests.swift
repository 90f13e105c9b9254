import Testing
import Statistics

@Suite struct BootstrapTests {
    static func correlatedSample(n: Int, seed: UInt64) -> (x: [Double], y: [Double]) {
        var random = SeededGenerator(seed: seed)
        let x = (0..<n).map { _ in Double(random.nextInt(below: 20)) }
        let y = x.map { $0 + 3 * random.nextGaussian() }
        return (x, y)
    }

    @Test func sameSeedSameInterval() {
        let sample = Self.correlatedSample(n: 300, seed: 7)
        let first = Correlation.kendallTauBBootstrap(sample.x, sample.y, replicates: 200,
                                                     generator: SeededGenerator(seed: 11))
        let again = Correlation.kendallTauBBootstrap(sample.x, sample.y, replicates: 200,
                                                     generator: SeededGenerator(seed: 11))
        let other = Correlation.kendallTauBBootstrap(sample.x, sample.y, replicates: 200,
                                                     generator: SeededGenerator(seed: 12))
        #expect(first == again)
        #expect(first != other)
        #expect(first.validReplicates == 200 && first.confidence == 0.95)
    }

    @Test func intervalCoversTauOfAStronglyCorrelatedSample() {
        let sample = Self.correlatedSample(n: 400, seed: 3)
        let tau = Correlation.kendallTauB(sample.x, sample.y).tau
        let interval = Correlation.kendallTauBBootstrap(sample.x, sample.y, replicates: 300, confidence: 0.9,
                                                        generator: SeededGenerator(seed: 5))
        #expect(tau > 0.5)
        #expect(interval.lower < tau && tau < interval.upper)
        // A percentile interval of ±1.645 standard errors; the standard error of tau at n = 400 is a few 0.01.
        #expect(interval.upper - interval.lower < 0.2 && interval.upper - interval.lower > 0.01)
    }

    @Test func degenerateInputGivesNaN() {
        let interval = Correlation.kendallTauBBootstrap([1, 1, 1], [1, 2, 3], replicates: 10,
                                                        generator: SeededGenerator(seed: 1))
        #expect(interval.lower.isNaN && interval.upper.isNaN && interval.validReplicates == 0)
    }
}
