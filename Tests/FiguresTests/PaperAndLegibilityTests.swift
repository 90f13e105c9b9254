import Analysis
import Figures
import Foundation
import Plotting
import Testing

/// The `/MediaBox [x0 y0 x1 y1]` of every page of a PDF, as written in its bytes.
private func mediaBoxes(_ pdf: [UInt8]) -> [[Double]] {
    let text = String(decoding: pdf, as: UTF8.self)
    let pattern = try! NSRegularExpression(pattern: #"/MediaBox\s*\[\s*([-0-9.\s]+)\]"#)
    return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
        text[Range(match.range(at: 1), in: text)!].split(separator: " ").compactMap { Double($0) }
    }
}

private func scatters(_ panel: Panel) -> [ScatterMark] {
    panel.marks.compactMap { mark -> ScatterMark? in if case .scatter(let s) = mark { s } else { nil } }
}

@Test func paperPresetGivesColumnWidePDFsAndSVGsAndKeepsThePNGs() throws {
    let output = SmallOutput.output
    let paper = try FigureSet.render(output, threads: 2, preset: .paper, sourceDateEpoch: 0)
    #expect(paper.keys.sorted() == SmallOutput.files.keys.sorted())
    for entry in FigureCatalog.entries(for: output.results) {
        let boxes = mediaBoxes(paper[entry.path + ".pdf"]!)
        #expect(boxes.count == 1, "\(entry.path): one page")
        let width = boxes.first?[2] ?? 0
        let onePlot: Set<FigureEntry.Kind> = [.distribution, .fitnessDistance, .autocorrelation, .orderEnergies,
                                              .algorithmFixedBudget, .algorithmRuntimes]
        #expect(width == (onePlot.contains(entry.kind) ? ColumnSpan.single.width : ColumnSpan.double.width), "\(entry.path): \(width) pt wide")
        #expect((100...500).contains(boxes.first?[3] ?? 0), "\(entry.path): height \(boxes.first?[3] ?? 0)")
        let svg = String(decoding: paper[entry.path + ".svg"]!, as: UTF8.self)
        #expect(svg.contains("width=\"\(Int(width))px\""), "\(entry.path): SVG as wide as the PDF")
        #expect(paper[entry.path + ".png"] == SmallOutput.files[entry.path + ".png"], "\(entry.path): the site's PNG is the screen figure")
    }
}

@Test(arguments: Preset.allCases)
func everyFigureLaysOutTidilyInEveryPreset(preset: Preset) {
    for (entry, figure) in FigureSet.figures(SmallOutput.output, preset: preset) {
        let result = layout(figure)
        for (i, a) in result.texts.enumerated() {
            #expect(result.canvas.contains(a.frame), "\(entry.path): \(a.text) leaves the canvas")
            for b in result.texts[(i + 1)...] where a.frame.overlaps(b.frame) {
                Issue.record("\(entry.path): \"\(a.text)\" overlaps \"\(b.text)\"")
            }
        }
        let drawn = Set(result.texts.map(\.text))
        // A note too wide for a small panel wraps onto lines that read as the note again.
        let notes = result.texts.filter { $0.role == .annotation }.map(\.text).joined(separator: " ")
        for case .annotation(let note) in figure.panels.flatMap(\.marks) {
            #expect(notes.contains(note.text), "\(entry.path) (\(preset)): annotation \"\(note.text)\" was dropped")
        }
        for case .rule(let rule) in figure.panels.flatMap(\.marks) where rule.label != nil {
            #expect(drawn.contains(rule.label!), "\(entry.path) (\(preset)): rule label \"\(rule.label!)\" was dropped")
        }
    }
}

