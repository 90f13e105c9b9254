import Analysis
import ArgumentParser
import Benchmark
import Foundation
import Statistics
import Support

/// `nasreach validate`: check a benchmark source and print what it holds.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a benchmark source and print what was found.",
        discussion: """
        Prints the source, its rows, every recognised metric (count, min, mean, median, max, skewness) and \
        the isomorphism-class column when present, or the first error with its file, line and column.

        Example:
          nasreach validate --data nats_bench.csv
        """
    )

    @OptionGroup var source: DataOptions

    @Flag(help: "Also print how long loading and validating took.")
    var timing = false

    func run() throws {
        try reportingErrors {
            if NATSArchiveSource.isArchive(path: source.data) {
                let survey = try NATSArchiveSource.survey(path: source.data)
                Terminal.line("archive: \(Provenance.publishedName(of: source.data)): \(survey.presentCount) of \(survey.architectureCount) architecture files present")
                if !survey.missing.isEmpty {
                    Terminal.line("missing: \(survey.missing.count) files, e.g. indices \(survey.missing.prefix(5).map(String.init).joined(separator: ", "))")
                }
            }
            let clock = ContinuousClock()
            let start = clock.now
            let benchmark = try source.load()
            let elapsed = clock.now - start
            for line in Validate.describe(benchmark) { Terminal.line(line) }
            if timing { Terminal.line("loaded and validated in \(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))") }
        }
    }

    static func describe(_ benchmark: Benchmark) -> [String] {
        var lines = [
            // The file name and the digest identify the input; a local path would leak into pasted logs.
            "source: \(Provenance.publishedName(of: benchmark.source.input)) (\(benchmark.source.kind.rawValue), sha256 \(benchmark.source.sha256))",
            "architectures: \(benchmark.cells.count) of 15625, each once",
            "metrics: \(benchmark.metrics.count)",
        ]
        let header = ["metric", "column", "count", "min", "mean", "median", "max", "skewness"]
        let rows = benchmark.metrics.map { metric -> [String] in
            let summary = Summary(metric.values)
            return [metric.id, metric.column, "\(summary.count)"]
                + [summary.min, summary.mean, summary.median, summary.max, summary.skewness].map { String(format: "%.4f", $0) }
        }
        lines += TextTable(header: header, rows: rows).lines.map { "  " + $0 }
        if let classes = benchmark.isomorphismClasses {
            lines.append("isomorphism classes: \(Set(classes).count) distinct (column UniqueString)")
        }
        if benchmark.source.kind == .synthetic {
            lines.append("note: this is the built-in SYNTHETIC landscape, not benchmark data")
        }
        return lines
    }
}
