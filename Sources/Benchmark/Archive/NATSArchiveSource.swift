import Support
import SearchSpace

/// Reads the official NATS-Bench topology archive (`NATS-tss-v1_0-3ffb9-simple/`) natively: one bzip2-compressed
/// pickle per architecture plus `meta.pickle.pbz2`, no Python needed.
///
/// Metrics: every split of every dataset (`NATSArchiveFormat.datasets`) at 200 and 12 epochs, each the
/// accuracy after the schedule's last epoch averaged over the seeds the architecture has. Ids follow
/// `Metric.id`: `cifar10/ori-test`, `cifar100/x-test@12`. With `perSeed`, each seed that every architecture has
/// adds a metric whose split carries the seed, e.g. `cifar10/ori-test#777` and `cifar10-valid/x-valid#111@12`.
public enum NATSArchiveSource {
    public struct Options: Sendable {
        /// Also emit one metric per seed (only seeds present for every architecture).
        public var perSeed: Bool
        /// Worker threads; the result never depends on it.
        public var threads: Int
        /// A cache file: used when it matches the archive, (re)written otherwise.
        public var cachePath: String?

        public init(perSeed: Bool = false, threads: Int? = nil, cachePath: String? = nil) {
            self.perSeed = perSeed
            self.threads = threads ?? ParallelChunks.processorCount
            self.cachePath = cachePath
        }
    }

    /// Architecture files are read in chunks of this many (fixed, so results never depend on the threads).
    static let chunkSize = 64

    /// Whether `path` is a directory holding `meta.pickle.pbz2`.
    public static func isArchive(path: String) -> Bool {
        NATSArchiveFormat.isDirectory(path) && NATSArchiveFormat.isRegularFile(metaPath(path))
    }

