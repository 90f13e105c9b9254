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
    // One colour at many opacities: the embedded PNG uses a palette with transparency.
    let base64 = try #require(svg.components(separatedBy: "data:image/png;base64,").dropFirst().first?.prefix { $0 != "\"" })
    let png = try #require(Data(base64Encoded: String(base64)))
    #expect(png[png.startIndex + 25] == 3, "colour type: indexed")
    #expect(png.range(of: Data("PLTE".utf8)) != nil && png.range(of: Data("tRNS".utf8)) != nil)
}

@Test func embeddedPointLayerCoversThePlotAtRasterScale() throws {
    // The image replaces the points inside the plot only, at the style's resolution.
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

/// The absolute points an SVG path visits (endpoints and control points), for comparing two spellings
/// of one path. Handles the commands Cairo and `compactingSVGPaths` write.
private func absolutePoints(_ data: String) -> [(Double, Double)] {
    let scanner = Scanner(string: data)
    scanner.charactersToBeSkipped = CharacterSet(charactersIn: " ,")
    var points: [(Double, Double)] = []
    var pen = (0.0, 0.0), start = (0.0, 0.0)
    let commands = CharacterSet(charactersIn: "MLCZmlhvcz")
    while !scanner.isAtEnd {
        guard let command = scanner.scanCharacters(from: commands) else { Issue.record("unparsed: \(data)"); break }
        for letter in command {
            func number() -> Double { scanner.scanDouble() ?? .nan }
            switch letter {
            case "M", "L": pen = (number(), number()); points.append(pen)
            case "C": for _ in 0..<3 { pen = (number(), number()); points.append(pen) }; pen = points.last!
            case "m", "l": pen = (pen.0 + number(), pen.1 + number()); points.append(pen)
            case "h": pen.0 += number(); points.append(pen)
            case "v": pen.1 += number(); points.append(pen)
            case "c":
                let origin = pen
                for _ in 0..<3 { points.append((origin.0 + number(), origin.1 + number())) }
                pen = points.last!
            default: pen = start
            }
            if letter == "M" || letter == "m" { start = pen }
        }
    }
    return points
}

@Test func compactPathDataDrawsTheSamePoints() {
    let cairo = "M 804.5 153.25 L 801.25 158.75 L 807.75 158.75 Z M 670.75 122.25 L 670.75 122.25 M 5.453125 -3.359375 C 5.453125 -4.140625 5.289062 -4.742188 4.96875 -5.171875 L 4.96875 0.5 Z "
    let svg = #"<path style="a" d="\#(cairo)"/><g id="x"/>"#
    let compact = compactingSVGPaths(svg)
    let data = String(compact.split(separator: "\"")[3])
    #expect(data.count < cairo.count / 2, "\(data)")
    let before = absolutePoints(cairo), after = absolutePoints(data)
    #expect(before.count == after.count)
    // To the hundredth, and never further: the pen is where the offsets written so far put it.
    for (a, b) in zip(before, after) { #expect(abs(a.0 - b.0) <= 0.005 + 1e-9 && abs(a.1 - b.1) <= 0.005 + 1e-9, "\(a) vs \(b) in \(data)") }
    #expect(compact.hasSuffix(#"<g id="x"/>"#), "the rest is untouched")
    // Glyph placements to the hundredth too; attributes that are no plain number stay as they are.
    #expect(compactingSVGPaths(##"<use xlink:href="#g-1" x="214.457031" y="-24.001562"/><rect x="1e3" y=".5"/>"##)
        == ##"<use xlink:href="#g-1" x="214.46" y="-24"/><rect x="1e3" y=".5"/>"##)
    // Anything Cairo does not write stays as it is.
    #expect(compactingSVGPaths(#"<path d="M 1 2 Q 3 4 5 6"/>"#) == #"<path d="M 1 2 Q 3 4 5 6"/>"#)
}

@Test func stepCurveJoinsRisesCloserThanTheMarkerGridInVectorOutput() throws {
    // An empirical CDF of 2,000 values, most of them within a few pixels of each other.
    let values = Demo.pseudoRandom(2000, seed: 7).map { 0.3 + 0.02 * $0 * $0 }.sorted()
    let fractions = values.indices.map { Double($0 + 1) / Double(values.count) }
    let panel = Panel(x: Axis(label: "x", range: .fixed(0, 1)), y: Axis(label: "y", range: .fixed(0, 1)),
                      marks: [.line(LineMark(x: values, y: fractions, color: Color(red: 1, green: 0, blue: 0), curve: .stepAfter))])
    let figure = Figure(id: "ecdf", width: 400, height: 300, panels: [panel])
    let plot = layout(figure).panels[0].plot
    let svg = String(decoding: try render(figure, as: .svg), as: UTF8.self)
    let data = try #require(svg.firstMatch(of: /<path style="fill:none[^"]*stroke:#ff0000[^"]*" d="([^"]*)"/).map { String($0.1) })
    let drawn = absolutePoints(data)
    #expect(drawn.count < 200, "\(drawn.count) vertices for 2,000 steps over \(plot.width) px")
    // Every step of the exact curve lies on a drawn rise less than the grid (and the path text's
    // hundredth) away, and the curve still ends at the last value.
    let rises = zip(drawn, drawn.dropFirst()).filter { abs($0.0 - $1.0) < 1e-9 }.map { (x: $0.0, low: min($0.1, $1.1), high: max($0.1, $1.1)) }
    for (x, y) in zip(values, fractions) {
        let (px, py) = (plot.minX + x * plot.width, plot.maxY - y * plot.height)
        #expect(rises.contains { abs($0.x - px) <= 0.505 && $0.low - 0.005 <= py && py <= $0.high + 0.005 }, "step at \(x)")
    }
    #expect(abs(drawn.last!.0 - (plot.minX + values.last! * plot.width)) <= 0.005)
}

@Test func svgStylesDropWhatSVGAssumesAndWriteExactColoursInHex() {
    let cairo = #"<path style="fill:none;stroke-width:0.6;stroke-linecap:butt;stroke-linejoin:miter;stroke:rgb(86.666667%,86.666667%,86.666667%);stroke-opacity:1;stroke-miterlimit:10;" d="M 1 2 L 3 4 "/>"#
    #expect(compactingSVGPaths(cairo) == #"<path style="fill:none;stroke-width:0.6;stroke:#dddddd;stroke-miterlimit:10" d="M1 2l2 2"/>"#,
            "the miter limit stays where joins are mitred")
    let round = #"<path style="fill:none;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round;stroke:rgb(0%,44.705882%,69.803922%);stroke-opacity:0.6;stroke-miterlimit:10;"/>"#
    #expect(compactingSVGPaths(round) == #"<path style="fill:none;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round;stroke:#0072b2;stroke-opacity:0.6"/>"#)
    // A colour that is no 8-bit value keeps its percentages.
    let odd = #"<rect style="fill:rgb(50.1%,0%,0%);fill-opacity:1;stroke:none;"/>"#
    #expect(compactingSVGPaths(odd) == #"<rect style="fill:rgb(50.1%,0%,0%);stroke:none"/>"#)
}
