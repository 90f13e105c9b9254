import Support
import Analysis
import ArgumentParser
import Figures
import Foundation
import Plotting
import Report

/// `nasreach render`: figures and HTML from a results folder, without recomputing anything.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the figures and write the static site from a results folder (no recomputation).",
        discussion: """
        DIR2 is replaced atomically: a failed run leaves an existing report untouched. With --config, \
        the file's 'site' block (title, authors, abstract, citation, url) replaces the one in the results \
        and its 'figures' block sets the figure preset.

        Examples:
          nasreach render --results results --out public
          nasreach render --results results --out paper --config paper.json
        """
    )

    @Option(name: .long, help: ArgumentHelp("A results folder written by 'analyze'.", valueName: "DIR"))
    var results: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("A JSON configuration file; only its 'site' and 'figures' blocks apply (nothing is recomputed).", valueName: "FILE"))
    var config: String?

    @OptionGroup var workers: ThreadOptions

    @Flag(name: .long, help: "Print nothing but errors and the path of index.html.")
    var quiet = false

    func run() throws {
        try reportingErrors {
            let theme = try site.theme()
            let configuration = try config.map { try Configuration.load(path: $0) }
            try site.folder.checkReplaceable()
            try AnalysisCommand.guardOutput(site.folder.output)
            let progress = ProgressReporter(quiet: quiet)
            progress.begin(.readingResults)
            var output = try ResultsFolder.load(results)
            // Only the presentation changes: the numbers stay those the results folder holds.
            if let configuration { output.results.configuration.site = configuration.site }
            try site.render(output, figures: configuration?.figures ?? Configuration.FigureOptions(), theme: theme,
                            threads: workers.workerCount, progress: progress)
        }
    }
}

/// Options of the commands that write a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder to write (replaced atomically).", valueName: "DIR"))
    var out = "public"

    @Option(name: .long, help: ArgumentHelp("Use the Mustache templates (and site assets) in DIR instead of the built-in look.", valueName: "DIR"))
    var templates: String?

    var folder: AtomicFolder { AtomicFolder(URL(fileURLWithPath: out), marker: SiteWriter.markerFileName) }

    func theme() throws -> Theme {
        guard let templates else { return .default }
        let folder = URL(fileURLWithPath: templates)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(message: "--templates \(templates): no such folder", status: ExitStatus.missingInput)
        }
        return try Theme.load(templatesDirectory: folder, assetsDirectory: folder)
    }

    /// Figures in the configured preset (the downloads prepared meanwhile), then pages; ends by printing where the site is.
    func render(_ output: AnalysisOutput, figures options: Configuration.FigureOptions, theme: Theme, threads: Int,
                progress: ProgressReporter) throws {
        progress.begin(.figures)
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        try ReportBuilder.render(output: output, preset: Preset(options.preset), sourceDateEpoch: try RunMetadata.sourceDateEpoch(),
                                 theme: theme, threads: threads, to: folder,
                                 figuresProgress: { done, total in progress.update(.figures, done: done, total: total) },
                                 figuresDone: { progress.begin(.site) },
                                 progress: { done, total in progress.update(.site, done: done, total: total) })
        if !progress.isQuiet {
            Terminal.error("stage timings:")
            progress.summary().forEach(Terminal.error)
        }
        let size = FolderSize(of: folder)
        Terminal.line("report: \(folder.appendingPathComponent("index.html").path) (\(size.description))")
    }
}
