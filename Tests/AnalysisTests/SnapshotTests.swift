import Analysis
import Testing
import TestSupport

/// The small analysis's results folder, byte for byte: a refactoring that changes any number, field
/// or column shows up here first.
@Suite("Analysis snapshots")
struct AnalysisSnapshotTests {
    @Test("the CSV tables of the small analysis equal their golden copies",
          arguments: ["tables/hypotheses.csv", "tables/improvability.csv", "tables/landscape.csv",
                      "tables/metrics.csv", "tables/operators.csv", "tables/breakdowns.csv", "tables/deciles.csv",
                      "tables/search-algorithms.csv"])
    func table(path: String) throws {
        let bytes = try #require(try SmallAnalysis.output.files()[path], "the results folder has no \(path)")
        let mismatch = Snapshot.mismatch(bytes, golden: path.replacingOccurrences(of: "tables/", with: ""))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// results.json is kept as one golden file per top-level field, so that no golden file grows past a
    /// reviewable size; the sections are cut at the field lines of the canonical encoding, so together
    /// they are exactly the file's bytes.
    @Test("results.json equals its golden copy, section by section")
    func resultsJSON() throws {
        let bytes = try #require(try SmallAnalysis.output.files()["results.json"])
        let sections = Self.sections(of: bytes)
        #expect(sections.map(\.bytes).reduce([], +) == bytes, "the sections cover the file exactly")
        #expect(sections.map(\.name).contains("hypotheses") && sections.map(\.name).contains("landscape"))
        for section in sections {
            let mismatch = Snapshot.mismatch(section.bytes, golden: "results/\(section.name).json")
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }

    /// Cuts pretty-printed JSON before each line that opens a top-level field (`  "name" : `); the
    /// opening brace goes with the first section, the closing one with the last.
    static func sections(of bytes: [UInt8]) -> [(name: String, bytes: [UInt8])] {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var sections: [(name: String, bytes: [UInt8])] = []
        var current: [UInt8] = [], name = "head"
        for (index, line) in lines.enumerated() {
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("  \""), !text.hasPrefix("   "), let end = text.dropFirst(3).firstIndex(of: "\"") {
                if !current.isEmpty, name != "head" { sections.append((name, current)); current = [] }
                name = String(text[text.index(text.startIndex, offsetBy: 3)..<end])
            }
            current += line
            if index < lines.count - 1 { current.append(UInt8(ascii: "\n")) }
        }
        sections.append((name, current))
        return sections
    }
}
