import Support
import Analysis
import Search
import Figures
import Foundation
@testable import Report
import TestSupport
import Testing

@Suite("Report content")
struct ReportContentTests {
    @Test("the site of a small synthetic analysis passes every check and links only existing pages")
    func siteChecks() throws {
        let folder = try ReportFixtures.site(ReportFixtures.synthetic)
        let root = folder.url.appendingPathComponent("site")
        #expect(SiteCheck.problems(in: root).isEmpty)
        let index = try folder.read("site/index.html")
        let pages = Set(ReportFixtures.links(in: index, page: "index.html").filter { $0.hasSuffix(".html") })
        #expect(pages.isSuperset(of: ["hypotheses/h1.html", "hypotheses/h2.html", "hypotheses/h3.html", "methods.html", "downloads.html"]))
        #expect(pages.isSuperset(of: ReportFixtures.synthetic.results.metrics.map { "metrics/\($0.slug).html" }))
        for page in pages {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(page).path), "\(page) is linked but missing")
        }
        #expect(index.contains("Synthetic data."))
    }

    @Test("the downloads page links every figure in three formats with its data, results.json.gz and every CSV table")
    func downloads() throws {
        let folder = try ReportFixtures.site(ReportFixtures.synthetic)
        let links = Set(ReportFixtures.links(in: try folder.read("site/downloads.html"), page: "downloads.html"))
        let entries = FigureCatalog.entries(for: ReportFixtures.synthetic.results)
        #expect(entries.count > 10)
        for entry in entries {
            for format in ["png", "svg", "pdf", FigureSet.dataFileExtension] { #expect(links.contains(entry.path + "." + format), "\(entry.path).\(format)") }
        }
        let tables = try ReportFixtures.synthetic.tables(numbers: .exact, splitByMetric: true).keys
        let slugs = ReportFixtures.synthetic.results.metrics.map(\.slug)
        #expect(Set(tables.filter { $0.hasPrefix("tables/improvability") }) == Set(slugs.map { "tables/improvability-\($0).csv" }))
        // A table above the compression threshold is linked as its .csv.gz, the results file always compressed.
        for path in tables { #expect(links.contains("data/" + path) || links.contains("data/" + path + ".gz"), "data/\(path)") }
        #expect(links.contains("data/results.json.gz") && !links.contains("data/results.json"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site/data/results.json").path))
        let written = Data(Snapshot.gunzip([UInt8](try Data(contentsOf: folder.url.appendingPathComponent("site/data/results.json.gz")))))
        #expect([UInt8](written) == (try AnalysisOutput.encode(ReportFixtures.synthetic.results, layout: .compact)))
        // The same values as the results folder's indented file, every number at full precision.
        #expect(try JSONDecoder().decode(Results.self, from: written) == ReportFixtures.synthetic.results)
        #expect(!written.contains(UInt8(ascii: "\n")) || written.firstIndex(of: UInt8(ascii: "\n")) == written.count - 1)
    }

    @Test("the index verdict table, read back from its CSV, counts exactly the primary tests of results.hypotheses")
    func verdictTableMatchesResults() throws {
        let output = ReportFixtures.synthetic
        let folder = try ReportFixtures.site(output)
        let model = try ReportContent(output: output).model
        let index = try #require(model.pages.first { $0.path == "index.html" })
        let caption = "Verdicts of the primary tests by hypothesis, experiment, acceptance rule and metric"
        let id = try #require(index.anchor(ofTableCaptioned: caption))
        let csv = try folder.read("site/" + PageContext.csvPath(page: index, tableID: id))
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let metrics = output.results.metrics.map(\.id)
        #expect(lines[0] == ["Hypothesis", "Experiment", "Acceptance"] + metrics)
        let experiments = Dictionary(uniqueKeysWithValues: Experiment.allCases.map { ($0.displayName, $0) })
        var covered = 0
        for line in lines.dropFirst() {
            let experiment = try #require(experiments[line[1]])
            for (column, metric) in metrics.enumerated() {
                let tests = output.results.hypotheses.filter {
                    $0.primary && $0.hypothesis.rawValue == line[0] && $0.experiment == experiment && $0.acceptance.label == line[2] && $0.metric == metric
                }
                let parsed = try #require(VerdictSummary.parse(line[3 + column]), "\(line[3 + column])")
                #expect(parsed.counts == Dictionary(tests.map { ($0.verdict, 1) }, uniquingKeysWith: +), "\(line)")
                covered += parsed.total
            }
        }
        #expect(covered == output.results.hypotheses.filter(\.primary).count)
        #expect(covered > 0)
    }

    @Test("a metric named as markup is escaped everywhere: the only script element is the site's own")
    func hostileMetricIsEscaped() throws {
        let output = ReportFixtures.hostile
        #expect(output.results.metrics[0].dataset == ReportFixtures.hostileName)
        let folder = try ReportFixtures.site(output)
        let root = folder.url.appendingPathComponent("site")
        #expect(SiteCheck.problems(in: root).isEmpty)
        let pages = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count == 9, "index, H1–H3, the metric, search algorithms, reproduction, methods, downloads")
        for page in pages {
            let html = try folder.read("site/" + page)
            let scripts = html.components(separatedBy: "<script").count - 1
            #expect(scripts == 1, "\(page) has \(scripts) script tags")
            #expect(html.contains(#"<script src=""#) && html.contains(#"assets/site.js" defer></script>"#))
            #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") || html.contains("&lt;script&gt;alert(&#34;x&#34;)"),
                    "\(page) does not show the metric name as text")
        }
    }
}
