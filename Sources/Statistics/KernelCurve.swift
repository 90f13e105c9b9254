/// A Nadaraya–Watson (Gaussian kernel) curve of y against x with a bootstrap band over the points,
/// the x of its peak with a bootstrap interval, and whether a monotone curve fits inside the band
/// (science.md, "The optimal reach").
///
/// The points are binned to `bins` equal bins of the x range (sums of y and counts per bin, the kernel at
/// the bin centre), so that a bootstrap replicate costs O(n + grid·bins) whatever n is.
public struct KernelCurve: Sendable, Equatable, Codable {
    public var grid: [Double]
    public var estimate: [Double]
    public var lower: [Double]
    public var upper: [Double]
    /// The grid point where the estimate is best (highest, or lowest with `maximise: false`).
    public var peak: Double
    public var peakLower: Double
    public var peakUpper: Double
    /// Some monotone function (non-decreasing or non-increasing) lies inside the pointwise band.
    public var monotone: Bool

    public static let gridPoints = 41
    public static let bins = 200

    /// Nil for fewer than 3 points, a single x, or constant y (no peak to speak of).
    public init?(x: [Double], y: [Double], bandwidth: Double, replicates: Int, confidence: Double, maximise: Bool,
                 generator: SeededGenerator) {
        precondition(x.count == y.count && bandwidth > 0)
        guard x.count >= 3, let low = x.min(), let high = x.max(), low < high,
              let yLow = y.min(), let yHigh = y.max(), yLow < yHigh else { return nil }
        let sign = maximise ? 1.0 : -1.0
        let bins = KernelCurve.bins, points = KernelCurve.gridPoints
        let width = (high - low) / Double(bins)
        let bin = x.map { min(bins - 1, Int(($0 - low) / width)) }
        let grid = (0..<points).map { low + (high - low) * Double($0) / Double(points - 1) }
        self.grid = grid
        let centres = (0..<bins).map { low + (Double($0) + 0.5) * width }
        let kernel = grid.map { g in centres.map { c in _expNegHalfSquare((g - c) / bandwidth) } }
        // Beyond 5 bandwidths a weight is below 4e-6 of the centre's: only the bins within reach count,
        // unless the window holds no point (then every bin does, so the estimate is always defined).
        let windows = grid.map { g in
            (max(0, Int(((g - 5 * bandwidth) - low) / width)), min(bins, Int(((g + 5 * bandwidth) - low) / width) + 1))
        }
        func curve(_ counts: [Int]) -> [Double] {
            var sums = [Double](repeating: 0, count: bins), weights = [Double](repeating: 0, count: bins)
            for i in counts.indices where counts[i] > 0 {
                sums[bin[i]] += Double(counts[i]) * y[i]
                weights[bin[i]] += Double(counts[i])
            }
            return zip(kernel, windows).map { row, window in
                var numerator = 0.0, denominator = 0.0
                for b in window.0..<window.1 where weights[b] > 0 {
                    numerator += row[b] * sums[b]
                    denominator += row[b] * weights[b]
                }
                if denominator == 0 {
                    for b in 0..<bins where weights[b] > 0 {
                        numerator += row[b] * sums[b]
                        denominator += row[b] * weights[b]
                    }
                }
                return numerator / denominator
            }
        }
        func best(_ values: [Double]) -> Double {
            var index = 0
            for i in values.indices where sign * values[i] > sign * values[index] { index = i }
            return grid[index]
        }
        let estimate = curve([Int](repeating: 1, count: x.count))
        let peak = best(estimate)
        self.estimate = estimate
        self.peak = peak
        var generator = generator
        var curves: [[Double]] = [], peaks: [Double] = []
        for _ in 0..<replicates {
            var counts = [Int](repeating: 0, count: x.count)
            for _ in x.indices { counts[generator.nextInt(below: x.count)] += 1 }
            let replicate = curve(counts)
            curves.append(replicate)
            peaks.append(best(replicate))
        }
        let tail = (1 - confidence) / 2
        if curves.isEmpty {
            lower = estimate
            upper = estimate
            peakLower = peak
            peakUpper = peak
        } else {
            lower = grid.indices.map { g in Descriptive.quantile(curves.map { $0[g] }, tail) }
            upper = grid.indices.map { g in Descriptive.quantile(curves.map { $0[g] }, 1 - tail) }
            peakLower = Descriptive.quantile(peaks, tail)
            peakUpper = Descriptive.quantile(peaks, 1 - tail)
        }
        monotone = KernelCurve.monotoneFits(lower: lower, upper: upper)
    }

    /// A non-decreasing g with lower ≤ g ≤ upper exists iff max_{i ≤ j} lower_i ≤ upper_j for every j
    /// (and symmetrically for non-increasing).
    public static func monotoneFits(lower: [Double], upper: [Double]) -> Bool {
        func increasingFits(_ lower: [Double], _ upper: [Double]) -> Bool {
            var running = -Double.infinity
            for j in lower.indices {
                running = max(running, lower[j])
                if running > upper[j] { return false }
            }
            return true
        }
        return increasingFits(lower, upper) || increasingFits(lower.reversed(), upper.reversed())
    }
}

@inline(__always) private func _expNegHalfSquare(_ z: Double) -> Double {
    _exp(-0.5 * z * z)
}
