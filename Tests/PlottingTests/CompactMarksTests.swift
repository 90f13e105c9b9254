import Foundation
import Plotting
import Testing

/// A panel of `series` scatter series with `points` points each, on fixed axes so that every such
/// figure has the same ticks (and so the same text glyphs) whatever its data.
private func scatterFigure(points: Int, series: Int) -> Figure {
    let marks = (0..<series).map { s -> Mark in
        let u = Demo.pseudoRandom(2 * points, seed: UInt64(20 + s))
        return .scatter(ScatterMark(x: Array(u[..<points]), y: Array(u[points...]), color: Palette.color(s), shape: .shape(s)))
    }
    let panel = Panel(x: Axis(label: "x", range: .fixed(0, 1)), y: Axis(label: "y", range: .fixed(0, 1)), marks: marks)
    return Figure(id: "scatter", width: 400, height: 300, panels: [panel])
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Test func vectorScatterWritesOnePathPerSeriesNotPerPoint() throws {
    let few = String(decoding: try render(scatterFigure(points: 30, series: 3), as: .svg), as: UTF8.self)
    let many = String(decoding: try render(scatterFigure(points: 2000, series: 3), as: .svg), as: UTF8.self)
    #expect(!many.contains("<image"), "2,000 points per series stay vector")
    // Drawn paths carry a style; clip paths (which Cairo adds as a drawing's extents require) do not.
    #expect(occurrences(of: "<path style=", in: many) == occurrences(of: "<path style=", in: few),
            "the number of paths does not grow with the number of points")
    // A point is a few coordinates in its series' path, not an element of its own.
    let perPoint = Double(many.utf8.count - few.utf8.count) / Double(3 * (2000 - 30))
    #expect(perPoint < 40, "\(perPoint) bytes per point")
}

@Test func denseScatterIsOneEmbeddedImageInSVGAndPDF() throws {
    let figure = scatterFigure(points: 20_000, series: 1)
    let svg = String(decoding: try render(figure, as: .svg), as: UTF8.self)
    #expect(occurrences(of: "<image", in: svg) == 1)
    #expect(occurrences(of: "<path style=", in: svg) < 20)
    // An image costs its pixels, not its points: twice the points, about the same bytes.
    let half = try render(scatterFigure(points: 10_000, series: 1), as: .svg)
    #expect(Double(svg.utf8.count) < 1.3 * Double(half.count), "\(half.count) bytes for 10,000 points, \(svg.utf8.count) for 20,000")
    let pdf = String(decoding: try render(figure, as: .pdf), as: UTF8.self)
    #expect(occurrences(of: "/Subtype /Image", in: pdf) >= 1)
}

@Test func rasterLayerLooksLikeThePNG() throws {
    // The same dense mark, drawn once as PNG and once into the SVG's embedded image at the same scale:
    // the embedded PNG's pixel size is the plot's at `rasterScale`.
    let figure = scatterFigure(points: 5000, series: 1)
    let svg = String(decoding: try render(figure, as: .svg), as: UTF8.self)
    let plot = layout(figure).panels[0].plot
    let expected = "width=\"\(Int((plot.width * figure.style.rasterScale).rounded(.up)))\""
    #expect(svg.contains(expected), "embedded image \(expected)")
}

@Test func everyMarkerShapeDrawsInEveryFormat() throws {
    let marks = MarkerShape.allCases.enumerated().map { i, shape -> Mark in
        .scatter(ScatterMark(x: [Double(i)], y: [Double(i)], color: Palette.color(i), radius: 6, alpha: 1, shape: shape, halo: 2))
    }
    let legend = MarkerShape.allCases.enumerated().map { LegendEntry("\($1)", color: Palette.color($0), marker: $1) }
    let figure = Figure(id: "shapes", width: 420, height: 260, panels: [Panel(marks: marks)], legend: legend)
    var images: Set<[UInt8]> = []
    for shape in MarkerShape.allCases {
        let single = Figure(id: "one", width: 60, height: 60, panels: [Panel(
            x: Axis(range: .fixed(-1, 1)), y: Axis(range: .fixed(-1, 1)),
            marks: [.scatter(ScatterMark(x: [0], y: [0], color: .black, radius: 8, alpha: 1, shape: shape))])],
            style: { var style = Style(); style.grid = false; return style }())
        images.insert(try render(single, as: .png))
    }
    #expect(images.count == MarkerShape.allCases.count, "each shape draws differently")
    for format in OutputFormat.allCases { #expect(try render(figure, as: format).count > 1000) }
}
