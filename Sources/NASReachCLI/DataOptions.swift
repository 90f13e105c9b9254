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

    var isSynthetic: Bool { data == SyntheticSource.input }

    /// Loads the source named by `--data`.
    func load() throws -> Benchmark {
        if isSynthetic { return SyntheticSource.make(seed: seed) }
        return try CSVSource.load(path: data)
    }
}
