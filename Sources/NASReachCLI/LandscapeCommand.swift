import Support
import Analysis
import ArgumentParser
import Foundation
import Landscape

/// `nasreach landscape`: the locality metrics only.
struct LandscapeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landscape",
        abstract: "Locality of the landscape: local maxima, FDC, autocorrelation, basins, neutral networks.",
        discussion: """
        Prints one column per metric; --json also writes every field (the 'landscape' section of \
        results.json) by metric id.

        Example:
          nasreach landscape --data nats_bench.csv --json landscape.json
        """
    )

    @OptionGroup var source: DataOptions

    @Option(name: .long, help: ArgumentHelp("Also write the metrics as JSON to FILE.", valueName: "FILE"))
    var json: String?

    @OptionGroup var workers: ThreadOptions

    @Option(name: .long, help: "Monte Carlo autocorrelation: number of walks.")
    var walks = Configuration.default.landscapeWalks

    @Option(name: .long, help: "Monte Carlo autocorrelation: steps per walk.")
    var walkLength = Configuration.default.landscapeWalkLength

    func validate() throws {
        if walks < 2 { throw ValidationError("--walks must be at least 2") }
        if walkLength <= 20 { throw ValidationError("--walk-length must exceed 20, the largest lag") }
    }

    func run() throws {
        try reportingErrors {
            let benchmark = try source.load()
            let analyses = LandscapeAnalysis.analyze(benchmark.metrics.map(benchmark.fitness),
                                                     isomorphismClasses: benchmark.isomorphismClassesByCode,
                                                     options: LandscapeOptions(walks: walks, walkLength: walkLength, seed: source.seed),
                                                     threads: workers.workerCount)
            let columns = zip(benchmark.metrics, analyses).map { (title: $0.id, summary: $1.summary) }
            Terminal.line(LandscapeTable.format(columns))
            if let json {
                let summaries = Dictionary(uniqueKeysWithValues: columns.map { ($0.title, $0.summary) })
                try OutputFile.write(try AnalysisOutput.encode(summaries), to: json)
                Terminal.line("wrote \(json)")
            }
        }
    }
}
