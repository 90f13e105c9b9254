import Figures
import Testing
import TestSupport

/// One figure of each kind that the report leans on, as SVG text: layout, marks and labels byte for byte.
@Suite("Figure snapshots")
struct FigureSnapshotTests {
    @Test("the SVG of the key figure and of one reach scatter equal their golden copies",
          arguments: ["overview/tau-by-path-length.svg", "synthetic-easy-test/reach-vs-improvability-always.svg"])
    func svg(path: String) throws {
        let bytes = try #require(SmallOutput.files["figures/" + path], "no figure figures/\(path) in \(SmallOutput.files.keys.sorted().prefix(8))…")
        let golden = path.replacingOccurrences(of: "/", with: "--")
        let mismatch = Snapshot.mismatch(bytes, golden: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("the data file of the distribution figure equals its golden copy")
    func dataFile() throws {
        let path = "synthetic-easy-test/distribution"
        let bytes = try #require(SmallOutput.dataFile("figures/" + path))
        let mismatch = Snapshot.mismatch(bytes, golden: path.replacingOccurrences(of: "/", with: "--") + ".json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
