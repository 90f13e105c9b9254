import Foundation
import Plotting
import Support

/// The numbers of one figure as drawn, written beside its PNG, SVG and PDF as `<path>.json.gz`: every
/// panel's title, axes (label with units, scale, the range shown) and marks (points, lines, bands, bars,
/// boxes, reference lines, notes), read off the `Plotting.Figure` itself, so one encoder serves every
/// figure kind and a file cannot disagree with its picture.
///
/// Values are rounded to what the figure can show: to half a pixel of their axis in the PNG (a decimal
/// place on a linear axis, significant digits on a log one). A point the figure cannot draw (a gap in a
/// line) is `null`. The full-precision numbers are in `data/results.json.gz`.
///
/// Gzip-compressed like the other large downloads: a scatter's file lists a thousand operators per
/// panel, and the seventy files of a report would otherwise weigh as much as all its PNGs.
struct FigureDataFile: Encodable, Sendable {
    /// How the file's name ends, after the figure's path.
    static let fileExtension = "json.gz"

    struct LegendItem: Encodable, Sendable {
        var label: String
        var color: String
    }

    struct AxisData: Encodable, Sendable {
        enum Scale: String, Encodable, Sendable { case linear, log, categorical }

        var label: String
        var scale: Scale
        /// Category names, slot `i` at value `i` (categorical axes only).
        var categories: [String]?
        /// `[lower, upper]` shown.
        var range: [DrawnNumber]
    }

    /// One mark of a panel. Which fields are set depends on `kind`; positions along x are `x` (and a
    /// vertical rule's `value`), along y `y`, `lower`/`upper`, `heights`, `values`.
    struct Series: Encodable, Sendable {
        enum Kind: String, Encodable, Sendable {
            case scatter, line, step, band, histogram, box, bar
            case errorBars = "error-bars"
            case rule, annotation
        }

        var kind: Kind
        /// The legend entry the mark draws, when its colour names exactly one.
        var series: String?
        var color: String?
        var x: [DrawnNumber]?
        var y: [DrawnNumber]?
        var lower: [DrawnNumber]?
        var upper: [DrawnNumber]?
        /// Histogram bin edges and the bars' heights.
        var edges: [DrawnNumber]?
        var heights: [DrawnNumber]?
        /// Bars by category; a box's minimum, quartiles, median and maximum.
        var values: [DrawnNumber]?
        /// Error bars: positions `at` and intervals `low…high`, `orientation` saying which axis is which.
        var at: [DrawnNumber]?
        var low: [DrawnNumber]?
        var high: [DrawnNumber]?
        var orientation: String?
        var value: DrawnNumber?
        var text: String?

        init(kind: Kind, series: String?, color: Color?) {
            self.kind = kind
            self.series = series
            self.color = color.map(FigureStyle.hex)
        }
    }

    struct PanelData: Encodable, Sendable {
        var title: String
        var x: AxisData
        var y: AxisData
        var marks: [Series]
    }

    var figure: String
    var title: String
    var caption: String
    var legend: [LegendItem]
    var panels: [PanelData]

    init(entry: FigureEntry, figure: Figure) {
        self.figure = entry.path
        title = entry.title
        caption = entry.caption
        legend = figure.legend.map { LegendItem(label: $0.label, color: FigureStyle.hex($0.color)) }
        let names = Self.seriesNames(figure.legend)
        panels = zip(figure.panels, layout(figure).panels).map { panel, placed in
            let x = Precision(placed.x, pixels: placed.plot.width * figure.pngScale)
            let y = Precision(placed.y, pixels: placed.plot.height * figure.pngScale)
            return PanelData(title: panel.title, x: Self.axis(panel.x, placed.x, x), y: Self.axis(panel.y, placed.y, y),
                             marks: panel.marks.map { Self.series($0, x: x, y: y, names: names) })
        }
    }

    /// The file's bytes: compact JSON with sorted keys, so equal figures give equal bytes.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    /// Legend labels by opaque colour, for the colours that name one entry only.
    private static func seriesNames(_ legend: [LegendEntry]) -> [Color: String] {
        let byColor = Dictionary(grouping: legend, by: { $0.color.withAlpha(1) })
        return byColor.compactMapValues { $0.count == 1 ? $0[0].label : nil }
    }

