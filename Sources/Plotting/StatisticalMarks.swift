import Foundation

/// Bars of counts (or densities) of `values` over bins.
public struct HistogramMark: Sendable {
    public enum Bins: Sendable, Equatable {
        /// Sturges' rule over the finite values' range.
        case auto
        /// `count` equal-width bins over the finite values' range.
        case count(Int)
        /// Explicit increasing bin edges; bin `i` is `[edges[i], edges[i+1])`, the last one closed.
        case edges([Double])
    }

    public var values: [Double]
    public var bins: Bins
    /// Divide counts by (total × bin width) so the area is 1.
    public var density: Bool
    public var color: Color

    public init(values: [Double], bins: Bins = .auto, density: Bool = false, color: Color = Palette.blue.withAlpha(0.7)) {
        self.values = values
        self.bins = bins
        self.density = density
        self.color = color
    }

    /// The bin edges used for `values`.
    public var edges: [Double] {
        let finite = values.filter(\.isFinite)
        let n: Int
        switch bins {
        case .edges(let edges): return edges
        case .count(let count): n = max(1, count)
        case .auto: n = Int(Foundation.log2(Double(max(1, finite.count))).rounded(.up)) + 1
        }
        let (lo, hi) = Ticks.normalizedDomain(finite.min() ?? 0, finite.max() ?? 1)
        return (0...n).map { i in i == n ? hi : lo + (hi - lo) * Double(i) / Double(n) }
    }

    /// Height of each bin: counts, or densities when `density` is set. Values outside the edges are
    /// not counted.
    public var heights: [Double] {
        let edges = self.edges
        guard edges.count >= 2 else { return [] }
        var counts = [Double](repeating: 0, count: edges.count - 1)
        for value in values where value.isFinite && value >= edges[0] && value <= edges[edges.count - 1] {
            var lo = 0, hi = edges.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if value >= edges[mid] { lo = mid } else { hi = mid }
            }
            counts[lo] += 1
        }
        guard density else { return counts }
        let total = counts.reduce(0, +)
        return counts.indices.map { i in
            let width = edges[i + 1] - edges[i]
            return total > 0 && width > 0 ? counts[i] / (total * width) : 0
        }
    }
}

/// The five numbers a box plot shows.
public struct FiveNumberSummary: Sendable, Equatable {
    public var minimum: Double
    public var lowerQuartile: Double
    public var median: Double
    public var upperQuartile: Double
    public var maximum: Double

    /// The extremes of `sorted` (ascending, not empty) and its quartiles by the caller's quantile
    /// function, so a box shows the same quantiles as the tables.
    public init(sorted: [Double], quantile: (Double) -> Double) {
        minimum = sorted[0]
        lowerQuartile = quantile(0.25)
        median = quantile(0.5)
        upperQuartile = quantile(0.75)
        maximum = sorted[sorted.count - 1]
    }
}

/// One box at category position `at`, optionally over a strip of the raw points.
public struct BoxMark: Sendable {
    public var at: Double
    public var summary: FiveNumberSummary
    /// Raw values drawn as a strip next to the box (may be empty).
    public var strip: [Double]
    /// Horizontal offset of each strip point as a fraction of the box width, in −0.5…0.5; the caller
    /// draws it from a seeded generator so figures are reproducible. Missing entries mean 0.
    public var jitter: [Double]
    public var color: Color
    /// Box width as a fraction of the category slot.
    public var width: Double

    public init(at: Double, summary: FiveNumberSummary, strip: [Double] = [], jitter: [Double] = [], color: Color = Palette.blue, width: Double = 0.6) {
        self.at = at
        self.summary = summary
        self.strip = strip
        self.jitter = jitter
        self.color = color
        self.width = width
    }
}

/// One bar per category: `values[i]` at category `i`. Several series side by side form a grouped bar
/// chart: give each its `slot` among `slots`.
public struct BarMark: Sendable {
    public var values: [Double]
    public var color: Color
    public var slot: Int
    public var slots: Int
    /// Width of the whole group as a fraction of the category slot.
    public var groupWidth: Double

    public init(values: [Double], color: Color = Palette.blue, slot: Int = 0, slots: Int = 1, groupWidth: Double = 0.8) {
        self.values = values
        self.color = color
        self.slot = slot
        self.slots = max(1, slots)
        self.groupWidth = groupWidth
    }

    /// Width of one bar in category units.
    public var barWidth: Double { groupWidth / Double(slots) }

    /// Centre of the bar for `category`, e.g. to put error bars on it.
    public func center(category: Int) -> Double {
        Double(category) - groupWidth / 2 + barWidth * (Double(slot) + 0.5)
    }
}
