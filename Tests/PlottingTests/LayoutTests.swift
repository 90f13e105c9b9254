import Plotting
import Testing

/// Every text on the canvas and no two texts overlapping.
private func expectTidy(_ result: FigureLayout, sourceLocation: SourceLocation = #_sourceLocation) {
    for text in result.texts {
        #expect(result.canvas.contains(text.frame), "\(text.text) at \(text.frame) leaves the canvas", sourceLocation: sourceLocation)
        #expect(text.frame.width > 0 || text.text.isEmpty, sourceLocation: sourceLocation)
    }
    for (i, a) in result.texts.enumerated() {
        for b in result.texts[(i + 1)...] where a.frame.overlaps(b.frame) {
            Issue.record("\"\(a.text)\" \(a.frame) overlaps \"\(b.text)\" \(b.frame)", sourceLocation: sourceLocation)
        }
    }
}

@Test func demoFigureTextIsTidyAndComplete() {
    let result = layout(Demo.figure())
    expectTidy(result)
    let roles = Set(result.texts.map(\.role))
    #expect(roles == Set(PlacedText.Role.allCases), "every kind of text is kept: \(roles)")
    #expect(result.panels.count == 6)
    #expect(result.legend.count == 4)
    // Each panel keeps at least two labelled ticks on each axis.
    for panel in result.panels {
        let labels = result.texts.filter { $0.role == .tickLabel && panel.cell.contains($0.frame) }
        #expect(labels.count >= 4)
    }
}

@Test(arguments: [(320.0, 240.0), (200.0, 150.0), (1600.0, 300.0), (300.0, 1200.0)])
func smallAndOddCanvasesStayTidy(size: (Double, Double)) {
    expectTidy(layout(Demo.figure(width: size.0, height: size.1)))
}

@Test func longTitlesAreShortenedToFit() {
    let title = String(repeating: "a very long title without end ", count: 20)
    let figure = Figure(id: "t", width: 400, height: 300, title: title, panels: [Panel(title: title, x: Axis(label: title), y: Axis(label: title))])
    let result = layout(figure)
    expectTidy(result)
    let figureTitle = result.texts.filter { $0.role == .figureTitle }
    #expect(figureTitle.count == 2, "wrapped onto two lines")
    #expect(figureTitle.last?.text.hasSuffix("…") == true)
    // Axis labels wrap onto at most three lines, the last one shortened.
    for rotated in [false, true] {
        let lines = result.texts.filter { $0.role == .axisLabel && $0.rotated == rotated }
        #expect((1...3).contains(lines.count))
        #expect(lines.last?.text.hasSuffix("…") == true)
    }
    let yLabel = result.texts.first { $0.role == .axisLabel && $0.rotated }
    #expect(yLabel != nil)
}

@Test func plotAreasStayInsideTheirCellsAndDoNotOverlap() {
    let result = layout(Demo.figure())
    for panel in result.panels {
        #expect(panel.cell.contains(panel.plot))
        #expect(panel.plot.width > 100 && panel.plot.height > 100)
    }
    for (i, a) in result.panels.enumerated() {
        for b in result.panels[(i + 1)...] { #expect(!a.cell.overlaps(b.cell)) }
    }
}

@Test func autoRangesCoverDataAndBarsStartAtZero() {
    let panel = Panel(marks: [.bar(BarMark(values: [2, 5, 3]))])
    let scatter = Panel(marks: [.scatter(ScatterMark(x: [-4, 9], y: [100, 101]))])
    let result = layout(Figure(id: "r", panels: [panel, scatter], columns: 2))
    #expect(result.panels[0].y.lower == 0)
    #expect(result.panels[0].y.upper > 5)
    #expect(result.panels[1].x.lower < -4 && result.panels[1].x.upper > 9)
    #expect(result.panels[1].y.lower < 100 && result.panels[1].y.upper > 101)
}

@Test func categoricalAxisPlacesCategoryIAtValueI() {
    let result = layout(Figure(id: "c", panels: [Panel(x: .categorical(["a", "b", "c"]), marks: [.bar(BarMark(values: [1, 2, 3]))])]))
    let x = result.panels[0].x
    #expect(x.lower == -0.5 && x.upper == 2.5)
    #expect(x.ticks.map(\.label) == ["a", "b", "c"])
}

@Test func histogramCountsEveryFiniteValueOnce() {
    let mark = HistogramMark(values: [0, 0.1, 0.5, 0.99, 1, .nan], bins: .count(2))
    #expect(mark.edges == [0, 0.5, 1])
    #expect(mark.heights == [2, 3])
    let density = HistogramMark(values: [0, 0.1, 0.5, 0.99, 1], bins: .edges([0, 0.5, 1]), density: true)
    #expect(density.heights == [0.8, 1.2])
}

@Test func hyphenatedCategoryLabelsBreakAfterTheHyphen() {
    let labels = ["CIFAR-10", "CIFAR-100", "ImageNet16-120"]
    let figure = Figure(id: "h", width: 300, height: 220, panels: [Panel(x: .categorical(labels), marks: [.bar(BarMark(values: [1, 2, 3]))])])
    let ticks = layout(figure).texts.filter { $0.role == .tickLabel }.map(\.text)
    #expect(ticks.contains("ImageNet16-") && ticks.contains("120"), "\(ticks)")
    #expect(!ticks.contains { $0.contains("…") }, "\(ticks)")
}
