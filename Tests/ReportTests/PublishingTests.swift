import Analysis
import Foundation
import Support
import TestSupport
@testable import Report
import Testing

/// What publishing the site on a lab website needs: a light download, files a reader can open, and
/// pages that work on a phone and on paper.
@Suite("Publishing")
struct PublishingTests {
    /// `gzip -dc` of `data`, by the system's own gzip: the file must open with the tools readers have.
    static func gunzip(_ data: Data) throws -> Data {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("table.csv.gz")
        try data.write(to: file)
        let run = try ExternalCommand.run("gzip", ["-dc", file.path])
        #expect(run.status == 0, "gzip could not read the file")
        return run.output
    }

    @Test("tables above the threshold ship as deterministic .csv.gz, never also as .csv, and the downloads page says how to read them")
    func largeTablesAreCompressed() throws {
        let tables = try ReportFixtures.synthetic.tables(numbers: .significantDigits(ReportContent.downloadDigits), splitByMetric: true)
        let name = "tables/improvability-\(ReportFixtures.synthetic.results.metrics[0].slug).csv"
        let improvability = try #require(tables[name])
        let content = try ReportContent(output: ReportFixtures.synthetic, compressionThreshold: improvability.count - 1, threads: 2)
        let compressed = try #require(content.dataFiles["data/" + name + ".gz"])
        #expect(content.dataFiles["data/" + name] == nil)
        #expect(compressed.count < improvability.count / 3)
        // No modification time, no file name, OS "unknown": the bytes depend on the table alone.
        #expect([UInt8](compressed.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF])
        #expect(try Self.gunzip(compressed) == Data(improvability))
        #expect(try ReportContent(output: ReportFixtures.synthetic, compressionThreshold: improvability.count - 1)
            .dataFiles["data/" + name + ".gz"] == compressed)
        let smaller = tables.filter { $0.key.hasPrefix("tables/") && $0.value.count < improvability.count }
        for path in smaller.keys { #expect(content.dataFiles["data/" + path] != nil, "\(path) is small and stays plain") }

        let downloads = content.downloadsPage
        let text = downloads.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .paragraph(let text) = block { return text }
            return nil
        }.joined(separator: "\n")
        // The example is the largest compressed table (improvability.csv.gz on real data).
        let example = try #require(content.dataFiles.filter { $0.key.hasSuffix(".csv.gz") }.max { $0.value.count < $1.value.count }?.key.split(separator: "/").last)
        #expect(text.contains(#"pd.read_csv("\#(example)")"#) && text.contains("gunzip -k \(example)"), "\(text)")
        let links = downloads.sections.flatMap(\.blocks).flatMap { block -> [String] in
            guard case .table(let table) = block else { return [] }
            return table.rows.compactMap(\.header.link)
        }
        #expect(links.contains("data/" + name + ".gz") && !links.contains("data/" + name))
    }

    @Test("the default threshold compresses the per-operator tables and keeps the summaries plain, and no file of the site is shipped twice")
    func noFileTwice() throws {
        let folder = try ReportFixtures.site(ReportFixtures.synthetic)
        let root = folder.url.appendingPathComponent("site")
        let files = try Theme.files(in: root).filter { !$0.key.hasPrefix(".") }
        let slug = ReportFixtures.synthetic.results.metrics[0].slug
        #expect(files["data/tables/improvability-\(slug).csv.gz"] != nil && files["data/tables/improvability-\(slug).csv"] == nil)
        #expect(files["data/tables/metrics.csv"] != nil && files["data/tables/landscape.csv"] != nil)
        var byContents: [Data: [String]] = [:]
        for (path, data) in files where data.count > 4096 { byContents[data, default: []].append(path) }
        for paths in byContents.values where paths.count > 1 { Issue.record("the same bytes ship as \(paths.sorted())") }
    }

    @Test("on a phone the row header stays in view while a wide table scrolls in its box; print keeps figures whole and drops navigation")
    func phoneAndPrintStyles() throws {
        let css = try #require(Theme.default.assets["site.css"]).utf8String
        #expect(css.contains("table.data tbody th { position: sticky; left: 0;"))
        #expect(css.contains(".table-scroll { overflow-x: auto;"))
        // Every print block after the first "@media print" (the figures' rules have their own).
        let print = css.components(separatedBy: "@media print").dropFirst().joined()
        #expect(print.contains("figure.plot, figure.plot img { break-inside: avoid;"))
        #expect(print.contains("nav { display: none; }"))
        let table = try #require(Theme.default.templates["table"])
        #expect(table.contains(#"<div class="table-scroll""#) && table.range(of: "table-scroll")!.lowerBound < table.range(of: "<table")!.lowerBound)
    }

    @Test("a table's CSV has plain numbers, one column per interval bound, ASCII headers and minus signs, and empty missing values")
    func csvForScripts() {
        let table = Table(caption: "Tests", columns: ["Setting", "n", "τ", "95% CI", "Note"], rows: [
            Table.Row(header: "L = 1", cells: [.number(1000, text: "1 000"), .number(-0.25), .interval(-0.5, 0.125), Table.Cell("\u{2212}0.25 · τ")]),
            Table.Row(header: "L = 2", cells: [.number(nil), .number(0.1), .interval(nil, nil), Table.Cell(NumberFormat.missing)]),
        ])
        #expect(CSV.make(table) == "Setting,n,tau,ci_low,ci_high,Note\nL = 1,1000,-0.25,-0.5,0.125,-0.25 · τ\nL = 2,,0.1,,,\n")
    }

    @Test("every table CSV of the site has an ASCII header and no typographic minus, and the primary tests name tau and the two CI bounds")
    func siteCSVsAreASCII() throws {
        let folder = try ReportFixtures.site(ReportFixtures.synthetic)
        let tables = try Theme.files(in: folder.url.appendingPathComponent("site/tables"))
        #expect(!tables.isEmpty)
        for (path, data) in tables {
            #expect(data.prefix { $0 != UInt8(ascii: "\n") }.allSatisfy { $0 < 0x80 }, "\(path): header is not ASCII")
            #expect(!String(decoding: data, as: UTF8.self).contains(NumberFormat.minus), "\(path) has a U+2212 minus")
        }
        let primary = try #require(tables.first { $0.key.hasPrefix("hypotheses-h1-table-primary-tests-under-") }?.value)
        let header = String(decoding: primary.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        #expect(header.contains(",tau,") && header.contains(",ci_low,ci_high,"), "\(header)")
        #expect(!String(decoding: primary, as: UTF8.self).contains(".0,"), "whole numbers without .0")
    }

    @Test("a column with a number below 0.001 writes all its numbers in scientific notation; other columns are left alone")
    func oneNotationPerColumn() {
        let table = Table(caption: "p", columns: ["Test", "p", "τ"], rows: [
            Table.Row(header: "a", cells: [.pValue(5.33e-4), .number(0.5)]),
            Table.Row(header: "b", cells: [.pValue(0.00277), .number(0.0123)]),
            Table.Row(header: "c", cells: [.pValue(0), .number(nil)]),
        ]).inOneNotationPerColumn()
        #expect(table.rows.map { $0.cells[0].text } == ["5.3e-4", "2.8e-3", "< 1e-300"])
        #expect(table.rows.map { $0.cells[1].text } == ["0.500", "0.0123", NumberFormat.missing])
    }

    @Test("the pages speak to readers: no notes on what an internal document calls things")
    func noInternalJargon() throws {
        let folder = try ReportFixtures.site(ReportFixtures.synthetic)
        let pages = try Theme.files(in: folder.url.appendingPathComponent("site")).filter { $0.key.hasSuffix(".html") }
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            for phrase in ["the seed calls", "the seed's", "in the seed"] { #expect(!html.contains(phrase), "\(path): \(phrase)") }
        }
    }

    @Test("the configuration's site block names the report: header, <title>, author, description and citation meta tags, a citation box and cite.bib, all escaped")
    func siteMetadata() throws {
        var output = ReportFixtures.synthetic
        var site = SiteMetadata()
        site.title = #"Reach & <b>"improvability"</b>"#
        site.authors = ["A. Tao", #"B. <i>Bang</i>"#]
        site.affiliation = "Lab & Co"
        site.abstract = #"We test "H1" <to> H3."#
        site.citation = "@misc{tao2026,\n  title = {Reach & <improvability>},\n  url = {https://lab.example.org/r/}\n}"
        site.url = "https://lab.example.org/r/"
        output.results.configuration.site = site
        let folder = try ReportFixtures.site(output)
        let root = folder.url.appendingPathComponent("site")
        #expect(SiteCheck.problems(in: root) == [], "a citation address in text and meta tags is no external request")
        let index = try folder.read("site/index.html")
        let title = "Reach &amp; &lt;b&gt;&quot;improvability&quot;&lt;/b&gt;"
        #expect(index.contains("<title>Does reach predict improvability? · \(title)</title>"))
        #expect(index.contains(#"<p class="site-title"><a href="index.html">\#(title)</a></p>"#))
        #expect(index.contains(#"<p class="site-byline">A. Tao, B. &lt;i&gt;Bang&lt;/i&gt; · Lab &amp; Co</p>"#))
        #expect(index.contains(#"<meta name="author" content="A. Tao, B. &lt;i&gt;Bang&lt;/i&gt;">"#))
        #expect(index.contains(#"<meta name="description" content="We test &quot;H1&quot; &lt;to&gt; H3.">"#))
        #expect(index.contains(#"<meta name="citation_title" content="\#(title)">"#))
        #expect(index.contains(#"<meta name="citation_author" content="A. Tao">"#) && index.contains(#"<meta name="citation_author" content="B. &lt;i&gt;Bang&lt;/i&gt;">"#))
        #expect(index.contains(#"<meta name="citation_public_url" content="https://lab.example.org/r/">"#))
        #expect(index.contains("<pre class=\"preformatted\"><code>@misc{tao2026,\n  title = {Reach &amp; &lt;improvability&gt;},"))
        #expect(index.contains(#"<a href="cite.bib">cite.bib</a>"#) && index.contains("This report is published at https://lab.example.org/r/."))
        #expect(!index.contains(#"href="https"#))
        #expect(try folder.read("site/cite.bib") == site.citation! + "\n")
        let h1 = try folder.read("site/hypotheses/h1.html")
        #expect(h1.contains("<title>H1: ") && h1.contains(" · \(title)</title>") && h1.contains(#"<meta name="citation_author" content="A. Tao">"#))
    }

    @Test("without a site block the report keeps nasreach's title and has no citation")
    func noSiteBlock() throws {
        let content = try ReportContent(output: ReportFixtures.synthetic)
        #expect(content.model.title == ReportContent.siteTitle && content.model.authors.isEmpty && content.model.abstract == nil)
        #expect(content.dataFiles["cite.bib"] == nil)
        #expect(!content.model.pages[0].sections.contains { $0.heading == "Cite this report" })
    }

    @Test("a hypothesis page opens with its verdicts per experiment, rule and metric, then one section per rule with its primary table and the further tests folded")
    func hypothesisPageLayout() throws {
        let output = ReportFixtures.synthetic
        let content = try ReportContent(output: output)
        let page = content.hypothesisPage(.h1)
        let rules = output.results.configuration.acceptanceRules.map(\.label)
        #expect(Array(page.sections.map(\.heading).prefix(2 + rules.count)) == ["Verdicts", "Claim"] + rules.map { "Acceptance: " + $0 })
        let anchors = page.anchors
        guard case .table(let verdicts) = page.sections[0].blocks.last else { Issue.record("no verdict table"); return }
        #expect(verdicts.columns == ["Experiment", "Acceptance"] + output.results.metrics.map(\.id))
        for cell in verdicts.rows.flatMap(\.cells) where cell.link != nil {
            let fragment = try #require(cell.link?.split(separator: "#").last.map(String.init))
            #expect(anchors.blocks.joined().contains(fragment), "\(fragment) is a table of the page")
        }
        for (index, rule) in rules.enumerated() {
            let tables = page.sections[2 + index].blocks.compactMap { block -> Table? in
                if case .table(let table) = block { return table }
                return nil
            }
            let further = output.results.hypotheses.filter { $0.hypothesis == .h1 && $0.acceptance.label == rule && !$0.primary }
            #expect(tables.first?.caption == "Primary tests under \(rule)" && tables.first?.foldedSummary == nil)
            #expect(tables.last?.foldedSummary?.hasPrefix("Further tests under \(rule): \(further.count) rows (") == true)
        }
        let folder = try ReportFixtures.site(output)
        let html = try folder.read("site/hypotheses/h1.html")
        #expect(html.contains("<details class=\"folded-table\">\n<summary>Further tests under always: "))
        // Beside the further tests, each metric's optimal-reach table is folded too.
        let reachTables = output.results.metrics.filter { metric in output.results.optimalReach.contains { $0.metric == metric.id && $0.group == Hypothesis.h1.group } }
        #expect(html.components(separatedBy: "<details").count - 1 == rules.count + reachTables.count)
    }
}

extension Data {
    fileprivate var utf8String: String { String(decoding: self, as: UTF8.self) }
}
