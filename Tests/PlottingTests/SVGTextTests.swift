import Foundation
@testable import Plotting
import Testing

@Test func svgWritesEveryLaidOutTextAsTextNotGlyphOutlines() throws {
    var figure = Demo.figure(id: "text")
    figure.title = "a < b & \"c\""
    let svg = String(decoding: try render(figure, as: .svg), as: UTF8.self)
    let texts = layout(figure).texts
    #expect(svg.components(separatedBy: "<text ").count - 1 == texts.count)
    #expect(!svg.contains("glyph"), "no glyph outlines")
    #expect(svg.contains(">a &lt; b &amp; &quot;c&quot;</text>"))
    // Each keeps the measured advance, so another font still fits its box; y labels read upwards.
    let title = try #require(texts.first { $0.role == .figureTitle })
    let width = String(format: "%.2f", title.frame.width).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    #expect(svg.contains("textLength=\"\(width)\""), "title advance \(width)")
    #expect(svg.contains("transform=\"rotate(-90 "))
    // The texts are drawn last, over the marks, as on the PNG and PDF.
    #expect(try #require(svg.range(of: "<text ")).lowerBound > (svg.range(of: "<path ", options: .backwards)?.lowerBound ?? svg.startIndex))
}

@Test func pngAndPDFStillDrawTheirText() throws {
    // Text drawn by Cairo is what fills these; without it the PDF would embed no font.
    let pdf = String(decoding: try render(Demo.figure(), as: .pdf), as: UTF8.self)
    #expect(pdf.contains("/FontFile"))
}
