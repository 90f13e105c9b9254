/// Rank transforms used by the rank correlations.
public enum Ranking {
    /// Ranks 1…n with ties given their average rank (scipy.stats.rankdata's default 'average').
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            // Positions start..<end share the mean of the ranks start+1 … end.
            let average = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = average }
            start = end
        }
        return ranks
    }

    /// Dense ranks 0, 1, 2, … (equal values share a rank, no gaps) and the number of distinct values.
    static func denseRanks(_ values: [Double]) -> (ranks: [Int], distinct: Int) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        var rank = -1
        for (position, index) in order.enumerated() {
            if position == 0 || values[index] != values[order[position - 1]] { rank += 1 }
            ranks[index] = rank
        }
        return (ranks, rank + 1)
    }
}
