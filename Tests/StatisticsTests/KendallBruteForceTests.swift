import Testing
@testable import Statistics

@Suite struct KendallBruteForceTests {
    /// tau-b straight from its definition, over all pairs.
    static func bruteForceTauB(_ x: [Double], _ y: [Double]) -> Double {
        var concordant = 0, discordant = 0, tiedXOnly = 0, tiedYOnly = 0
        for i in x.indices {
            for j in (i + 1)..<x.count {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 && dy == 0 { continue }
                if dx == 0 { tiedXOnly += 1 } else if dy == 0 { tiedYOnly += 1 }
                else if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
            }
        }
        let common = Double(concordant + discordant)
        return Double(concordant - discordant)
            / ((common + Double(tiedXOnly)) * (common + Double(tiedYOnly))).squareRoot()
    }

    @Test(arguments: [(3, 0), (17, 1), (200, 2), (513, 3), (64, 4)])
    func fastAgreesWithBruteForce(levels: Int, seed: UInt64) {
        // levels == 0 draws continuous values (no ties); otherwise few integer levels (many ties).
        var random = SeededGenerator(seed: seed, stream: 42)
        for n in [2, 3, 5, 31, 150] {
            let x = (0..<n).map { _ in levels == 0 ? random.nextGaussian() : Double(random.nextInt(below: levels)) }
            let y = x.map { value in value + (levels == 0 ? random.nextGaussian() : Double(random.nextInt(below: 3))) }
            let fast = Correlation.kendallTauB(x, y).tau
            let slow = Self.bruteForceTauB(x, y)
            #expect(fast.isNaN == slow.isNaN)
            if !slow.isNaN { #expect(abs(fast - slow) < 1e-12, "n=\(n): \(fast) vs \(slow)") }
        }
    }

    @Test func weightedCountsEqualExpandedSample() {
        // A bootstrap resample is counted through multiplicities; it must equal the expanded sample.
        let x: [Double] = [0, 0, 1, 2, 2, 3, 5]
        let y: [Double] = [1, 4, 1, 0, 3, 3, 2]
        let weight = [3, 1, 2, 1, 4, 1, 2]
        let sample = KendallSample(x, y)
        var counter = KendallCounter()
        let weighted = counter.count(xRank: sample.xRank, yRank: sample.yRank, weight: weight,
                                     yDistinct: sample.yDistinct)
        // KendallSample keeps x, y already sorted by (x, y) here, so weights line up with the input.
        let expandedX = zip(x, weight).flatMap { Array(repeating: $0, count: $1) }
        let expandedY = zip(y, weight).flatMap { Array(repeating: $0, count: $1) }
        let expanded = Correlation.kendallTauB(expandedX, expandedY)
        #expect(weighted.tauB == expanded.tau)
        #expect(weighted.result == expanded)
        #expect(abs(weighted.tauB - Self.bruteForceTauB(expandedX, expandedY)) < 1e-12)
    }
}
