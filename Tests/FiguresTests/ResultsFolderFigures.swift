import Analysis
import Figures
import Foundation
import Plotting
import Testing

/// Draws the figure set of a real results folder for a person to look at, and times it. Runs only
/// when `NASREACH_FIGURE_RESULTS` names a results folder (e.g. /work/sample-results); the files go to
/// `NASREACH_FIGURE_OUT` (default /tmp/figures), in the preset `NASREACH_FIGURE_PRESET` names
/// (default screen).
@Test(.enabled(if: ProcessInfo.processInfo.environment["NASREACH_FIGURE_RESULTS"] != nil))
func writeFiguresOfResultsFolder() throws {
    let environment = ProcessInfo.processInfo.environment
    let output = try ResultsFolder.load(environment["NASREACH_FIGURE_RESULTS"]!)
    let target = environment["NASREACH_FIGURE_OUT"] ?? "/tmp/figures"
    let clock = ContinuousClock()
    let start = clock.now
    let preset = try #require(Preset(rawValue: environment["NASREACH_FIGURE_PRESET"] ?? "screen"))
    let files = try FigureSet.render(output, threads: 2, preset: preset, sourceDateEpoch: 0)
    let elapsed = clock.now - start
    print("rendered \(files.count) files of \(output.results.metrics.count) metrics in \(elapsed)")
    for (path, bytes) in files {
        let url = URL(fileURLWithPath: target).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    #expect(files.count == FigureCatalog.entries(for: output.results).count * 3)
}
