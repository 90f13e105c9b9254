import Analysis
import ArgumentParser
import Foundation
import Report

/// `nasreach report`: the main job — analyse, then render the static site.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Analyse a benchmark and render the static research report (the main job).",
        discussion: """
        Runs 'analyze' and 'render' in one go; DIR/data holds results.json and every CSV table. Without \
        --data it uses the built-in synthetic landscape, and every page says so.

        Examples:
          nasreach report
          nasreach report --data nats_bench.csv --out public --seed 1
        """
    )

    @OptionGroup var source: DataOptions
    @OptionGroup var options: RunOptions
    @OptionGroup var site: SiteOptions

    func run() throws {
        try reportingErrors {
            // A bad --templates or --out fails before the long analysis, not after it.
            let theme = try site.theme()
            let figures = try options.configuration().figures
            try site.folder.checkReplaceable()
            try AnalysisCommand.guardOutput(site.folder.output)
            let progress = ProgressReporter(quiet: options.quiet)
            let output = try AnalysisCommand.analyze(source: source, run: options, shard: nil, progress: progress)
            try site.render(output, figures: figures, theme: theme, threads: options.workerCount, progress: progress)
            if !options.quiet { Findings.terminalLines(output.results).forEach(Terminal.line) }
        }
    }
}
