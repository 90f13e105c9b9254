import Foundation
import Plotting
import Testing

/// The `/MediaBox [x0 y0 x1 y1]` of every page of a PDF, as written in its bytes.
func mediaBoxes(_ pdf: [UInt8]) -> [[Double]] {
    let text = String(decoding: pdf, as: UTF8.self)
    let pattern = try! NSRegularExpression(pattern: #"/MediaBox\s*\[\s*([-0-9.\s]+)\]"#)
    return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
        text[Range(match.range(at: 1), in: text)!].split(separator: " ").compactMap { Double($0) }
    }
}

@Test(arguments: ColumnSpan.allCases)
func paperPDFIsOneColumnSpanWide(span: ColumnSpan) throws {
    let pdf = try render(Demo.figure().forPaper(span, height: 200), as: .pdf)
    #expect(mediaBoxes(pdf) == [[0, 0, span.width, 200]])
    #expect(String(decoding: pdf, as: UTF8.self).contains("/FontFile"), "fonts are embedded")
}

@Test func screenPDFKeepsTheFigureSize() throws {
    #expect(mediaBoxes(try render(Demo.figure(width: 900, height: 620), as: .pdf)) == [[0, 0, 900, 620]])
}

@Test func paperTextIsEightToNinePoints() {
    let figure = Demo.figure().forPaper(.double, height: 400)
    let result = layout(figure)
    #expect(!result.texts.isEmpty)
    #expect(!result.texts.contains { $0.role == .figureTitle }, "the paper's caption replaces the title")
    // A line of DejaVu Sans is 1.164 em high (ascent + descent).
    for text in result.texts {
        let lineHeight = text.rotated ? text.frame.width : text.frame.height
        #expect((8 * 1.164 - 0.01)...(9 * 1.164 + 0.01) ~= lineHeight, "\(text.text): \(lineHeight / 1.164) pt")
    }
}

@Test func paperFigureLaysOutTidily() {
    for span in ColumnSpan.allCases {
        let result = layout(Demo.figure().forPaper(span, height: 300))
        for text in result.texts { #expect(result.canvas.contains(text.frame), "\(text.text)") }
        for (i, a) in result.texts.enumerated() {
            for b in result.texts[(i + 1)...] { #expect(!a.frame.overlaps(b.frame), "\(a.text) overlaps \(b.text)") }
        }
    }
}

@Test func inPlotTextsKeepAGapBetweenThem() {
    // Rules close together, as the 10th and 90th percentiles of a skewed distribution are, and notes in
    // both top corners.
    let values = Demo.pseudoRandom(400, seed: 3).map { $0 * $0 }
    let panel = Panel(x: Axis(label: "accuracy"), y: Axis(label: "cells"), marks: [
        .histogram(HistogramMark(values: values, bins: .count(30))),
        .rule(RuleMark(.vertical, at: 0.50, label: "10th pct")),
        .rule(RuleMark(.vertical, at: 0.53, label: "90th pct")),
        .rule(RuleMark(.vertical, at: 0.515, label: "median")),
        .rule(RuleMark(.vertical, at: 0.52, label: "mean")),
        .rule(RuleMark(.horizontal, at: 20, label: "cap 200 iterations")),
        .annotation(TextAnnotation("H1 · top 10% · τ = −0.88 · supported", corner: .topRight)),
        .annotation(TextAnnotation("skewness 0.64", corner: .topLeft)),
    ])
    let style = Style()
    let result = layout(Figure(id: "gap", width: 420, height: 300, panels: [panel]))
    let inPlot = result.texts.filter { $0.role == .annotation || $0.role == .ruleLabel }
    #expect(Set(inPlot.map(\.text)) == ["10th pct", "90th pct", "median", "mean", "cap 200 iterations",
                                        "H1 · top 10% · τ = −0.88 · supported", "skewness 0.64"])
    for (i, a) in inPlot.enumerated() {
        for b in inPlot[(i + 1)...] {
            let apart = !a.frame.insetBy(dx: -style.gap / 2 + 0.01, dy: 0).overlaps(b.frame.insetBy(dx: -style.gap / 2 + 0.01, dy: 0))
            #expect(apart, "\"\(a.text)\" \(a.frame) and \"\(b.text)\" \(b.frame) are closer than \(style.gap)")
        }
    }
}

@Test func longAxisLabelsWrapInsteadOfLosingTheirUnit() {
    let label = "mean improvability (accuracy points per iteration)"
    let figure = Figure(id: "w", width: 320, height: 220, panels: [Panel(x: Axis(label: label), y: Axis(label: label))])
    let lines = layout(figure).texts.filter { $0.role == .axisLabel }
    let (x, y) = (lines.filter { !$0.rotated }, lines.filter(\.rotated))
    #expect(x.count > 1 && y.count > 1, "both wrapped: \(lines.map(\.text))")
    #expect(x.map(\.text).joined(separator: " ") == label)
    #expect(y.map(\.text).joined(separator: " ") == label)
}
