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

/// The pair counts in O(n log n) with reusable buffers: a bootstrap calls it once per replicate.
struct KendallCounter {
    /// Fenwick tree over the y ranks: the weight inserted so far at ranks ≤ r.
    private var tree: [Int] = []
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
        counts.discordant = countDiscordant(xRank: xRank, yRank: yRank, weight: weight, yDistinct: yDistinct)
        return counts
    }

    private func addXGroup(_ size: Int, to counts: inout KendallCounts) {
        guard size > 1 else { return }
        let terms = KendallCounts.tieTerms(size)
        counts.xTies += terms.pairs
        counts.xTieCubic += terms.cubic
        counts.xTieVariance += terms.variance
    }

    /// The weighted number of pairs with strictly smaller x and strictly larger y: in x order, each point
    /// meets the weight already inserted above its y rank, and a group of tied x is queried before it is
    /// inserted, so ties in x never count (nor, by the strict comparison, ties in y). Integer counts: the
    /// same as any other exact algorithm, at O(log n) per point with no data movement.
    private mutating func countDiscordant(xRank: [Int], yRank: [Int], weight: [Int], yDistinct: Int) -> Int {
        tree.removeAll(keepingCapacity: true)
        tree.append(contentsOf: repeatElement(0, count: yDistinct + 1))
        let n = xRank.count
        var discordant = 0, inserted = 0
        xRank.withUnsafeBufferPointer { xRank in
            yRank.withUnsafeBufferPointer { yRank in
                weight.withUnsafeBufferPointer { weight in
                    tree.withUnsafeMutableBufferPointer { tree in
                        var groupStart = 0
                        while groupStart < n {
                            var groupEnd = groupStart + 1
                            while groupEnd < n, xRank[groupEnd] == xRank[groupStart] { groupEnd += 1 }
                            for index in groupStart..<groupEnd {
                                var atOrBelow = 0, position = yRank[index] + 1
                                while position > 0 {
                                    atOrBelow += tree[position]
                                    position &= position - 1
                                }
                                discordant += weight[index] * (inserted - atOrBelow)
                            }
                            for index in groupStart..<groupEnd {
                                var position = yRank[index] + 1
                                while position <= yDistinct {
                                    tree[position] += weight[index]
                                    position += position & -position
                                }
                                inserted += weight[index]
                            }
                            groupStart = groupEnd
                        }
                    }
                }
            }
        }
        return discordant
    }
}

/// A sample prepared for `KendallCounter`: points in ascending (x, y) order with dense ranks.
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