    /// Reads the whole archive. `progress(done, total)` is called as architecture files are finished
    /// (from worker threads, one call at a time).
    public static func load(path: String, options: Options = Options(),
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws(InputError) -> Benchmark {
        let cells = try readMeta(path)
        let files = try architectureFiles(path)
        if let cachePath = options.cachePath, NATSArchiveFormat.isRegularFile(cachePath) {
            let digest = try archiveDigest(path, files: files, threads: options.threads)
            if let cached = NATSArchiveCache.read(cachePath, digest: digest, perSeed: options.perSeed, input: path) {
                return cached
            }
        }
        let runs = try readArchitectures(files, cells: cells, threads: options.threads, progress: progress)
        let digest = SHA256.digest(runs.metaDigest + runs.digests.flatMap { $0 })
        let benchmark = Benchmark(source: SourceDescription(kind: .natsArchive, input: path, sha256: hex(digest), floatParsing: .correctlyRounded),
                                  cells: cells, metrics: metrics(runs.results, perSeed: options.perSeed))
        if let cachePath = options.cachePath {
            try NATSArchiveCache.write(benchmark, to: cachePath, digest: digest, perSeed: options.perSeed)
        }
        return benchmark
    }

    /// What `validate` reports about an archive without reading every file.
    public struct Survey: Sendable, Equatable {
        /// Architectures the meta file lists (15,625 in a valid archive).
        public let architectureCount: Int
        /// Indices whose architecture file exists.
        public let presentCount: Int
        /// Indices whose architecture file is missing, ascending.
        public let missing: [Int]
        /// The ids of the seed-mean metrics a full read yields.
        public let metricIDs: [String]
    }

    /// Reads the meta file and checks which architecture files exist.
    public static func survey(path: String) throws(InputError) -> Survey {
        let cells = try readMeta(path)
        let missing = cells.indices.filter { NATSArchiveFormat.architectureFile(in: path, index: $0) == nil }
        let ids = NATSArchiveFormat.slots.map { Metric(dataset: $0.dataset, split: $0.split, epochs: $0.epochs, column: "", values: []).id }
        return Survey(architectureCount: cells.count, presentCount: cells.count - missing.count, missing: missing, metricIDs: ids)
    }

    /// Reads and decodes the file of architecture `index` alone, as `load` does for each file; `bench`
    /// times it to estimate a whole read.
    public static func readArchitecture(path: String, index: Int) throws(InputError) {
        let cells = try readMeta(path)
        guard cells.indices.contains(index), let file = NATSArchiveFormat.architectureFile(in: path, index: index) else {
            throw InputError(.unreadable, file: path, message: "the archive has no file for architecture \(index)")
        }
        let bytes = try FileBytes.read(file)
        _ = SHA256.digest(bytes)
        _ = try NATSArchiveFormat.results(of: try PickleReader.read(try BZip2.decompress(bytes, file: file), file: file),
                                          index: index, cell: cells[index], file: file)
    }

    // MARK: Reading

    static func metaPath(_ directory: String) -> String { "\(directory)/\(NATSArchiveFormat.metaName)" }

    static func readMeta(_ directory: String) throws(InputError) -> [Cell] {
        guard NATSArchiveFormat.isDirectory(directory) else {
            throw InputError(.unreadable, file: directory, message: "not a directory: a NATS-Bench archive is a folder of .pickle.pbz2 files")
        }
        let file = metaPath(directory)
        let value = try PickleReader.read(try BZip2.decompress(try FileBytes.read(file), file: file), file: file)
        return try NATSArchiveFormat.architectures(meta: value, file: file)
    }

    /// Every architecture's file, or an error naming the first missing one.
    static func architectureFiles(_ directory: String) throws(InputError) -> [String] {
        var files: [String] = []
        var missing: [Int] = []
        for index in 0..<Cell.count {
            if let file = NATSArchiveFormat.architectureFile(in: directory, index: index) { files.append(file) } else { missing.append(index) }
        }
        guard let first = missing.first else { return files }
        let more = missing.count > 1 ? " (\(missing.count) of \(Cell.count) architecture files are missing)" : ""
        throw InputError(.unreadable, file: "\(directory)/\(NATSArchiveFormat.sixDigits(first)).pickle.pbz2",
                         message: "the archive has no file for architecture \(first)\(more)",
                         hint: "check that the archive was extracted completely (nasreach validate lists what is present)")
    }

    struct ArchiveRuns {
        let metaDigest: [UInt8]
        /// Per architecture, the SHA-256 of its file.
        let digests: [[UInt8]]
        /// Per architecture, per slot, the runs.
        let results: [[[SeedAccuracy]]]
    }

    /// One architecture file's SHA-256 and runs.
    static func readArchitecture(_ file: String, index: Int, cell: Cell) throws(InputError) -> (digest: [UInt8], results: [[SeedAccuracy]]) {
        let bytes = try FileBytes.read(file)
        let value = try PickleReader.read(try BZip2.decompress(bytes, file: file), file: file)
        return (SHA256.digest(bytes), try NATSArchiveFormat.results(of: value, index: index, cell: cell, file: file))
    }

    typealias FileOutcome = Result<(digest: [UInt8], results: [[SeedAccuracy]]), InputError>

    static func readArchitectures(_ files: [String], cells: [Cell], threads: Int,
                                  progress: (@Sendable (Int, Int) -> Void)?) throws(InputError) -> ArchiveRuns {
        let directory = String(files[0].prefix(upTo: files[0].lastIndex(of: "/")!))
        let metaDigest = SHA256.digest(try FileBytes.read(metaPath(directory)))
        let chunks = ParallelChunks.map(count: files.count, chunkSize: chunkSize, workers: threads, progress: progress) { range in
            var outcomes: [FileOutcome] = []
            for index in range {
                let outcome = FileOutcome { () throws(InputError) in try readArchitecture(files[index], index: index, cell: cells[index]) }
                outcomes.append(outcome)
                if case .failure = outcome { return (outcomes, true) }
            }
            return (outcomes, false)
        }
        var digests: [[UInt8]] = []
        var results: [[[SeedAccuracy]]] = []
        for chunk in chunks {
            for outcome in chunk ?? [] {
                let (digest, runs) = try outcome.get()
                digests.append(digest)
                results.append(runs)
            }
        }
        return ArchiveRuns(metaDigest: metaDigest, digests: digests, results: results)
    }

    /// The archive's provenance digest without decoding anything (for checking a cache).
    static func archiveDigest(_ directory: String, files: [String], threads: Int) throws(InputError) -> [UInt8] {
        let chunks = ParallelChunks.map(count: files.count, chunkSize: chunkSize, workers: threads, progress: nil) { range in
            var outcomes: [Result<[UInt8], InputError>] = []
            for index in range {
                let outcome = Result { () throws(InputError) in SHA256.digest(try FileBytes.read(files[index])) }
                outcomes.append(outcome)
                if case .failure = outcome { return (outcomes, true) }
            }
            return (outcomes, false)
        }
        var joined = SHA256.digest(try FileBytes.read(metaPath(directory)))
        for chunk in chunks {
            for outcome in chunk ?? [] { joined += try outcome.get() }
        }
        return SHA256.digest(joined)
    }

    // MARK: Metrics

    static func metrics(_ results: [[[SeedAccuracy]]], perSeed: Bool) -> [Metric] {
        var metrics: [Metric] = []
        for (slotIndex, slot) in NATSArchiveFormat.slots.enumerated() {
            let means = results.map { runs in
                let values = runs[slotIndex]
                return values.reduce(0) { $0 + $1.accuracy } / Double(values.count)
            }
            metrics.append(metric(slot, split: slot.split, values: means))
        }
        guard perSeed else { return metrics }
        for (slotIndex, slot) in NATSArchiveFormat.slots.enumerated() {
            let seeds = results.dropFirst().reduce(Set(results[0][slotIndex].map(\.seed))) { common, runs in
                common.intersection(runs[slotIndex].map(\.seed))
            }
            for seed in seeds.sorted() {
                let values = results.map { runs in runs[slotIndex].first { $0.seed == seed }!.accuracy }
                metrics.append(metric(slot, split: "\(slot.split)#\(seed)", values: values))
            }
        }
        return metrics
    }

    private static func metric(_ slot: NATSArchiveFormat.Slot, split: String, values: [Double]) -> Metric {
        Metric(dataset: slot.dataset, split: split, epochs: slot.epochs, column: "\(slot.dataset)/\(split)@\(slot.epochs)", values: values)
    }

    static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
