/// The pair counts of a bivariate sample: everything tau-b and its p-values depend on.
///
/// Points may carry integer weights (multiplicities), so that a bootstrap resample is counted
/// without materialising its duplicates.
struct KendallCounts: Sendable {
    /// Total weight, i.e. the sample size.
    var n = 0
    var xTies = 0
    var yTies = 0
    var jointTies = 0
    var discordant = 0
    /// Σ t(t−1)(t−2) and Σ t(t−1)(2t+5) over the tie groups of x (resp. y): the tie corrections of
    /// the asymptotic variance. Doubles, as in scipy (exact below 2^53).
    var xTieCubic = 0.0
    var xTieVariance = 0.0
    var yTieCubic = 0.0
    var yTieVariance = 0.0

    var totalPairs: Int { n * (n - 1) / 2 }

    /// Concordant minus discordant pairs, from tot = con + dis + xTies + yTies − jointTies.
    var concordantMinusDiscordant: Int { totalPairs - xTies - yTies + jointTies - 2 * discordant }

    /// tau-b is undefined when every pair is tied in x or every pair is tied in y (this covers n < 2).
    var isDefined: Bool { xTies != totalPairs && yTies != totalPairs }

    /// tau-b, NaN when undefined; the arithmetic mirrors scipy's so results agree to the last bits.
    var tauB: Double {
        guard isDefined else { return .nan }
        let tau = Double(concordantMinusDiscordant) / Double(totalPairs - xTies).squareRoot()
            / Double(totalPairs - yTies).squareRoot()
        return min(1, max(-1, tau))
    }

    /// The contributions of one tie group of `size` points to the tie statistics.
    fileprivate static func tieTerms(_ size: Int) -> (pairs: Int, cubic: Double, variance: Double) {
        let t = Double(size)
        return (size * (size - 1) / 2, t * (t - 1) * (t - 2), t * (t - 1) * (2 * t + 5))
    }
}

/// Knight's O(n log n) algorithm with reusable buffers: a bootstrap calls it once per replicate.
struct KendallCounter {
    private var keys: [Int] = []
    private var weights: [Int] = []
    private var scratchKeys: [Int] = []
    private var scratchWeights: [Int] = []
    private var yTotals: [Int] = []

    /// Counts pairs of points listed in ascending (x rank, y rank) order, with dense y ranks in
    /// 0..<yDistinct and multiplicities `weight` (each ≥ 1).
    mutating func count(xRank: [Int], yRank: [Int], weight: [Int], yDistinct: Int) -> KendallCounts {
        var counts = KendallCounts()
        var start = 0
        var jointStart = 0
        var jointWeight = 0
        var groupWeight = 0
        for index in xRank.indices {
            if index > 0, xRank[index] != xRank[start] {
                addXGroup(groupWeight, to: &counts)
                start = index
                groupWeight = 0
            }
            if index > 0, xRank[index] != xRank[jointStart] || yRank[index] != yRank[jointStart] {
                counts.jointTies += jointWeight * (jointWeight - 1) / 2
                jointStart = index
                jointWeight = 0
            }
            groupWeight += weight[index]
            jointWeight += weight[index]
            counts.n += weight[index]
        }
        addXGroup(groupWeight, to: &counts)
        counts.jointTies += jointWeight * (jointWeight - 1) / 2

        yTotals.removeAll(keepingCapacity: true)
        yTotals.append(contentsOf: repeatElement(0, count: yDistinct))
        for index in yRank.indices { yTotals[yRank[index]] += weight[index] }
        for total in yTotals where total > 1 {
            let terms = KendallCounts.tieTerms(total)
            counts.yTies += terms.pairs
            counts.yTieCubic += terms.cubic
            counts.yTieVariance += terms.variance
        }

        keys.removeAll(keepingCapacity: true)
        keys.append(contentsOf: yRank)
        weights.removeAll(keepingCapacity: true)
        weights.append(contentsOf: weight)
        counts.discordant = sortCountingDiscordant()
        return counts
    }

    private func addXGroup(_ size: Int, to counts: inout KendallCounts) {
        guard size > 1 else { return }
        let terms = KendallCounts.tieTerms(size)
        counts.xTies += terms.pairs
        counts.xTieCubic += terms.cubic
        counts.xTieVariance += terms.variance
    }

    /// Bottom-up merge sort of `keys` (y ranks in x order), returning the weighted number of
    /// strict inversions. Points tied in x sit in ascending y, so they never count; equal keys
    /// take the left element first, so ties in y never count either.
    private mutating func sortCountingDiscordant() -> Int {
        let n = keys.count
        scratchKeys.removeAll(keepingCapacity: true)
        scratchKeys.append(contentsOf: keys)
        scratchWeights.removeAll(keepingCapacity: true)
        scratchWeights.append(contentsOf: weights)
        var discordant = 0
        keys.withUnsafeMutableBufferPointer { keyBuffer in
            weights.withUnsafeMutableBufferPointer { weightBuffer in
                scratchKeys.withUnsafeMutableBufferPointer { scratchKeyBuffer in
                    scratchWeights.withUnsafeMutableBufferPointer { scratchWeightBuffer in
                        var source = (keyBuffer, weightBuffer)
                        var target = (scratchKeyBuffer, scratchWeightBuffer)
                        var width = 1
                        while width < n {
                            var low = 0
                            while low < n {
                                let middle = min(low + width, n)
                                let high = min(low + 2 * width, n)
                                var leftWeight = 0
                                for index in low..<middle { leftWeight += source.1[index] }
                                var left = low
                                var right = middle
                                var out = low
                                while left < middle, right < high {
                                    if source.0[right] < source.0[left] {
                                        discordant += source.1[right] * leftWeight
                                        target.0[out] = source.0[right]
                                        target.1[out] = source.1[right]
                                        right += 1
                                    } else {
                                        leftWeight -= source.1[left]
                                        target.0[out] = source.0[left]
                                        target.1[out] = source.1[left]
                                        left += 1
                                    }
                                    out += 1
                                }
                                while left < middle {
                                    target.0[out] = source.0[left]
                                    target.1[out] = source.1[left]
                                    left += 1
                                    out += 1
                                }
                                while right < high {
                                    target.0[out] = source.0[right]
                                    target.1[out] = source.1[right]
                                    right += 1
                                    out += 1
                                }
                                low = high
                            }
                            swap(&source, &target)
                            width *= 2
                        }
                    }
                }
            }
        }
        return discordant
    }
}

/// A sample prepared for Knight's algorithm: points in ascending (x, y) order with dense ranks.
struct KendallSample: Sendable {
    let xRank: [Int]
    let yRank: [Int]
    let yDistinct: Int

    /// Expects equal lengths and no NaN.
    init(_ x: [Double], _ y: [Double]) {
        let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && y[$0] < y[$1]) }
        let yDense = Ranking.denseRanks(y)
        var xRank = [Int]()
        xRank.reserveCapacity(order.count)
        for (position, index) in order.enumerated() {
            let isNew = position == 0 || x[index] != x[order[position - 1]]
            xRank.append((xRank.last ?? -1) + (isNew ? 1 : 0))
        }
        self.xRank = xRank
        yRank = order.map { yDense.ranks[$0] }
        yDistinct = yDense.distinct
    }

    var count: Int { xRank.count }
}