    private static func axis(_ axis: Axis, _ placed: AxisLayout, _ precision: Precision) -> AxisData {
        let categories: [String]? = if case .categorical(let labels) = axis.scale { labels } else { nil }
        let scale: AxisData.Scale = switch axis.scale {
        case .linear: .linear
        case .log: .log
        case .categorical: .categorical
        }
        return AxisData(label: axis.label, scale: scale, categories: categories, range: precision.numbers([placed.lower, placed.upper]))
    }

    private static func series(_ mark: Mark, x: Precision, y: Precision, names: [Color: String]) -> Series {
        func make(_ kind: Series.Kind, _ color: Color?) -> Series {
            Series(kind: kind, series: color.flatMap { names[$0.withAlpha(1)] }, color: color)
        }
        switch mark {
        case .scatter(let m):
            var s = make(.scatter, m.colors == nil ? m.color : nil)
            (s.x, s.y) = (x.numbers(m.x), y.numbers(m.y))
            return s
        case .line(let m):
            var s = make(m.curve == .stepAfter ? .step : .line, m.color)
            (s.x, s.y) = (x.numbers(m.x), y.numbers(m.y))
            return s
        case .band(let m):
            var s = make(.band, m.color)
            (s.x, s.lower, s.upper) = (x.numbers(m.x), y.numbers(m.lower), y.numbers(m.upper))
            return s
        case .histogram(let m):
            var s = make(.histogram, m.color)
            (s.edges, s.heights) = (x.numbers(m.edges), y.numbers(m.heights))
            return s
        case .box(let m):
            var s = make(.box, m.color)
            let summary = m.summary
            s.at = x.numbers([m.at])
            s.values = y.numbers([summary.minimum, summary.lowerQuartile, summary.median, summary.upperQuartile, summary.maximum])
            s.y = m.strip.isEmpty ? nil : y.numbers(m.strip)
            return s
        case .bar(let m):
            var s = make(.bar, m.color)
            s.values = y.numbers(m.values)
            return s
        case .errorBars(let m):
            var s = make(.errorBars, m.color)
            let (along, across) = m.orientation == .vertical ? (x, y) : (y, x)
            (s.at, s.low, s.high) = (along.numbers(m.at), across.numbers(m.low), across.numbers(m.high))
            s.orientation = m.orientation == .vertical ? "vertical" : "horizontal"
            return s
        case .rule(let m):
            var s = make(.rule, nil)
            s.orientation = m.orientation == .horizontal ? "horizontal" : "vertical"
            s.value = (m.orientation == .horizontal ? y : x).number(m.value)
            s.text = m.label
            return s
        case .annotation(let m):
            var s = make(.annotation, nil)
            s.text = m.text
            return s
        }
    }
}

/// A number as a figure file writes it: rounded to what its axis can show, `null` when not finite.
struct DrawnNumber: Encodable, Sendable, Equatable {
    var value: Double

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
    }
}

/// How finely an axis' values are worth writing: half a pixel of the plot they are drawn in.
private struct Precision {
    /// Decimal places on a linear axis (negative: round to tens, hundreds, …).
    let decimals: Int?
    /// Significant digits on a log axis, or on an axis without a span.
    let digits: Int

    init(_ axis: AxisLayout, pixels: Double) {
        let halfPixel = 1 / (2 * max(1, pixels))
        switch axis.scale {
        case .log:
            // Half a pixel is a factor 10^(decades · halfPixel); d digits err by at most 0.5 · 10^(1 − d).
            let decades = abs(log10(axis.upper / axis.lower))
            let relative = decades.isFinite && decades > 0 ? log(10) * decades * halfPixel : 1e-4
            (decimals, digits) = (nil, min(6, max(2, Int((1 - log10(2 * relative)).rounded(.up)))))
        case .categorical:
            (decimals, digits) = (3, 4)
        case .linear:
            let span = abs(axis.upper - axis.lower)
            (decimals, digits) = span > 0 && span.isFinite ? (Int((-log10(span * halfPixel)).rounded(.up)), 4) : (nil, 4)
        }
    }

    func number(_ value: Double) -> DrawnNumber {
        guard value.isFinite, value != 0 else { return DrawnNumber(value: value) }
        guard let decimals else { return DrawnNumber(value: SignificantDigits.round(value, digits: digits)) }
        return DrawnNumber(value: SignificantDigits.round(value, decimals: decimals) + 0) // + 0 turns −0 into 0
    }

    func numbers(_ values: [Double]) -> [DrawnNumber] { values.map(number) }
}
