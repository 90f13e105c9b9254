import Analysis
import Testing
import TestSupport

/// The small analysis's results folder, byte for byte: a refactoring that changes any number, field
/// or column shows up here first.
@Suite("Analysis snapshots")
struct AnalysisSnapshotTests {
    @Test("results.json and the CSV tables of the small analysis equal their golden copies",
          arguments: ["results.json", "tables/hypotheses.csv", "tables/improvability.csv", "tables/landscape.csv",
                      "tables/metrics.csv", "tables/operators.csv", "tables/breakdowns.csv", "tables/deciles.csv",
                      "tables/search-algorithms.csv"])
    func resultsFolder(path: String) throws {
        let files = try SmallAnalysis.output.files()
        let bytes = try #require(files[path], "the results folder has no \(path)")
        let golden = path.replacingOccurrences(of: "tables/", with: "")
        #expect(Snapshot.mismatch(bytes, golden: golden) == nil, "\(Snapshot.mismatch(bytes, golden: golden) ?? "")")
    }
}
