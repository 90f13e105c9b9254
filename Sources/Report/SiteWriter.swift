import Support
import Foundation

/// Writes a `SiteModel` as a static site: the steps run in a staging folder beside the output,
/// and only a complete, checked site replaces the output folder.
public struct SiteWriter: Sendable {
    public var theme: Theme
    public var steps: [BuildStep]

    /// Marks a folder as a report written by this tool, the only kind of non-empty folder `write` replaces.
    public static let markerFileName = ".nasreach-report"

    public init(theme: Theme = .default, steps: [BuildStep] = SiteWriter.standardSteps) {
        self.theme = theme
        self.steps = steps
    }

    /// Validate, copy figures, extra files and assets, write table CSVs, render pages, check.
    public static let standardSteps: [BuildStep] = [
        .validateModel, .copyFigures, .writeExtraFiles, .copyAssets, .writeTables, .renderPages, .checkSite,
    ]

    /// Builds the site for `model` and atomically replaces `outDir` with it.
    ///
    /// - Parameters:
    ///   - figures: the figure files the model's `FigureRef`s point to.
    ///   - extraFiles: further downloads by site-relative path (e.g. `data/results.json.gz`).
    ///   - threads: workers for the pages; the bytes never depend on it.
    ///   - progress: called with (pages done, pages in all) as pages are rendered, from worker threads.
    /// - Throws: `SiteError`; `outDir` is then exactly as before.
    public func write(_ model: SiteModel, figures: FigureSource = .files([:]), extraFiles: [String: Data] = [:],
                      to outDir: URL, threads: Int = 1,
                      progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws {
        try AtomicFolder(outDir, marker: Self.markerFileName).replace { staging in
            var build = SiteBuild(model: model, theme: theme, figures: figures, extraFiles: extraFiles, root: staging)
            build.progress = progress
            build.threads = threads
            for step in steps { try step.run(&build) }
        }
    }
}
