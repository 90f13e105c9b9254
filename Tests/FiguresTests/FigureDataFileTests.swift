import Figures
import Foundation
import Plotting
import Testing

/// The values a mark draws along x and along y, as the data file should hold them.
private func drawnValues(_ mark: Mark) -> (kind: String, x: [Double], y: [Double]) {
    switch mark {
    case .scatter(let m): ("scatter", m.x, m.y)
    case .line(let m): (m.curve == .stepAfter ? "step" : "line", m.x, m.y)
    case .band(let m): ("band", m.x, m.lower + m.upper)
    case .histogram(let m): ("histogram", m.edges, m.heights)
    case .box(let m): ("box", [m.at], [m.summary.minimum, m.summary.lowerQuartile, m.summary.median, m.summary.upperQuartile, m.summary.maximum] + m.strip)
    case .bar(let m): ("bar", [], m.values)
    case .errorBars(let m): ("error-bars", m.orientation == .vertical ? m.at : m.low + m.high, m.orientation == .vertical ? m.low + m.high : m.at)
    case .rule(let m): ("rule", m.orientation == .vertical ? [m.value] : [], m.orientation == .horizontal ? [m.value] : [])
    case .annotation: ("annotation", [], [])
    }
}

/// The same values read back from a mark of a data file, in the order `drawnValues` gives them.
private func writtenValues(_ mark: [String: Any]) -> (x: [Any], y: [Any]) {
    let list = { (key: String) in mark[key] as? [Any] ?? [] }
    let vertical = mark["orientation"] as? String != "horizontal"
    switch mark["kind"] as? String {
    case "band": return (list("x"), list("lower") + list("upper"))
    case "histogram": return (list("edges"), list("heights"))
    case "box": return (list("at"), list("values") + list("y"))
    case "bar": return ([], list("values"))
    case "error-bars": return vertical ? (list("at"), list("low") + list("high")) : (list("low") + list("high"), list("at"))
    case "rule": return vertical ? ([mark["value"] as Any], []) : ([], [mark["value"] as Any])
    default: return (list("x"), list("y"))
    }
}

/// Whether `written` is `drawn` to within half a pixel of an axis `pixels` long in the PNG, and null
/// exactly where nothing can be drawn.
private func matches(_ written: Any, _ drawn: Double, axis: [String: Any], pixels: Double) -> Bool {
    guard drawn.isFinite else { return written is NSNull }
    guard let value = (written as? NSNumber)?.doubleValue else { return false }
    let range = (axis["range"] as? [NSNumber] ?? []).map(\.doubleValue)
    guard range.count == 2 else { return false }
    if axis["scale"] as? String == "log" {
        return abs(log10(value) - log10(drawn)) <= abs(log10(range[1] / range[0])) / (2 * pixels) + 1e-12
    }
    return abs(value - drawn) <= abs(range[1] - range[0]) / (2 * pixels) + 1e-12
}

@Suite("Figure data files")
struct FigureDataFileTests {
    @Test("every figure's data file holds each panel's title, axes and every mark's numbers as drawn")
    func holdsTheNumbersDrawn() throws {
        for (entry, figure) in FigureSet.figures(SmallOutput.output) {
            let placed = layout(figure).panels
            let bytes = try #require(SmallOutput.dataFile(entry.path), "\(entry.path) has no data file")
            let file = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            let panels = try #require(file["panels"] as? [[String: Any]])
            #expect(panels.count == figure.panels.count, "\(entry.path): one entry per panel")
            #expect((file["legend"] as? [[String: Any]])?.compactMap { $0["label"] as? String } == figure.legend.map(\.label))
            for ((panel, written), plot) in zip(zip(figure.panels, panels), placed.map(\.plot)) {
                let (xAxis, yAxis) = (written["x"] as? [String: Any] ?? [:], written["y"] as? [String: Any] ?? [:])
                #expect(written["title"] as? String == panel.title && xAxis["label"] as? String == panel.x.label && yAxis["label"] as? String == panel.y.label,
                        "\(entry.path) \(panel.title): titles and axis labels")
                #expect((yAxis["scale"] as? String == "log") == (panel.y.scale == .log), "\(entry.path) \(panel.title): the y scale")
                let marks = written["marks"] as? [[String: Any]] ?? []
                #expect(marks.count == panel.marks.count, "\(entry.path) \(panel.title): one entry per mark")
                for (mark, entryMark) in zip(panel.marks, marks) {
                    let drawn = drawnValues(mark), back = writtenValues(entryMark)
                    #expect(entryMark["kind"] as? String == drawn.kind, "\(entry.path) \(panel.title)")
                    #expect(back.x.count == drawn.x.count && back.y.count == drawn.y.count, "\(entry.path) \(panel.title) \(drawn.kind): every value")
                    let wrong = zip(back.x, drawn.x).filter { !matches($0, $1, axis: xAxis, pixels: plot.width * figure.pngScale) }.count
                        + zip(back.y, drawn.y).filter { !matches($0, $1, axis: yAxis, pixels: plot.height * figure.pngScale) }.count
                    #expect(wrong == 0, "\(entry.path) \(panel.title) \(drawn.kind): \(wrong) values differ from what is drawn")
                }
            }
        }
    }

    @Test("a reach scatter's data file names each family's points by its legend entry")
    func scatterSeriesAreNamed() throws {
        let entry = try #require(FigureCatalog.entries(for: SmallOutput.output.results).first { $0.kind == .reachVsImprovability })
        let bytes = try #require(SmallOutput.dataFile(entry.path))
        let file = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let marks = (file["panels"] as? [[String: Any]] ?? []).flatMap { $0["marks"] as? [[String: Any]] ?? [] }.filter { $0["kind"] as? String == "scatter" }
        #expect(Set(marks.compactMap { $0["series"] as? String }) == Set(SmallOutput.output.results.operators.map(\.family.rawValue)))
    }

    @Test("no data file writes a number with more digits than its axis can show")
    func numbersAreRoundedToWhatIsDrawn() throws {
        // Half a pixel needs at most six digits for these figures; an unrounded double prints fifteen to seventeen.
        for entry in FigureCatalog.entries(for: SmallOutput.output.results) {
            let text = String(decoding: try #require(SmallOutput.dataFile(entry.path)), as: UTF8.self)
            let numbers = text.matches(of: /[:,\[](-?[0-9]+(?:\.[0-9]+)?)(?:e-?[0-9]+)?(?=[,\]}])/).map { String($0.1) }
            let digits = numbers.map { $0.filter(\.isNumber).drop { $0 == "0" }.count }
            #expect(!numbers.isEmpty && digits.allSatisfy { $0 <= 6 }, "\(entry.path): \(numbers.max { $0.count < $1.count } ?? "")")
        }
    }
}
