import Figures
import Foundation
import Support
import Testing
@testable import Report

@Suite struct PathAndAnchorTests {
    @Test(arguments: ["", "/etc/passwd", "../up.html", "a/../../b", "a//b", "a/./b", "C:\\x", "http://x.org/a", "a/b/"])
    func rejectsPathsThatLeaveOrBendTheSite(_ path: String) {
        #expect(throws: SiteError.self) { try SitePath.validate(path) }
    }

    @Test func acceptsPlainRelativePaths() throws {
        try SitePath.validate("figures/cifar10-ori-test/reach-vs-improvability.png")
        try SitePath.validateLink("hypotheses/h1.html#result-2")
        try SitePath.validateLink("#verdicts")
    }

    @Test func linksAreRelativeToThePage() {
        #expect(SitePath.relative("metrics/a.html#x", from: "hypotheses/h1.html") == "../metrics/a.html#x")
        #expect(SitePath.relative("index.html", from: "index.html") == "index.html")
        #expect(SitePath.relative("a b/c?.png", from: "x/y/z.html") == "../../a%20b/c%3F.png")
        #expect(SitePath.relative("#top", from: "x/y.html") == "#top")
    }

    @Test func anchorsAreSlugsMadeUniqueInOrder() {
        let page = SampleSite.model().pages[1]
        #expect(page.anchors.sections == ["statement", "result", "result-2"])
        #expect(page.anchors.blocks[2] == ["figure-reach-against-improvability-script-alert-x", nil])
        #expect(Slug.make("Kendall's τ-b (H1)", fallback: "s") == "kendall-s-b-h1")
        #expect(Slug.make("τ", fallback: "section") == "section")
        #expect(Slug.make("Café Über", fallback: "s") == "cafe-uber")
    }
}

/// From a primary test's row to the figure panel that shows it, and back: the row's setting links to an
/// anchor inside the figure, the anchor names the row and the panel's key, and that key is the key of a
/// panel in the figure's point data (the site's script outlines it from there).
@Suite struct TestRowToFigurePanelTests {
    @Test func everyPrimaryRowLinksToAPanelOfItsFigureAndThePanelLinksBack() throws {
        let output = ReportFixtures.synthetic
        let content = try ReportContent(output: output)
        let figures = try FigureSet.render(output, threads: 2, sourceDateEpoch: 0)
        let page = content.hypothesisPage(.h1)
        let panels = page.sections.flatMap(\.blocks).flatMap { block -> [(figure: String, anchor: FigureRef.PanelAnchor)] in
            guard case .figure(let figure) = block else { return [] }
            return figure.panels.map { (figure.basePath, $0) }
        }
        let primary = output.results.hypotheses.filter { $0.hypothesis == .h1 && $0.primary }
        let linked = primary.filter { content.figureShowing($0) != nil }
        #expect(linked.count >= primary.count / 2, "most primary tests have a panel")
        let rows = page.sections.flatMap(\.blocks).flatMap { block -> [Table.Row] in
            guard case .table(let table) = block else { return [] }
            return table.rows
        }
        for test in linked {
            let rowID = ReportContent.rowID(of: test)
            let row = try #require(rows.first { $0.id == rowID }, "row \(rowID)")
            let anchor = try #require(panels.first { $0.anchor.rowID == rowID }, "no panel links back to \(rowID)")
            #expect(row.cells[1].link == "#" + anchor.anchor.id)
            let script = try #require(figures[anchor.figure + ".data.js"], "\(anchor.figure) has no point data")
            let text = String(decoding: script, as: UTF8.self)
            let json = try #require(text.range(of: "] = ").map { text[$0.upperBound...].dropLast(2) })
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let keys = (object?["panels"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
            #expect(keys.contains(anchor.anchor.key), "\(anchor.figure) has no panel \(anchor.anchor.key): \(keys)")
        }
    }
}
