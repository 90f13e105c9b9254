import Analysis
import Benchmark
import Figures
import TestSupport

/// One small synthetic analysis shared by the tests: it takes a few seconds, so it runs once.
enum SmallOutput {
    static let configuration = SmallAnalysis.configuration
    static let output = SmallAnalysis.output

    /// Every figure file of `output`, rendered once with two threads.
    static let files: [String: [UInt8]] = try! FigureSet.render(output, threads: 2, sourceDateEpoch: 0)

    /// The decompressed data file of the figure at `path`, nil when there is none.
    static func dataFile(_ path: String) -> [UInt8]? {
        files[path + "." + FigureSet.dataFileExtension].map(Snapshot.gunzip)
    }
}
