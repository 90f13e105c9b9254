import Testing
import TestSupport

/// Pages of the small analysis's site as HTML text: wording, tables and links byte for byte.
@Suite("Page snapshots")
struct PageSnapshotTests {
    @Test("the index, a hypothesis page and a metric page equal their golden copies",
          arguments: ["index.html", "hypotheses/h1.html", "metrics/synthetic-easy-test.html", "methods.html",
                      "search-algorithms.html"])
    func page(path: String) throws {
        let folder = try ReportFixtures.site(ReportFixtures.synthetic)
        let bytes = Array(try folder.read("site/" + path).utf8)
        let mismatch = Snapshot.mismatch(bytes, golden: path.replacingOccurrences(of: "/", with: "--") + ".gz")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
