/// A percentile bootstrap confidence interval.
public struct BootstrapInterval: Sendable, Equatable, Codable {
    /// NaN when no replicate had a defined statistic.
    public let lower: Double
    public let upper: Double
    public let confidence: Double
    /// Replicates whose statistic was defined: a resample whose x or y is constant has no tau-b and
    /// is left out.
    public let validReplicates: Int
}

extension Correlation {
    /// Percentile bootstrap interval for Kendall's tau-b, resampling (x, y) pairs with replacement.
    ///
    /// Replicate r draws from `generator.stream(r)`, so the interval depends only on the seed.
    /// A resample is held as multiplicities of the original points, already in Knight's (x, y)
    /// order: each replicate costs O(n log n) with no sorting and no allocation.
    public static func kendallTauBBootstrap(
        _ x: [Double], _ y: [Double], replicates: Int = 1000, confidence: Double = 0.95,
        generator: SeededGenerator
    ) -> BootstrapInterval {
        precondition(x.count == y.count, "Kendall's tau needs paired samples")
        precondition(replicates > 0 && confidence > 0 && confidence < 1)
        guard x.count >= 2, !containsNaN(x, y) else {
            return BootstrapInterval(lower: .nan, upper: .nan, confidence: confidence, validReplicates: 0)
        }
        let sample = KendallSample(x, y)
        let n = sample.count
        var counter = KendallCounter()
        var multiplicity = [Int](repeating: 0, count: n)
        var xRank = [Int](), yRank = [Int](), weight = [Int]()
        xRank.reserveCapacity(n)
        yRank.reserveCapacity(n)
        weight.reserveCapacity(n)
        var taus = [Double]()
        taus.reserveCapacity(replicates)
        for replicate in 0..<replicates {
            var random = generator.stream(UInt64(replicate))
            for index in 0..<n { multiplicity[index] = 0 }
            for _ in 0..<n { multiplicity[random.nextInt(below: n)] += 1 }
            xRank.removeAll(keepingCapacity: true)
            yRank.removeAll(keepingCapacity: true)
            weight.removeAll(keepingCapacity: true)
            for index in 0..<n where multiplicity[index] > 0 {
                xRank.append(sample.xRank[index])
                yRank.append(sample.yRank[index])
                weight.append(multiplicity[index])
            }
            let tau = counter.count(xRank: xRank, yRank: yRank, weight: weight, yDistinct: sample.yDistinct).tauB
            if !tau.isNaN { taus.append(tau) }
        }
        taus.sort()
        let alpha = 1 - confidence
        let lower = taus.isEmpty ? .nan : Descriptive.quantileOfSorted(taus, alpha / 2)
        let upper = taus.isEmpty ? .nan : Descriptive.quantileOfSorted(taus, 1 - alpha / 2)
        return BootstrapInterval(lower: lower, upper: upper, confidence: confidence, validReplicates: taus.count)
    }
}
