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
/// pixels, so the script maps a mouse position through the image's natural size alone. Points name
/// their operator by its index in `OperatorDataFile`, written once for the whole site.
struct ScatterDataFile: Encodable, Sendable {
    struct Family: Encodable, Sendable {
        var name: String
        /// `#rrggbb`, the family's colour in the figure.
        var color: String
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
        /// The setting and group the panel shows (`FigurePanelKey`), which table rows link to; nil for a
        /// panel without operator points.
        var key: String?
        /// The plot rectangle `[x, y, width, height]` in PNG pixels, y downwards.
        var plot: [Double]
        var x: AxisMapping
        var y: AxisMapping
        /// The y value of each operator, by its index in `OperatorDataFile`, null where the panel has no
        /// point for it; x is the operator's reach, which that file holds once for every figure.
        var values: [Double?]
    }

    /// The catalog path the page names the figure by.
    var figure: String
    var title: String
    /// PNG size in pixels.
    var width: Double
    var height: Double
    /// The families plotted, in legend order.
    var families: [Family]
    var panels: [Panel]

    /// Significant digits of the values: the tooltip shows four, and four place a point to a
    /// hundredth of a pixel on a 900-pixel axis.
    static let digits = 4

    /// The file for `entry`'s screen figure, or nil when the figure is no operator scatter or plots nothing.
    static func make(_ builder: FigureBuilder, figure: Figure) -> ScatterDataFile? {
        guard let scatter = builder.operatorScatter(), scatter.panels.contains(where: { !$0.isEmpty }) else { return nil }
        let figureLayout = layout(figure)
        let indexByID = OperatorDataFile.indexByID(builder.data.results.operators)
        var plotted: Set<OperatorFamily> = []
        let panels = zip(figure.panels, figureLayout.panels).enumerated().map { index, pair -> Panel in
            let (panel, placed) = pair
            let records = index < scatter.panels.count ? scatter.panels[index] : []
            var values = [Double?](repeating: nil, count: indexByID.count)
            for record in records {
                guard let operatorIndex = indexByID[record.operatorID] else { continue }
                plotted.insert(record.family)
                values[operatorIndex] = rounded(scatter.y(record))
            }
            let plot = placed.plot
            return Panel(title: panel.title, key: records.first.map { FigurePanelKey.of(setting: $0.setting, group: $0.group) },
                         plot: [plot.minX, plot.minY, plot.width, plot.height].map { rounded($0 * figure.pngScale, digits: 6) },
                         x: mapping(panel.x, placed.x, fallback: FigureStyle.reachLabel),
                         y: mapping(panel.y, placed.y, fallback: figure.panels.first?.y.label ?? ""), values: values)
        }
        let families = FigureStyle.families(of: builder.data.results.operators).filter(plotted.contains).map {
            Family(name: $0.rawValue, color: FigureStyle.hex(FigureStyle.familyColor($0)))
        }
        return ScatterDataFile(figure: builder.entry.path, title: builder.entry.title, width: (figure.width * figure.pngScale).rounded(),
                               height: (figure.height * figure.pngScale).rounded(), families: families, panels: panels)
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

    /// `value` to `digits` significant digits.
    static func rounded(_ value: Double, digits: Int = Self.digits) -> Double { SignificantDigits.round(value, digits: digits) }
}
