@testable import Analysis
import Support
import Search
import Figures
import Foundation
import Plotting
import TestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every text on the canvas and no two texts overlapping.
private func expectTidy(_ result: FigureLayout, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for text in result.texts {
        #expect(result.canvas.contains(text.frame), "\(name): \(text.text) leaves the canvas", sourceLocation: sourceLocation)
    }
    for (i, a) in result.texts.enumerated() {
        for b in result.texts[(i + 1)...] where a.frame.overlaps(b.frame) {
            Issue.record("\(name): \"\(a.text)\" overlaps \"\(b.text)\"", sourceLocation: sourceLocation)
        }
    }
}

private func annotations(_ panel: Panel) -> [String] {
    panel.marks.compactMap { mark -> String? in if case .annotation(let a) = mark { a.text } else { nil } }
}

@Test func everyCatalogEntryRendersInAllThreeFormatsAndGetsItsDataFile() throws {
    let output = SmallOutput.output
    let entries = FigureCatalog.entries(for: output.results)
    let files = SmallOutput.files
    let pointData = entries.filter { [.reachVsImprovability, .hittingTime].contains($0.kind) }.map { $0.path + ".data.js" }
    let expected = Set(entries.flatMap { entry in ["png", "svg", "pdf", "json.gz"].map { "\(entry.path).\($0)" } } + pointData + [FigureSet.operatorDataPath])
    #expect(Set(files.keys) == expected, "every figure in three formats and its data file")
    // 1 overview + 3 metrics × (8 per-metric figures + 2 acceptance rules × 2 figures + 3 of the search algorithms).
    #expect(entries.count == 1 + 3 * 15)
    for (path, bytes) in files {
        switch (path as NSString).pathExtension {
        case "png":
            #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(path)")
            #expect(String(decoding: bytes.suffix(8).prefix(4), as: UTF8.self) == "IEND", "\(path)")
        case "pdf":
            #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "%PDF-", "\(path)")
            #expect(String(decoding: bytes.suffix(16), as: UTF8.self).contains("%%EOF"), "\(path)")
        case "gz":
            let object = try #require(try JSONSerialization.jsonObject(with: Data(Snapshot.gunzip(bytes))) as? [String: Any], "\(path)")
            #expect(object["figure"] as? String == String(path.dropLast(".json.gz".count)), "\(path) names its figure")
            #expect((object["panels"] as? [Any])?.isEmpty == false, "\(path) has its panels")
        case "js":
            let registry = path == FigureSet.operatorDataPath ? "window.nasreachOperators =" : "(window.nasreachFigureData"
            #expect(String(decoding: bytes.prefix(26), as: UTF8.self) == registry, "\(path)")
        default:
            let parser = XMLParser(data: Data(bytes))
            #expect(parser.parse(), "\(path) is not well-formed XML")
        }
    }
    let first = String(decoding: files["figures/overview/tau-by-path-length.svg"]!, as: UTF8.self)
    let second = String(decoding: files["figures/synthetic-easy-test/distribution.svg"]!, as: UTF8.self)
    let prefix = { (svg: String) in svg.firstMatch(of: /id="(f[0-9a-z]{7})-/).map { String($0.1) } }
    #expect(prefix(first) != nil && prefix(first) != prefix(second), "SVG ids carry a prefix of their own figure's")
}

@Test func renderingIsDeterministicAndIndependentOfThreads() throws {
    // A second render, with one thread instead of two: identical bytes show both properties at once.
    let again = try FigureSet.render(SmallOutput.output, threads: 1, sourceDateEpoch: 0)
    #expect(again.keys.sorted() == SmallOutput.files.keys.sorted())
    for key in again.keys.sorted() {
        #expect(again[key] == SmallOutput.files[key], "\(key) differs between renders with 1 and 2 threads")
    }
}

@Test func everyFigureLaysOutTidily() {
    for (entry, figure) in FigureSet.figures(SmallOutput.output) {
        let result = layout(figure)
        expectTidy(result, entry.path)
        #expect(result.texts.contains { $0.role == .figureTitle }, "\(entry.path) keeps its title")
        // Annotations (tau, verdicts, "no data") are the point of the panels: none may be dropped.
        let drawn = Set(result.texts.map(\.text))
        for note in figure.panels.flatMap(annotations) {
            #expect(drawn.contains(note), "\(entry.path): annotation \"\(note)\" was dropped")
        }
        #expect(figure.id == entry.path.replacingOccurrences(of: "figures/", with: "").replacingOccurrences(of: "/", with: "--"))
    }
}

@Test func reachPanelsCarryTauAndVerdictOfTheMatchingTest() throws {
    let output = SmallOutput.output
    let entry = try #require(FigureCatalog.entries(for: output.results).first { $0.kind == .reachVsImprovability && $0.acceptance == .always })
    let figure = FigureSet.figure(for: entry, in: output)
    #expect(figure.panels.count == 3 * 2, "groups × path lengths [1, 10]")
    let test = try #require(output.results.hypotheses.first {
        $0.primary && $0.statistic == TestStatistic(reachMeasure: .reach, improvability: .meanImprovability) && $0.metric == entry.metric
            && $0.acceptance == .always && $0.pathLength == 10 && $0.group == .top10
    })
    let tau = try #require(test.tau)
    let expected = "\(test.hypothesis.rawValue) · τ = \(NumberFormat.number(tau)) · \(test.verdict.rawValue)"
    let panel = figure.panels[1]
    // The title gives the optimal reach of the smoothed curve drawn over the points.
    let optimum = try #require(output.results.optimalReach.first {
        $0.metric == entry.metric && $0.acceptance == .always && $0.pathLength == 10 && $0.group == .top10
    })
    #expect(panel.title == "top 10% · L = 10" + (optimum.monotone == true ? " · monotone" : " · peak at \(NumberFormat.number(optimum.reach!))"))
    #expect(panel.marks.contains { if case .band = $0 { true } else { false } } && panel.marks.contains { if case .line = $0 { true } else { false } })
    #expect(annotations(panel) == [expected])
    let points = panel.marks.compactMap { mark -> Int? in if case .scatter(let s) = mark { s.x.count } else { nil } }
    #expect(points.reduce(0, +) == output.results.operators.count, "one point per operator")
    #expect(points.count == Set(output.results.operators.map(\.family)).count, "one series per family")
}

