import Support
import Analysis
import ArgumentParser
import Figures
import Foundation
import Report

/// `nasreach render`: figures and HTML from a results folder, without recomputing anything.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the figures and write the static site from a results folder (no recomputation).",
        discussion: """
        DIR2 is replaced atomically: a failed run leaves an existing report untouched. With --config, \
        the file's 'site' block (title, authors, abstract, citation, url) replaces the one in the results.

        Examples:
          nasreach render --results results --out public
          nasreach render --results results --config site.json --out public
        """
    )

    @Option(name: .long, help: ArgumentHelp("A results folder written by 'analyze'.", valueName: "DIR"))
    var results: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("A JSON configuration whose 'site' block names the report (nothing is recomputed).", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: "Worker threads for drawing (default: all cores). The output never depends on it.")
    var threads: Int?

    @Flag(name: .long, help: "Print nothing but errors and the path of index.html.")
    var quiet = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let theme = try site.theme()
            try site.folder.checkReplaceable()
            try AnalysisCommand.guardOutput(site.folder.output)
            let progress = ProgressReporter(quiet: quiet)
            progress.begin(.readingResults)
            var output = try ResultsFolder.load(results)
            // Only the presentation changes: the numbers stay those the results folder holds.
            if let config { output.results.configuration.site = try Configuration.load(path: config).site }
            try site.render(output, theme: theme, threads: threads ?? Parallel.defaultThreads, progress: progress)
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

    /// Figures, then pages; ends by printing where the site is.
    func render(_ output: AnalysisOutput, theme: Theme, threads: Int, progress: ProgressReporter) throws {
        progress.begin(.figures)
        let figures = try FigureSet.render(output, threads: threads, sourceDateEpoch: try RunMetadata.sourceDateEpoch())
        progress.begin(.site)
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        try ReportBuilder.write(output: output, figureFiles: consume figures, theme: theme, to: folder)
        if !progress.isQuiet {
            Terminal.error("stage timings:")
            progress.summary().forEach(Terminal.error)
        }
        let size = FolderSize(of: folder)
        Terminal.line("report: \(folder.appendingPathComponent("index.html").path) (\(size.description))")
    }
}
