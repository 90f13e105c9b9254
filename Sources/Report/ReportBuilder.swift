import Analysis
import Figures
import Foundation

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
        let content = try ReportContent(output: output, figures: figures, threads: threads)
        // The figures are taken over, not copied: each leaves `pending` as it becomes `Data`.
        var pending = figureFiles
        var figureData: [String: Data] = [:]
        for path in pending.keys.sorted() { figureData[path] = Data(pending.removeValue(forKey: path)!) }
        try SiteWriter(theme: theme).write(content.model, figures: .files(figureData), extraFiles: content.dataFiles, to: outDir, progress: progress)
    }
}