@Test func distributionMarksPercentilesMeanAndMedian() throws {
    let output = SmallOutput.output
    let metric = output.results.metrics[0]
    let entry = try #require(FigureCatalog.entries(for: output.results).first { $0.kind == .distribution && $0.metric == metric.id })
    let figure = FigureSet.figure(for: entry, in: output)
    let rules = figure.panels[0].marks.compactMap { mark -> (String, Double)? in
        if case .rule(let r) = mark { (r.label ?? "", r.value) } else { nil }
    }
    #expect(rules.map(\.0) == ["10th pct", "90th pct", "median", "mean"])
    #expect(rules.map(\.1) == [metric.q10, metric.q90, metric.median, metric.mean])
    let texts = layout(figure).texts.map(\.text)
    for label in rules.map(\.0) { #expect(texts.contains(label), "\(label) is drawn") }
}

@Test func missingDataGivesNoDataPanelsInsteadOfCrashing() throws {
    var output = SmallOutput.output
    // No `always` rule, no tests, no landscape and no cells: every figure still draws and says why.
    output.results.configuration.acceptanceRules = [.improving]
    output.results.hypotheses = []
    output.results.landscape = [:]
    output.records = output.records.filter { $0.acceptance != .always }
    output.cells = []
    // Without search-algorithm records the catalog has no algorithm figures.
    output.results.searchAlgorithms = []
    output.results.optimalReach = output.results.optimalReach.map { entry in
        var entry = entry
        (entry.reach, entry.ciLower, entry.ciUpper, entry.monotone, entry.curve) = (nil, nil, nil, nil, nil)
        return entry
    }
    output.results.spectral = output.results.spectral.map { metric in
        var metric = metric
        metric.decompositions = []
        return metric
    }
    let figures = FigureSet.figures(output)
    #expect(figures.count == 1 + 3 * 10)
    for (entry, figure) in figures {
        if entry.kind != .reachVsImprovability {
            // A hitting-time figure has a row per tested threshold setting: without tests, none.
            #expect(figure.panels.flatMap(annotations).contains("no data"), "\(entry.path) says it has no data")
        } else {
            #expect(figure.panels.flatMap(annotations).allSatisfy { $0.hasSuffix("τ undefined") || $0 == "no test" })
        }
        _ = try render(figure, as: .png)
    }
}

/// The key figure has a row per acceptance rule, and every line whose tests have a null draws its band,
/// the fitness-dependent rules' subset nulls included.
@Test func theKeyFigureShowsEveryRuleWithItsNullBands() throws {
    let output = SmallOutput.output
    let entry = try #require(FigureCatalog.entries(for: output.results).first { $0.kind == .tauByPathLength })
    let figure = FigureSet.figure(for: entry, in: output)
    let rules = SmallOutput.configuration.acceptanceRules, metrics = output.results.metrics
    #expect(figure.columns == metrics.count && figure.panels.count == rules.count * metrics.count)
    for (r, rule) in rules.enumerated() {
        for (m, metric) in metrics.enumerated() {
            let panel = figure.panels[r * metrics.count + m]
            #expect(panel.title == "\(metric.id) · \(rule.label)")
            let bands = panel.marks.count { if case .band = $0 { true } else { false } }
            let withNull = Hypothesis.allCases.count { hypothesis in
                output.results.hypotheses.contains {
                    $0.primary && $0.reachMeasure == .reach && $0.metric == metric.id && $0.acceptance == rule
                        && $0.experiment == .fixedLength && $0.group == hypothesis.group && $0.null != nil && $0.tau != nil
                }
            }
            #expect(withNull > 0 && bands == withNull, "\(panel.title)")
        }
    }
    #expect(entry.caption.contains("\(SmallOutput.configuration.nullSubsetReplicates) replicates walked by Monte Carlo"))
}

@Test func reachScattersShowTheShortestAndLongestPathLength() {
    #expect(FigureCatalog.shownPathLengths([1, 2, 5, 10, 20, 50, 100]) == [1, 100])
    #expect(FigureCatalog.shownPathLengths([10, 1, 10]) == [1, 10])
    #expect(FigureCatalog.shownPathLengths([5]) == [5])
}
