import ArgumentParser
import Benchmark

/// `--data SRC` and `--seed N`, shared by every command that loads a benchmark.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Benchmark source: a CSV file, the NATS-Bench topology archive folder, or 'synthetic'.",
        valueName: "SRC"))
    var data: String = SyntheticSource.input

    @Option(name: .long, help: "Seed for every random draw (and for the synthetic landscape).")
    var seed: UInt64 = 0

    @Option(name: .long, help: ArgumentHelp("NATS-Bench archive: a binary cache file written after the first read and reused after.", valueName: "FILE"))
    var cache: String?

    @Flag(name: .long, help: "NATS-Bench archive: also one metric per training seed (besides the seed means).")
    var perSeed = false

    var isSynthetic: Bool { data == SyntheticSource.input }

    /// Loads the source named by `--data`, reporting file-reading progress where the source has it.
    func load(progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> Benchmark {
        if isSynthetic { return SyntheticSource.make(seed: seed) }
        if NATSArchiveSource.isArchive(path: data) {
            return try NATSArchiveSource.load(path: data, options: .init(perSeed: perSeed, cachePath: cache), progress: progress)
        }
        if cache != nil || perSeed {
            throw CommandFailure(message: "--cache and --per-seed apply to the NATS-Bench archive folder only", status: ExitStatus.usage)
        }
        return try CSVSource.load(path: data)
    }
}
