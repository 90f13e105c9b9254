import Analysis
import Foundation
import Plotting
import Search
import Support

/// The point data of a reach scatter figure, written beside its PNG as `<path>.data.js` for the site's
/// script (`site/site.js`): a tooltip per point and family toggles over the static image.
///
/// It is a script that stores JSON in a global registry, not a JSON file, because browsers refuse
/// `fetch()` of a local file: the report must work opened from disk. Every position is in the PNG's
/// pixels, so the script maps a mouse position through the image's natural size alone.
struct ScatterDataFile: Encodable, Sendable {
    struct Family: Encodable, Sendable {
        var name: String
        /// `#rrggbb`, the family's colour in the figure.
        var color: String
    }

    /// One operator plotted somewhere in the figure.
    struct Operator: Encodable, Sendable {
        var id: String
        var family: String
        /// The operator's parameters in words, e.g. `p = 0.25`.
        var parameters: String
    }

    struct AxisMapping: Encodable, Sendable {
        var label: String
        var lower: Double
        var upper: Double
        /// Positions are linear in log10 of the value.
        var log: Bool
    }

    struct Panel: Encodable, Sendable {
        var title: String
        /// The plot rectangle `[x, y, width, height]` in PNG pixels, y downwards.
        var plot: [Double]
        var x: AxisMapping
        var y: AxisMapping
        /// `[operator index, x value, y value]` per point, in drawing order.
        var points: [[Double]]
    }

    /// The catalog path the page names the figure by.
    var figure: String
    var title: String
    /// PNG size in pixels.
    var width: Double
    var height: Double
    var families: [Family]
    var operators: [Operator]
    var panels: [Panel]

    /// The file for `entry`'s screen figure, or nil when the figure is no operator scatter or plots nothing.
    static func make(_ builder: FigureBuilder, figure: Figure) -> ScatterDataFile? {
        guard let scatter = builder.operatorScatter(), scatter.panels.contains(where: { !$0.isEmpty }) else { return nil }
        let figureLayout = layout(figure)
        let operatorsByID = Dictionary(builder.data.results.operators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var operators: [Operator] = []
        var indexByID: [String: Int] = [:]
        let panels = zip(figure.panels, figureLayout.panels).enumerated().map { index, pair -> Panel in
            let (panel, placed) = pair
            let records = index < scatter.panels.count ? scatter.panels[index] : []
            var points: [[Double]] = []
            for record in records {
                if indexByID[record.operatorID] == nil {
                    indexByID[record.operatorID] = operators.count
                    operators.append(Operator(id: record.operatorID, family: record.family.rawValue,
                                              parameters: operatorsByID[record.operatorID].map { parametersText($0.params) } ?? ""))
                }
                points.append([Double(indexByID[record.operatorID]!), rounded(record.reach), rounded(scatter.y(record))])
            }
            let plot = placed.plot
            return Panel(title: panel.title, plot: [plot.minX, plot.minY, plot.width, plot.height].map { rounded($0 * pngScale, digits: 6) },
                         x: mapping(panel.x, placed.x, fallback: FigureStyle.reachLabel),
                         y: mapping(panel.y, placed.y, fallback: figure.panels.first?.y.label ?? ""), points: points)
        }
        let families = FigureStyle.families(of: builder.data.results.operators).map {
            Family(name: $0.rawValue, color: hex(FigureStyle.familyColor($0)))
        }
        return ScatterDataFile(figure: builder.entry.path, title: builder.entry.title, width: (figure.width * pngScale).rounded(),
                               height: (figure.height * pngScale).rounded(), families: families, operators: operators, panels: panels)
    }

    /// The script: one statement adding this figure to `window.nasreachFigureData` under its path.
    func script() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(self)
        return Array("(window.nasreachFigureData = window.nasreachFigureData || {})[\"\(figure)\"] = ".utf8) + json + Array(";\n".utf8)
    }

    /// Axis labels of inner panels are left out of the figure; the tooltip still names the value.
    private static func mapping(_ axis: Axis, _ placed: AxisLayout, fallback: String) -> AxisMapping {
        AxisMapping(label: axis.label.isEmpty ? fallback : axis.label, lower: rounded(placed.lower, digits: 8),
                    upper: rounded(placed.upper, digits: 8), log: placed.scale == .log)
    }

    /// `value` to `digits` significant digits: the tooltip shows four, and the file stays small.
    static func rounded(_ value: Double, digits: Int = 5) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let exponent = digits - 1 - Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        // Dividing by an exact power of ten gives the double nearest the decimal, which prints short.
        return exponent >= 0
            ? (value * Foundation.pow(10, Double(exponent))).rounded() / Foundation.pow(10, Double(exponent))
            : (value / Foundation.pow(10, Double(-exponent))).rounded() * Foundation.pow(10, Double(-exponent))
    }

    private static func hex(_ color: Color) -> String {
        let channels = [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
        return "#" + channels.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// An operator's parameters as the tooltip shows them; an operation kernel is too big to list.
    static func parametersText(_ parameters: OperatorParameters) -> String {
        var parts: [String] = []
        if let k = parameters.k { parts.append("k = \(k)") }
        if let p = parameters.p { parts.append("p = \(NumberFormat.number(p))") }
        if let pi = parameters.pi { parts.append("π = (" + pi.map { NumberFormat.number($0) }.joined(separator: ", ") + ")") }
        if parameters.m != nil { parts.append("5×5 operation kernel M") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}

private extension String {
    func leftPadded(to count: Int) -> String { String(repeating: "0", count: max(0, count - self.count)) + self }
}
