import ArgumentParser
import Benchmark
import Landscape

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

    @Option(name: .customLong("float-parsing"), help: ArgumentHelp(
        "How a CSV's accuracies are read: 'correctly-rounded' (the nearest double), or 'pandas-2.2.1' (as the lab's pandas read_csv did, to reproduce its published values; recorded in provenance).",
        valueName: "MODE"))
    var floatParsing: FloatParsing = .correctlyRounded

    var isSynthetic: Bool { data == SyntheticSource.input }

    /// The same CSV read as pandas 2.2.1 did, when the main read is correctly rounded: it lets the
    /// Reproduction page name parsing as the cause of a difference. Nil for other sources.
    func loadLabParsing(_ benchmark: Benchmark) throws -> Benchmark? {
        guard benchmark.source.kind == .csv, floatParsing == .correctlyRounded,
              benchmark.metrics.contains(where: { LabPublished.column(column: $0.column, dataset: $0.dataset, split: $0.split, epochs: $0.epochs) != nil })
        else { return nil }
        return try CSVSource.load(path: data, floatParsing: .pandas221)
    }

    /// Loads the source named by `--data`, reporting file-reading progress where the source has it.
    func load(progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> Benchmark {
        if floatParsing != .correctlyRounded && (isSynthetic || NATSArchiveSource.isArchive(path: data)) {
            throw CommandFailure(message: "--float-parsing applies to a CSV file only (the synthetic landscape and the archive hold binary doubles)",
                                 status: ExitStatus.usage)
        }
        if isSynthetic { return SyntheticSource.make(seed: seed) }
        if NATSArchiveSource.isArchive(path: data) {
            return try NATSArchiveSource.load(path: data, options: .init(perSeed: perSeed, cachePath: cache), progress: progress)
        }
        if cache != nil || perSeed {
            throw CommandFailure(message: "--cache and --per-seed apply to the NATS-Bench archive folder only", status: ExitStatus.usage)
        }
        return try CSVSource.load(path: data, floatParsing: floatParsing)
    }
}

extension FloatParsing: ExpressibleByArgument {
    public init?(argument: String) { self.init(optionName: argument) }
    public var defaultValueDescription: String { optionName }
    public static var allValueStrings: [String] { allCases.map(\.optionName) }
}
