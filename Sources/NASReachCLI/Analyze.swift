import Support
import Analysis
import ArgumentParser
import Foundation
import Report

/// `nasreach analyze`: compute everything and write the results folder; draw nothing.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute every hypothesis test and locality metric; write results.json and CSV tables.",
        discussion: """
        Writes DIR/results.json (schema nasreach/results@1) and DIR/tables/*.csv. DIR is replaced \
        atomically: a failed run leaves an existing results folder untouched.

        Examples:
          nasreach analyze --results results
          nasreach analyze --data nats_bench.csv --config study.json --results out
          # shard 2 of 8 (then: nasreach merge):
          nasreach analyze --data nats_bench.csv --shard 2/8 --results shard-2
        """
    )

    @OptionGroup var source: DataOptions
    @OptionGroup var options: RunOptions

    @Option(name: .long, help: ArgumentHelp("The results folder to write.", valueName: "DIR"))
    var results: String

    @Option(name: .long, help: ArgumentHelp("Compute only slice i of n of the operator set (1 ≤ i ≤ n), for 'merge'.", valueName: "i/n"))
    var shard: ShardArgument?

    func run() throws {
        try reportingErrors {
            try AnalysisCommand.folder(results).checkReplaceable()
            try AnalysisCommand.guardOutput(URL(fileURLWithPath: results))
            let progress = ProgressReporter(quiet: options.quiet)
            let output = try AnalysisCommand.analyze(source: source, run: options, shard: shard?.shard, progress: progress)
            progress.begin(.writingResults)
            try AnalysisCommand.write(output, to: results)
            if !options.quiet {
                Terminal.error("stage timings:")
                progress.summary().forEach(Terminal.error)
                Terminal.line("wrote \(URL(fileURLWithPath: results).standardizedFileURL.path)/results.json")
                if output.results.shard == nil { Findings.terminalLines(output.results).forEach(Terminal.line) }
            }
        }
    }
}

/// `--shard i/n`.
struct ShardArgument: ExpressibleByArgument {
    let shard: Shard

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        shard = Shard(index: index, count: count)
    }

    static var defaultValueDescription: String { "i/n" }
}

/// The analysis steps shared by `analyze` and `report`.
enum AnalysisCommand {
    static func analyze(source: DataOptions, run: RunOptions, shard: Shard?, progress: ProgressReporter) throws -> AnalysisOutput {
        let configuration = try run.configuration()
        let stage = RunStage.loading(file: Provenance.publishedName(of: source.data))
        progress.begin(stage)
        let benchmark = try source.load { done, total in progress.update(stage, done: done, total: total) }
        try guardCost(configuration, metrics: benchmark.metrics.count, run: run)
        let labParsing = try source.loadLabParsing(benchmark)
        let analysis = AnalysisRun(benchmark: benchmark, configuration: configuration, seed: source.seed,
                                   threads: run.workerCount, shard: shard, version: NASReach.version,
                                   generatedAt: try RunMetadata.generatedAt(), alternativeParsing: labParsing)
        return analysis.run { stage, done, total in progress.update(.analysis(stage), done: done, total: total) }
    }

    /// Refuses a configuration out of proportion to the machine (exit 64) unless `--force`; `--dry-run`
    /// prints the estimate and ends the command (exit 0).
    static func guardCost(_ configuration: Configuration, metrics: Int, run: RunOptions) throws {
        let estimate = CostEstimate(configuration: configuration, metrics: metrics, threads: run.workerCount)
        let refusal = estimate.refusal(configuration: configuration, metrics: metrics)
        if run.dryRun {
            Terminal.line(estimate.summary)
            if let refusal { Terminal.line("would be refused: " + refusal) }
            throw ExitCode.success
        }
        if let refusal, !run.force { throw CommandFailure(message: refusal, status: ExitStatus.usage) }
        if refusal != nil, !run.quiet { Terminal.error("warning: --force: " + estimate.summary) }
    }

    /// Takes over SIGINT / SIGTERM (staging folders removed, exit 130 / 143) and locks the output path
    /// against a second run writing it at the same time (exit 73 for that one).
    static func guardOutput(_ output: URL) throws {
        Interruption.install()
        try OutputLock.acquire(output)
    }

    static func folder(_ directory: String) -> AtomicFolder {
        AtomicFolder(URL(fileURLWithPath: directory), marker: ".nasreach-results")
    }

    static func write(_ output: AnalysisOutput, to directory: String) throws {
        try folder(directory).replace(with: try output.files())
    }
}