@Test func operatorFamiliesDifferInColourAndMarkerAndMatchTheLegend() throws {
    let output = SmallOutput.output
    let kinds: [FigureEntry.Kind] = [.reachVsImprovability, .hittingTime]
    for entry in FigureCatalog.entries(for: output.results) where kinds.contains(entry.kind) {
        let figure = FigureSet.figure(for: entry, in: output)
        let legend = figure.legend
        #expect(legend.count >= 3, "\(entry.path)")
        #expect(Set(legend.map(\.color)).count == legend.count, "\(entry.path): colours repeat")
        #expect(Set(legend.map(\.marker)).count == legend.count, "\(entry.path): markers repeat")
        for panel in figure.panels where !scatters(panel).isEmpty {
            for mark in scatters(panel) {
                #expect(legend.contains { $0.color == mark.color && ($0.marker ?? .circle) == mark.shape },
                        "\(entry.path): a series drawn as no legend entry shows it")
            }
            #expect(Set(scatters(panel).map(\.shape)).count == scatters(panel).count, "\(entry.path): one series per family")
        }
    }
}

@Test func anchorLinesCarryDistinctMarkers() throws {
    let output = SmallOutput.output
    let entry = try #require(FigureCatalog.entries(for: output.results).first { $0.kind == .improvabilityByPathLength })
    let figure = FigureSet.figure(for: entry, in: output)
    #expect(figure.legend.count == 7, "k-edit(1…6) and uniform")
    #expect(Set(figure.legend.compactMap(\.marker)).count == figure.legend.count)
    let shapes = scatters(figure.panels[0]).map(\.shape)
    #expect(Set(shapes).count == shapes.count && shapes.count == 7, "\(shapes)")
}

@Test func globalMaximumSitsAtDistanceZeroInItsLegendLook() throws {
    let output = SmallOutput.output
    let entry = try #require(FigureCatalog.entries(for: output.results).first { $0.kind == .fitnessDistance })
    let figure = FigureSet.figure(for: entry, in: output)
    let marks = scatters(figure.panels[0])
    let best = try #require(marks.last)
    #expect(best.x == [0], "not jittered off its tick")
    let cells = try #require(output.cells.first { $0.metricID == entry.metric })
    #expect(best.y == [cells.accuracy.max()!])
    let entryLook = try #require(figure.legend.first { $0.label == "global maximum" })
    #expect(entryLook.color == best.color && entryLook.marker == best.shape)
    #expect(marks.dropLast().allSatisfy { $0.x.allSatisfy { abs($0) >= 0.5 } }, "every other cell sits at distance ≥ 1, jittered by < 0.5")
}

