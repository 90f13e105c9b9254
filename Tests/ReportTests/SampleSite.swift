import Support
import Foundation
@testable import Report

/// A small but complete report model exercising every block kind, a page in a subfolder,
/// linked cells and hostile text, shared by the rendering and writer tests.
enum SampleSite {
    static let hostile = #"<script>alert("x")</script> & 'quoted'"#

    static func model(title: String = "NATS reach report " + hostile) -> SiteModel {
        let figure = FigureRef(
            basePath: "figures/cifar10-ori-test/reach-vs-improvability",
            caption: "Reach against improvability " + hostile,
            altText: "Scatter plot: improvability falls as reach grows"
        )
        let verdicts = Table(
            caption: "Verdicts " + hostile,
            columns: ["Hypothesis", "Metric", "τ", "p (Holm)", "Verdict"],
            rows: [
                .init(header: Table.Cell("H1", link: "hypotheses/h1.html"), cells: [
                    Table.Cell("cifar10 test", link: "metrics/cifar10-ori-test.html#summary"),
                    .number(-0.4321),
                    .number(3.2e-7, text: NumberFormat.pValue(3.2e-7)),
                    Table.Cell("supported", cssClass: "verdict-supported"),
                ]),
                .init(header: Table.Cell(hostile), cells: [
                    "cifar100 test", .number(nil), .number(nil, text: NumberFormat.pValue(nil)),
                    Table.Cell("undefined", cssClass: "verdict-undefined"),
                ]),
            ]
        )
        let index = Page(path: "index.html", title: "Overview", intro: ["Does reach predict improvability? " + hostile], sections: [
            Section("Verdicts", [.paragraph("One row per hypothesis and metric."), .table(verdicts)]),
            Section("Headline figure " + hostile, [.figure(figure)]),
            Section("Downloads", [.paragraph("The full results are in data/results.json.")]),
        ])
        let h1 = Page(path: "hypotheses/h1.html", title: "H1: reach and improvability",
                      breadcrumbs: [Link("Overview", to: "index.html")], sections: [
            Section("Statement", [.paragraph("Operators with a larger reach improve less often.")]),
            Section("Result", [.definitions([Definition("τ", NumberFormat.number(-0.4321)), Definition("Term " + hostile, hostile)])]),
            Section("Result", [.figure(figure), .paragraph("Back to the [verdicts].")]),
        ])
        let metric = Page(path: "metrics/cifar10-ori-test.html", title: "cifar10 test",
                          breadcrumbs: [Link("Overview", to: "index.html")], sections: [
            Section("Summary", [.definitions([Definition("Cells", NumberFormat.integer(15_625))])]),
        ])
        return SiteModel(
            title: title,
            isSynthetic: true,
            provenance: Provenance(input: "synthetic", inputSHA256: String(repeating: "ab", count: 32), seed: 0,
                                   version: "0.1.0", generatedAt: "2024-01-01T00:00:00Z"),
            navigation: [Link("Overview", to: "index.html"), Link("H1", to: "hypotheses/h1.html"),
                         Link("Downloads", to: "data/results.json")],
            pages: [index, h1, metric]
        )
    }

    /// Stand-ins for the Figures stage's output: a PNG header is all the writer reads.
    static let figures: FigureSource = .files([
        "figures/cifar10-ori-test/reach-vs-improvability.png": pngHeader(width: 800, height: 500),
        "figures/cifar10-ori-test/reach-vs-improvability.svg": Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8),
        "figures/cifar10-ori-test/reach-vs-improvability.pdf": Data("%PDF-1.4".utf8),
    ])

    static let extraFiles = ["data/results.json": Data("{\"schema\":\"nasreach/results@1\"}".utf8)]

    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { bytes += (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        return Data(bytes + [8, 6, 0, 0, 0, 0, 0, 0, 0])
    }
}

/// A fresh temporary folder per test, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("report-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }
}
