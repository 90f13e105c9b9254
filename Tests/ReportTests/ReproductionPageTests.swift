import Analysis
@testable import Benchmark
import Foundation
import Landscape
import Support
import Testing
@testable import Report

/// The Reproduction page and the isomorphism sections, on small analyses of the synthetic landscape.
@Suite("Reproduction page") struct ReproductionPageTests {
    /// The synthetic landscape's metrics under the three column names of the lab's published study, with every
    /// cell its own isomorphism class.
    static let labStudy: AnalysisOutput = {
        let base = SyntheticSource.make(seed: 0)
        let metrics = LabPublished.columns.enumerated().map { index, column in
            Metric(dataset: "lab\(index)", split: "test", epochs: 200, column: column, values: base.metrics[index % base.metrics.count].values)
        }
        let classes = base.cells.indices.map { "class-\($0)" }
        return ReportFixtures.run(Benchmark(source: base.source, cells: base.cells, metrics: metrics, isomorphismClasses: classes))
    }()

    @Test func publishedValuesAreCompiledIn() {
        #expect(LabPublished.values.keys.sorted() == LabPublished.columns.sorted())
        for column in LabPublished.columns {
            let values = LabPublished.values[column]!
            #expect(LabCompatibleLandscape.CodingKeys.allCases.allSatisfy { values[$0] != nil }, "\(column)")
        }
        #expect(LabPublished.values["CIFAR10TestAccuracy200Epochs"]?.weakBasinExtent == 0.998912)
        #expect(LabPublished.values["ImageNetTestAccuracy200Epochs"]?.correlationLength == 2.229774557)
    }

    @Test func everyPublishedValueHasARowAndEveryDifferenceACause() throws {
        let reproduction = try #require(Self.labStudy.results.reproduction)
        #expect(reproduction.count == 3)
        for (_, metric) in reproduction {
            #expect(metric.entries.count == 30)
            for entry in metric.entries {
                #expect((entry.status == .reproducedExactly) == (entry.cause == nil), "\(entry.field)")
                #expect((entry.cause == nil) == (entry.explanation == nil), "\(entry.field)")
            }
        }
        let content = try ReportContent(output: Self.labStudy, figures: [])
        let page = try #require(content.model.pages.first { $0.path == ReportContent.reproductionPath })
        let tables = page.sections.flatMap(\.blocks).compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 4)  // the summary and one per metric
        #expect(tables.dropFirst().allSatisfy { $0.rows.count == 30 })
        #expect(tables[0].rows.count == 3)
        #expect(content.model.navigation.contains { $0.title == "Reproduction" })
    }

    @Test func withoutThePublishedMetricsThePageSaysWhy() throws {
        #expect(ReportFixtures.synthetic.results.reproduction == nil)
        let content = try ReportContent(output: ReportFixtures.synthetic, figures: [])
        let page = try #require(content.model.pages.first { $0.path == ReportContent.reproductionPath })
        let paragraphs = page.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .paragraph(let text) = block { return text }
            return nil
        }
        #expect(paragraphs.count == 1)
        #expect(paragraphs[0].hasPrefix("Not shown: the input carries none of the three metrics"))
        #expect(paragraphs[0].contains("CIFAR10TestAccuracy200Epochs"))
    }

    @Test func metricPagesShowTheIsomorphismClassesWhenKnown() throws {
        let lab = try ReportContent(output: Self.labStudy, figures: [])
        let metricPages = lab.model.pages.filter { $0.path.hasPrefix("metrics/") }
        #expect(metricPages.count == 3)
        for page in metricPages {
            let section = try #require(page.sections.first { $0.heading == "Isomorphism" }, "\(page.path)")
            guard case .table(let table) = section.blocks[1] else { Issue.record("no table"); continue }
            // Every cell its own class: 15,625 classes and every local maximum alone in its class.
            #expect(table.rows[0].cells[0].text == NumberFormat.integer(15_625))
            #expect(table.rows[6].cells[0].text == table.rows[4].cells[0].text)
        }
        let synthetic = try ReportContent(output: ReportFixtures.synthetic, figures: [])
        #expect(!synthetic.model.pages.contains { page in page.sections.contains { $0.heading == "Isomorphism" } })
    }
}
