import Analysis
import Figures
import Foundation
import Plotting
import Support

/// The report stage in one call, for the CLI's `render` and `report` commands.
public enum ReportBuilder {
    /// Builds the pages for `output`, adds `data/results.json.gz` and `data/tables/*.csv`, and writes the site
    /// atomically: `outDir` is replaced only by a complete, checked site.
    ///
    /// - Parameters:
    ///   - figureFiles: the drawn figures by site path, `<FigureEntry.path>.png|svg|pdf`; every catalog
    ///     entry needs all three.
    ///   - figures: the entries the pages link, by default `FigureCatalog.entries(for: output.results)`.
    ///   - threads: workers for the tables and pages; the bytes never depend on it.
    ///   - progress: called with (pages done, pages in all) as pages are rendered.
    /// - Throws: `SiteError` (nothing is written then), or an encoding error of the results.
    public static func write(output: AnalysisOutput, figureFiles: consuming [String: [UInt8]], figures: [FigureEntry]? = nil,
                             theme: Theme = .default, threads: Int = 1, to outDir: URL,
                             progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws {
        try write(try ReportContent(output: output, figures: figures, threads: threads), figureFiles: figureFiles, theme: theme,
                  threads: threads, to: outDir, progress: progress)
    }

    /// `write(output:…)` with the content already prepared.
    public static func write(_ content: ReportContent, figureFiles: consuming [String: [UInt8]], theme: Theme = .default,
                             threads: Int = 1, to outDir: URL,
                             progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws {
        try write(content.model, dataFiles: content.dataFiles, figureFiles: figureFiles, theme: theme, threads: threads, to: outDir,
                  progress: progress)
    }

    private static func write(_ model: SiteModel, dataFiles: [String: Data], figureFiles: consuming [String: [UInt8]], theme: Theme,
                              threads: Int, to outDir: URL, progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) throws {
        // The figures are taken over, not copied: each leaves `pending` as it becomes `Data`.
        var pending = figureFiles
        var figureData: [String: Data] = [:]
        for path in pending.keys.sorted() { figureData[path] = Data(pending.removeValue(forKey: path)!) }
        try SiteWriter(theme: theme).write(model, figures: .files(figureData), extraFiles: dataFiles, to: outDir,
                                           threads: threads, progress: progress)
    }

    /// Draws the figures of `output` in `preset` and writes its site, as `FigureSet.render` then
    /// `write(output:…)` would, byte for byte. The downloads (tables, their compression, the results
    /// JSON) and the pages' model need no figure, so they are prepared on a thread of their own while
    /// the figures are drawn:
    /// the workers that finish drawing early, and the serial steps of either, leave no core idle.
    ///
    /// - Parameters:
    ///   - figuresDone: called once the figures are drawn, before the pages are written.
    ///   - figuresProgress, progress: as `FigureSet.render`'s and `write(output:…)`'s.
    public static func render(output: AnalysisOutput, preset: Preset = .screen, sourceDateEpoch: Int?, theme: Theme = .default,
                              threads: Int = 1, to outDir: URL,
                              figuresProgress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in },
                              figuresDone: () -> Void = {},
                              progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws {
        let content = Background { () throws -> (model: SiteModel, dataFiles: [String: Data]) in
            let content = try ReportContent(output: output, threads: threads)
            return (content.model, content.dataFiles)
        }
        let figureFiles = try FigureSet.render(output, threads: threads, preset: preset, sourceDateEpoch: sourceDateEpoch,
                                               progress: figuresProgress)
        figuresDone()
        let (model, dataFiles) = try content.value()
        try write(model, dataFiles: dataFiles, figureFiles: figureFiles, theme: theme, threads: threads, to: outDir, progress: progress)
    }
}