@Test func everyRuleHasAHittingTimeFigureWithRuntimeECDFsAndCapsOnlyWhereRowsAreCapped() throws {
    let output = SmallOutput.output
    let entries = FigureCatalog.entries(for: output.results).filter { $0.kind == .hittingTime }
    #expect(Set(entries.map { "\($0.metric!) \($0.acceptance!.label)" }).count == output.results.metrics.count * output.results.configuration.acceptanceRules.count,
            "one hitting-time figure per metric and acceptance rule")
    var capped = 0, uncapped = 0
    for entry in entries {
        var censored = 0
        let figure = FigureSet.figure(for: entry, in: output)
        #expect(figure.columns == 2 && figure.panels.count % 2 == 0, "\(entry.path): each scatter beside its ECDF")
        for pair in stride(from: 0, to: figure.panels.count, by: 2) {
            let (scatter, ecdf) = (figure.panels[pair], figure.panels[pair + 1])
            #expect(scatter.y.scale == .log && scatter.y.label.contains("log scale") && scatter.x.scale == .linear && !scatter.x.label.contains("log"))
            #expect(ecdf.x.scale == .log && ecdf.x.label.contains("log scale") && ecdf.y.scale == .linear && ecdf.y.label == "fraction of operators")
            #expect(ecdf.title == scatter.title + " · runtime ECDF")
            let rows = output.records.filter {
                $0.metric == entry.metric && $0.acceptance == entry.acceptance && $0.meanHittingTime.map { $0 > 0 && $0.isFinite } == true
                    && "θ = \($0.thresholdLabel ?? "") · \($0.group.displayName)" == scatter.title
            }
            #expect(!rows.isEmpty, "\(entry.path) \(scatter.title): its rows")
            let steps = ecdf.marks.compactMap { mark -> LineMark? in if case .line(let l) = mark, l.curve == .stepAfter { l } else { nil } }
            #expect(steps.count == Set(rows.map(\.family)).count, "\(scatter.title): one ECDF per family")
            #expect(steps.allSatisfy { $0.y.last == 1 && $0.y.first == 0 }, "\(scatter.title): each ECDF climbs from 0 to 1")
            let rules = { (panel: Panel) in panel.marks.compactMap { mark -> RuleMark? in if case .rule(let r) = mark { r } else { nil } } }
            if let cap = rows.compactMap(\.hittingTimeCap).max() {
                capped += 1
                #expect(rules(scatter).map(\.value) == [Double(cap)] && rules(scatter)[0].orientation == .horizontal, "\(scatter.title): the cap is marked")
                #expect(rules(ecdf).map(\.value) == [Double(cap)] && rules(ecdf)[0].orientation == .vertical, "\(ecdf.title): the cap is marked")
            } else {
                uncapped += 1
                #expect(rules(scatter).isEmpty && rules(ecdf).isEmpty, "\(scatter.title): exact rows have no cap")
            }
            let lowerBounds = rows.filter { $0.hittingTimeEstimator == .restrictedMean }
            let marked = { (panel: Panel) in scatters(panel).filter { $0.shape == .plus }.map(\.x.count).reduce(0, +) }
            #expect(marked(scatter) == lowerBounds.count && marked(ecdf) == lowerBounds.count, "\(scatter.title): censored rows are marked")
            censored += lowerBounds.count
        }
        if censored > 0 { #expect(figure.legend.contains { $0.marker == .plus && $0.label.contains("censored") }) }
    }
    #expect(capped > 0 && uncapped > 0, "the small run has panels with and without Monte Carlo rows (\(capped), \(uncapped))")
}

@Test func pngsAreSizedForTheirDisplay() throws {
    // The site shows a figure at its catalog width, at most 900 CSS pixels. Single plots are drawn at 1.5×
    // for high-density screens; the small multiples, most of the PNG bytes, at 1×.
    let grids: Set<FigureEntry.Kind> = [.reachVsImprovability, .hittingTime]
    var scales: Set<Double> = []
    for entry in FigureCatalog.entries(for: SmallOutput.output.results) {
        let png = try #require(SmallOutput.files[entry.path + ".png"])
        let size = [16, 20].map { offset in png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let scale = grids.contains(entry.kind) ? 1 : 1.5
        scales.insert(scale)
        #expect(entry.width <= 900, "\(entry.path) is shown \(entry.width) px wide")
        #expect(size.map(Double.init) == [(scale * entry.width).rounded(), (scale * entry.height).rounded()],
                "\(entry.path): \(size) px for \(entry.width)×\(entry.height) CSS px")
    }
    #expect(scales == [1, 1.5], "the catalog has both kinds")
}

@Test func searchAlgorithmFiguresShowEveryAlgorithmInItsOwnLook() throws {
    let output = SmallOutput.output
    let kinds: [FigureEntry.Kind] = [.algorithmFixedBudget, .algorithmRuntimes, .algorithmMap]
    for metric in output.results.metrics {
        let algorithms = output.results.searchAlgorithms.filter { $0.metric == metric.id }
        #expect(algorithms.count >= 5)
        for kind in kinds {
            let entry = try #require(FigureCatalog.entries(for: output.results).first { $0.kind == kind && $0.metric == metric.id })
            let figure = FigureSet.figure(for: entry, in: output)
            let legend = figure.legend.prefix(algorithms.count)
            #expect(legend.count == algorithms.count, "\(entry.path): one legend entry per algorithm")
            #expect(Set(legend.compactMap(\.marker)).count == algorithms.count, "\(entry.path): distinct markers")
            #expect(Set(legend.map { "\($0.color)" }).count == algorithms.count, "\(entry.path): distinct colours")
            #expect(figure.panels.count == (kind == .algorithmMap ? 3 : 1))
        }
    }
}
