import Analysis
@testable import Benchmark
import Figures
import Foundation
import TestSupport
@testable import Report

/// A small analysis of the synthetic benchmark, run once and shared by the content tests (a few seconds).
enum ReportFixtures {
    static func run(_ benchmark: Benchmark) -> AnalysisOutput { TestSupport.SmallAnalysis.run(benchmark) }

    static let synthetic = TestSupport.SmallAnalysis.output

    /// One metric whose dataset name is markup: every page must show it as text.
    static let hostileName = #"<script>alert("x")</script>"#
    static let hostile: AnalysisOutput = {
        let base = SyntheticSource.make(seed: 0)
        let metric = Metric(dataset: hostileName, split: "test", epochs: 200, column: hostileName + "/test", values: base.metrics[0].values)
        return run(Benchmark(source: base.source, cells: base.cells, metrics: [metric]))
    }()

    /// A valid 1×1 PNG; the pages take figure sizes from the catalog, so any PNG will do.
    static let png = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!)

    /// Stand-ins for the Figures stage: every catalog entry in all three formats, with its data file.
    static func placeholderFigures(for results: Results) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for entry in FigureCatalog.entries(for: results) {
            files[entry.path + ".png"] = png
            files[entry.path + ".svg"] = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>"#.utf8)
            files[entry.path + ".pdf"] = Array("%PDF-1.4\n%%EOF\n".utf8)
            files[entry.path + "." + FigureSet.dataFileExtension] = Array("{}\n".utf8)
        }
        return files
    }

    /// Writes the report of `output` into a fresh folder.
    static func site(_ output: AnalysisOutput) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try ReportBuilder.write(output: output, figureFiles: placeholderFigures(for: output.results),
                                to: folder.url.appendingPathComponent("site"))
        return folder
    }

    /// Site-relative targets of the `href`s of one page (fragments dropped, resolved against the page's folder).
    static func links(in html: String, page: String) -> [String] {
        let folder = page.split(separator: "/").dropLast().map(String.init)
        return HTMLScanner.tokens(html).compactMap { located -> String? in
            guard case .start(_, let attributes) = located.token, let href = attributes["href"] else { return nil }
            let path = String(href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
            guard !path.isEmpty else { return nil }
            var parts = folder
            for component in path.split(separator: "/") {
                if component == ".." { parts.removeLast() } else { parts.append(String(component)) }
            }
            return parts.joined(separator: "/").removingPercentEncoding
        }
    }
}
