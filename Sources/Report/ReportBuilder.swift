import Analysis
import Figures
import Foundation

/// The report stage in one call, for the CLI's `render` and `report` commands.
public enum ReportBuilder {
    /// Builds the pages for `output`, adds `data/results.json` and `data/tables/*.csv`, and writes the site
    /// atomically: `outDir` is replaced only by a complete, checked site.
    ///
    /// - Parameters:
    ///   - figureFiles: the drawn figures by site path, `<FigureEntry.path>.png|svg|pdf`; every catalog
    ///     entry needs all three.
    ///   - figures: the entries the pages link, by default `FigureCatalog.entries(for: output.results)`.
    /// - Throws: `SiteError` (nothing is written then), or an encoding error of the results.
    public static func write(output: AnalysisOutput, figureFiles: [String: [UInt8]], figures: [FigureEntry]? = nil,
                             theme: Theme = .default, to outDir: URL) throws {
        let content = try ReportContent(output: output, figures: figures)
        try SiteWriter(theme: theme).write(content.model, figures: .files(figureFiles.mapValues { Data($0) }),
                                           extraFiles: content.dataFiles, to: outDir)
    }
}
