import Foundation

/// Which axis of a panel a computation is about.
enum AxisDirection {
    case x, y
}

extension Mark {
    /// The data values this mark needs visible along `direction`.
    func values(along direction: AxisDirection) -> [Double] {
        switch (self, direction) {
        case (.scatter(let m), .x): return m.x
        case (.scatter(let m), .y): return m.y
        case (.line(let m), .x): return m.x
        case (.line(let m), .y): return m.y
        case (.band(let m), .x): return m.x
        case (.band(let m), .y): return m.lower + m.upper
        case (.histogram(let m), .x): return m.edges
        case (.histogram(let m), .y): return m.heights
        case (.box(let m), .x): return [m.at - 0.5, m.at + 0.5]
        case (.box(let m), .y): return [m.summary.minimum, m.summary.maximum] + m.strip
        case (.bar(let m), .x): return m.values.isEmpty ? [] : [-0.5, Double(m.values.count) - 0.5]
        case (.bar(let m), .y): return m.values
        case (.errorBars(let m), .x): return m.orientation == .vertical ? m.at : m.low + m.high
        case (.errorBars(let m), .y): return m.orientation == .vertical ? m.low + m.high : m.at
        case (.rule(let m), .x): return m.orientation == .vertical ? [m.value] : []
        case (.rule(let m), .y): return m.orientation == .horizontal ? [m.value] : []
        case (.annotation, _): return []
        }
    }

    /// Bars and histograms grow from zero, so zero must stay visible and unpadded.
    func anchorsAtZero(along direction: AxisDirection) -> Bool {
        switch self {
        case .bar, .histogram: return direction == .y
        default: return false
        }
    }
}

/// The domain an axis shows for `marks`.
func domain(of axis: Axis, marks: [Mark], along direction: AxisDirection) -> (lower: Double, upper: Double) {
    if case .categorical(let labels) = axis.scale { return (-0.5, Double(max(1, labels.count)) - 0.5) }
    let isLog = axis.scale == .log
    if case .fixed(let a, let b) = axis.range {
        let (lo, hi) = Ticks.normalizedDomain(a, b)
        return isLog && lo <= 0 ? (hi > 0 ? hi / 1e3 : 1, hi > 0 ? hi : 10) : (lo, hi)
    }
    let shown = marks.flatMap { $0.values(along: direction) }.filter { $0.isFinite && (!isLog || $0 > 0) }
    let anchored = !isLog && marks.contains { $0.anchorsAtZero(along: direction) }
    guard var lo = shown.min(), var hi = shown.max() else { return isLog ? (1, 10) : (0, 1) }
    if anchored { lo = min(lo, 0); hi = max(hi, 0) }
    if isLog {
        let (a, b) = Ticks.normalizedDomain(log10(lo), log10(hi))
        let pad = (b - a) * 0.05
        return (pow(10, a - pad), pow(10, b + pad))
    }
    let (a, b) = Ticks.normalizedDomain(lo, hi)
    let pad = (b - a) * 0.05
    return (anchored && a == 0 ? 0 : a - pad, anchored && b == 0 ? 0 : b + pad)
}
