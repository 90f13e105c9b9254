import Analysis
import Figures
import Foundation
@testable import Report
import Testing

@Suite("Search algorithms page")
struct SearchAlgorithmsPageTests {
    @Test("the page exists, is linked from the index and the navigation, and its links resolve")
    func pageIsLinked() throws {
        let folder = try ReportFixtures.site(ReportFixtures.synthetic)
        let root = folder.url.appendingPathComponent("site")
        #expect(SiteCheck.problems(in: root).isEmpty)
        let index = try folder.read("site/index.html")
        #expect(ReportFixtures.links(in: index, page: "index.html").contains("search-algorithms.html"))
        let page = try folder.read("site/search-algorithms.html")
        for link in ReportFixtures.links(in: page, page: "search-algorithms.html") where !link.contains("://") {
            let path = String(link.split(separator: "#").first ?? "")
            guard !path.isEmpty else { continue }
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(link) is linked but missing")
        }
        let model = try ReportContent(output: ReportFixtures.synthetic).model
        #expect(model.navigation.contains { $0.target == "search-algorithms.html" })
        #expect(page.contains("127") && page.contains("(N + 1)/(m + 1)"))
        for entry in FigureCatalog.entries(for: ReportFixtures.synthetic.results)
            where [.algorithmFixedBudget, .algorithmRuntimes, .algorithmMap].contains(entry.kind) {
            #expect(page.contains(entry.path + ".png"), "\(entry.path)")
        }
    }

    @Test("the catalog draws fixed-budget curves, runtime ECDFs and the map for every metric")
    func catalog() {
        let results = ReportFixtures.synthetic.results
        let entries = FigureCatalog.entries(for: results)
        for metric in results.metrics {
            for kind in [FigureEntry.Kind.algorithmFixedBudget, .algorithmRuntimes, .algorithmMap] {
                #expect(entries.filter { $0.kind == kind && $0.metric == metric.id }.count == 1, "\(kind) \(metric.id)")
            }
        }
    }

    @Test("the findings follow the numbers: the fewest-query algorithm and the budget leaders change with them")
    func findingsFollowTheNumbers() throws {
        var records = ReportFixtures.synthetic.results.searchAlgorithms
        let metric = try #require(records.first?.metric)
        let before = ReportContent.searchAlgorithmFindings(records, metrics: [metric]).joined()
        let indices = records.indices.filter { records[$0].metric == metric }
        // Make the last algorithm of the metric by far the fastest and the leader at every budget.
        let last = try #require(indices.last)
        records[last].queriesToGlobalMax.mean = 0.5
        records[last].queriesToGlobalMax.standardError = 0
        records[last].fixedBudget.meanBest = records[last].fixedBudget.meanBest.map { _ in 1000 }
        let after = ReportContent.searchAlgorithmFindings(records, metrics: [metric]).joined()
        let name = records[last].algorithm.displayName
        #expect(before != after)
        #expect(after.contains("\(metric), \(name) needs the fewest queries"))
        #expect(after.contains("queries \(name) leads") && after.contains("\(records[last].budget) \(name) leads"))
        // And the other way round: the slowest when its mean is the largest.
        records[last].queriesToGlobalMax.mean = 1e9
        #expect(ReportContent.searchAlgorithmFindings(records, metrics: [metric]).joined().contains("and \(name) the most"))
    }

    @Test("the findings place the algorithms' reach against the optimal reach, and follow it when it moves")
    func findingsPlaceReachAgainstTheOptimum() throws {
        let results = ReportFixtures.synthetic.results
        let metric = try #require(results.searchAlgorithms.first?.metric)
        let records = results.searchAlgorithms.filter { $0.metric == metric }
        var optimum = try #require(results.optimalReach.first {
            $0.metric == metric && $0.acceptance == .improving && $0.pathLength == records[0].mapPathLength && $0.group == .top10
                && $0.statistic.improvability == .meanImprovability && $0.statistic.reachMeasure == .reach
        })
        (optimum.reach, optimum.ciLower, optimum.ciUpper) = (3, 0, 6.5)
        let wide = try #require(ReportContent.reachRelativeToOptimum(records, optimalReach: [optimum]))
        #expect(wide.contains("peaks at reach 3") && wide.contains("0 below and 0 above"), "\(wide)")
        (optimum.reach, optimum.ciLower, optimum.ciUpper) = (6, 5.9, 6)
        let narrow = try #require(ReportContent.reachRelativeToOptimum(records, optimalReach: [optimum]))
        #expect(narrow.contains("none inside that interval") && narrow.contains("\(records.count) below"), "\(narrow)")
        #expect(ReportContent.reachRelativeToOptimum(records, optimalReach: []) == nil)
    }
}
