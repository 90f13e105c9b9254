/// Descriptive statistics with numpy / scipy.stats conventions. Empty input gives NaN.
public enum Descriptive {
    public static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The median of numpy: the mean of the two middle values for an even count.
    public static func median(_ values: [Double]) -> Double {
        medianOfSorted(values.sorted())
    }

    /// The `p`-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics (Hyndman & Fan
    /// type 7, numpy's default 'linear').
    public static func quantile(_ values: [Double], _ p: Double) -> Double {
        quantileOfSorted(values.sorted(), p)
    }

    /// Sample skewness m3 / m2^1.5 with biased central moments, as scipy.stats.skew(bias=True);
    /// NaN when the variance vanishes relative to the mean.
    public static func skewness(_ values: [Double]) -> Double {
        let center = mean(values)
        let count = Double(values.count)
        let m2 = values.reduce(0) { $0 + ($1 - center) * ($1 - center) } / count
        let m3 = values.reduce(0) { $0 + ($1 - center) * ($1 - center) * ($1 - center) } / count
        let eps = Double.ulpOfOne
        guard m2 > (eps * center) * (eps * center) else { return .nan }
        return m3 / _pow(m2, 1.5)
    }

    /// The standard deviation with n − 1 in the denominator; NaN for fewer than two values.
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return .nan }
        let center = mean(values)
        let sum = values.reduce(0) { $0 + ($1 - center) * ($1 - center) }
        return (sum / Double(values.count - 1)).squareRoot()
    }

    /// The fraction of values strictly above the mean.
    public static func shareAboveMean(_ values: [Double]) -> Double {
        let center = mean(values)
        return Double(values.count { $0 > center }) / Double(values.count)
    }

    /// The median (mean of the two middle values for an even count) by selection, in linear time;
    /// reorders `values`.
    public static func median(selecting values: inout [Double]) -> Double {
        precondition(!values.isEmpty)
        let n = values.count
        let upper = select(&values, n / 2)
        guard n % 2 == 0 else { return upper }
        // After selection everything left of n/2 is ≤ the upper middle: the lower middle is their maximum.
        var lower = values[0]
        for i in 1..<n / 2 where values[i] > lower { lower = values[i] }
        return (lower + upper) / 2
    }

    /// Floyd–Rivest selection: the k-th smallest, leaving smaller values before k and larger after. On a large
    /// range it first selects within a small sample around k's expected place, so the final partition pivots
    /// on a value close to the k-th and about 1.5 n comparisons suffice (Hoare's median-of-three takes about 3.4).
    private static func select(_ array: inout [Double], _ k: Int) -> Double {
        array.withUnsafeMutableBufferPointer { values in
            select(values, k, left: 0, right: values.count - 1)
            return values[k]
        }
    }

    private static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int, left: Int, right: Int) {
        var left = left, right = right
        while right > left {
            if right - left > 600 {
                let n = Double(right - left + 1), i = Double(k - left + 1), z = _log(n)
                let sample = 0.5 * _exp(2 * z / 3)
                let spread = 0.5 * (z * sample * (n - sample) / n).squareRoot() * (i < n / 2 ? -1 : 1)
                let low = max(left, Int(Double(k) - i * sample / n + spread))
                let high = min(right, Int(Double(k) + (n - i) * sample / n + spread))
                select(values, k, left: low, right: high)
            }
            let pivot = values[k]
            var i = left, j = right
            values.swapAt(left, k)
            if values[right] > pivot { values.swapAt(right, left) }
            while i < j {
                values.swapAt(i, j)
                i += 1
                j -= 1
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
            }
            if values[left] == pivot {
                values.swapAt(left, j)
            } else {
                j += 1
                values.swapAt(j, right)
            }
            if j <= k { left = j + 1 }
            if k <= j { right = j - 1 }
        }
    }

    static func medianOfSorted(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// numpy's lerp: interpolate from the nearer end so the result stays within the bracket.
    static func quantileOfSorted(_ sorted: [Double], _ p: Double) -> Double {
        precondition((0...1).contains(p), "quantile level must lie in [0, 1]")
        guard !sorted.isEmpty else { return .nan }
        let position = Double(sorted.count - 1) * p
        let below = min(Int(position.rounded(.down)), sorted.count - 1)
        let above = min(below + 1, sorted.count - 1)
        let gamma = position - Double(below)
        let low = sorted[below]
        let high = sorted[above]
        let difference = high - low
        return gamma >= 0.5 ? high - difference * (1 - gamma) : low + difference * gamma
    }
}

/// The distribution of one metric at a glance.
public struct Summary: Sendable, Equatable, Codable {
    public let count: Int
    public let min: Double
    public let mean: Double
    public let median: Double
    public let max: Double
    /// With n − 1 in the denominator.
    public let standardDeviation: Double
    /// Biased sample skewness (scipy.stats.skew's default).
    public let skewness: Double
    /// The 10% and 90% quantiles (linear interpolation, numpy's default).
    public let q10: Double
    public let q90: Double
    /// The fraction of values strictly above the mean.
    public let shareAboveMean: Double

    /// Summarises `values`; every statistic is NaN when `values` is empty.
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = values.count
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
        mean = Descriptive.mean(values)
        median = Descriptive.medianOfSorted(sorted)
        standardDeviation = Descriptive.standardDeviation(values)
        skewness = Descriptive.skewness(values)
        q10 = Descriptive.quantileOfSorted(sorted, 0.1)
        q90 = Descriptive.quantileOfSorted(sorted, 0.9)
        shareAboveMean = Descriptive.shareAboveMean(values)
    }
}
