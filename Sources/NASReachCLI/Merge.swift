import Support
import Analysis
import ArgumentParser
import Foundation

/// `nasreach merge`: combine the partial results of `analyze --shard i/n` into one results folder,
/// identical to what a single run would have written.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine shard results (analyze --shard i/n) into one results folder.",
        discussion: """
        Every shard must come from the same input, seed, configuration and version, and all n shards \
        must be given. The hypotheses, Holm's adjustment and breakdowns are computed here, over all operators.

        Example (a job array of 4; shards 2/4 to 4/4 alike):
          nasreach analyze --data nats_bench.csv --shard 1/4 --results shard-1
          nasreach merge --results results shard-1 shard-2 shard-3 shard-4
        """
    )

    @Option(name: .long, help: ArgumentHelp("The merged results folder to write.", valueName: "DIR"))
    var results: String

    @OptionGroup var workers: ThreadOptions

    @Argument(help: ArgumentHelp("The shard results folders, in any order.", valueName: "SHARD_DIR"))
    var shards: [String]

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shard folders to merge") }
    }

    func run() throws {
        try reportingErrors {
            try AnalysisCommand.folder(results).checkReplaceable()
            let parts = try shards.map { ($0, try ResultsFolder.load($0)) }
            let merged = try ShardMerge.merge(parts).completed(threads: workers.workerCount)
            try AnalysisCommand.write(merged, to: results)
            Terminal.line("merged \(shards.count) shards into \(URL(fileURLWithPath: results).standardizedFileURL.path)/results.json")
        }
    }
}
