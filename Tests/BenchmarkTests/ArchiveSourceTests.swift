import Foundation
import Testing
import SearchSpace
@testable import Benchmark

@Suite struct ArchiveSourceTests {
    static let fakeCell3 = Cell(code: 3 * 7919 % Cell.count)

    @Test func readsOneArchitectureFile() throws {
        let (digest, results) = try NATSArchiveSource.readArchitecture(ArchiveFixtures.path("architecture-3.fixture.pbz2"), index: 3, cell: Self.fakeCell3)
        #expect(digest.count == 32)
        #expect(results.count == NATSArchiveFormat.slots.count)
        for (slotIndex, slot) in NATSArchiveFormat.slots.enumerated() {
            let datasetSlot = NATSArchiveFormat.datasets.firstIndex { $0.name == slot.dataset }!
            let splitSlot = NATSArchiveFormat.datasets[datasetSlot].splits.firstIndex(of: slot.split)!
            let expected = ArchiveFixtures.seeds(index: 3, epochs: slot.epochs, dataset: slot.dataset).map {
                SeedAccuracy(seed: $0, accuracy: ArchiveFixtures.accuracy(index: 3, epochs: slot.epochs, datasetSlot: datasetSlot, splitSlot: splitSlot, seed: $0))
            }
            #expect(results[slotIndex] == expected, "\(slot)")
        }
    }

    @Test func architectureMismatchesAreErrors() throws {
        let file = ArchiveFixtures.path("architecture-3.fixture.pbz2")
        let wrongIndex = #expect(throws: InputError.self) { try NATSArchiveSource.readArchitecture(file, index: 4, cell: Self.fakeCell3) }
        #expect(wrongIndex?.message.contains("['200']['arch_index'] is 3, expected 4") == true)
        let wrongCell = #expect(throws: InputError.self) { try NATSArchiveSource.readArchitecture(file, index: 3, cell: Cell(code: 0)) }
        #expect(wrongCell?.message.contains("the meta file lists") == true)
        #expect(wrongCell?.file == file)
    }

    @Test func wrongTypesNameTheKey() throws {
        let file = ArchiveFixtures.path("architecture-3-wrong-type.fixture.pbz2")
        let error = #expect(throws: InputError.self) { try NATSArchiveSource.readArchitecture(file, index: 3, cell: Self.fakeCell3) }
        #expect(error?.message == "['200']['all_results'][('cifar10', 777)]['eval_acc1es']['ori-test@199'] is '85.1', expected an accuracy from 0 to 100")
        let metaFile = ArchiveFixtures.path("meta-wrong-types.fixture.pbz2")
        let metaValue = try PickleReader.read(try BZip2.decompress(try ArchiveFixtures.bytes("meta-wrong-types.fixture.pbz2"), file: metaFile), file: metaFile)
        let metaError = #expect(throws: InputError.self) { try NATSArchiveFormat.architectures(meta: metaValue, file: metaFile) }
        #expect(metaError?.message.contains("no 'meta_archs' list") == true)
    }

    @Test func recognisesArchiveFolders() throws {
        let folder = try ArchiveFixtures.makeFakeArchive(count: 0)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(NATSArchiveSource.isArchive(path: folder))
        #expect(!NATSArchiveSource.isArchive(path: ArchiveFixtures.directory.path))
        #expect(!NATSArchiveSource.isArchive(path: ArchiveFixtures.path("every-opcode.pickle")))
    }

    // Needs the real NATS-Bench sample (meta + architectures 0, 11, 284); skipped when NASREACH_NATS_SAMPLE is unset.
    @Test(.enabled(if: ArchiveFixtures.sample != nil, "set NASREACH_NATS_SAMPLE to the nats-tss-sample folder"))
    func readsTheRealSample() throws {
        let sample = ArchiveFixtures.sample!
        let cells = try NATSArchiveSource.readMeta(sample)
        #expect(cells.count == 15_625)
        #expect(ArchString.format(cells[0]) == "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|")
        let (_, runs) = try NATSArchiveSource.readArchitecture("\(sample)/000000.pickle.pbz2", index: 0, cell: cells[0])
        func mean(_ dataset: String, _ split: String, _ epochs: Int) -> Double {
            let slot = NATSArchiveFormat.slots.firstIndex(of: .init(epochs: epochs, dataset: dataset, split: split))!
            return runs[slot].reduce(0) { $0 + $1.accuracy } / Double(runs[slot].count)
        }
        #expect(abs(mean("cifar10", "ori-test", 200) - 85.8633) < 1e-4)
        #expect(abs(mean("cifar100", "x-test", 200) - 52.9133) < 1e-4)
        #expect(abs(mean("ImageNet16-120", "x-test", 200) - 26.6333) < 1e-4)
        #expect(runs.allSatisfy { !$0.isEmpty })
        for index in [11, 284] {
            _ = try NATSArchiveSource.readArchitecture("\(sample)/\(NATSArchiveFormat.sixDigits(index)).pickle.pbz2", index: index, cell: cells[index])
        }
        let survey = try NATSArchiveSource.survey(path: sample)
        #expect(survey.architectureCount == 15_625 && survey.presentCount == 3)
        #expect(survey.missing.prefix(2) == [1, 2])
        #expect(survey.metricIDs.contains("cifar100/x-test@12") && survey.metricIDs.contains("cifar10/ori-test"))
        let missing = #expect(throws: InputError.self) { try NATSArchiveSource.load(path: sample) }
        #expect(missing?.file == "\(sample)/000001.pickle.pbz2")
        #expect(missing?.kind == .unreadable)
    }

    // Writes all 15,625 files with python3 and reads them twice: minutes in a debug build on two busy cores, so it
    // runs only when NASREACH_FULL_ARCHIVE_TEST is set (and python3 is present).
    @Test(.enabled(if: ArchiveFixtures.python != nil && ProcessInfo.processInfo.environment["NASREACH_FULL_ARCHIVE_TEST"] != nil,
                   "set NASREACH_FULL_ARCHIVE_TEST=1 (needs python3) to write and load a complete fake archive"))
    func loadsAFakeArchive() throws {
        let folder = try ArchiveFixtures.makeFakeArchive()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = folder + ".cache"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let calls = Counter()
        let benchmark = try NATSArchiveSource.load(path: folder, options: .init(perSeed: true, threads: 2, cachePath: cache)) { done, total in
            calls.record(done: done, total: total)
        }
        #expect(calls.last == 15_625 && calls.count == (15_625 + 63) / 64)
        #expect(benchmark.cells.enumerated().allSatisfy { $0.element.code == $0.offset * 7919 % Cell.count })
        #expect(benchmark.source.kind == .natsArchive && benchmark.source.sha256.count == 64)
        let means = benchmark.metrics.filter { !$0.split.contains("#") }
        #expect(means.map(\.id) == NATSArchiveFormat.slots.map { Metric(dataset: $0.dataset, split: $0.split, epochs: $0.epochs, column: "", values: []).id })
        #expect(means.first { $0.id == "cifar100/x-test@12" }?.column == "cifar100/x-test@12")
        for (slotIndex, slot) in NATSArchiveFormat.slots.enumerated() {
            let datasetSlot = NATSArchiveFormat.datasets.firstIndex { $0.name == slot.dataset }!
            let splitSlot = NATSArchiveFormat.datasets[datasetSlot].splits.firstIndex(of: slot.split)!
            for index in [0, 1, 7, 5_000, 15_624] {
                let seeds = ArchiveFixtures.seeds(index: index, epochs: slot.epochs, dataset: slot.dataset)
                let expected = seeds.map { ArchiveFixtures.accuracy(index: index, epochs: slot.epochs, datasetSlot: datasetSlot, splitSlot: splitSlot, seed: $0) }
                    .reduce(0, +) / Double(seeds.count)
                #expect(abs(means[slotIndex].values[index] - expected) < 1e-12, "\(slot) \(index)")
            }
        }
        // Per seed: only seeds every architecture has (999 is missing for every fifth one at 200 epochs).
        let perSeed = benchmark.metrics.filter { $0.split.contains("#") }.map(\.id)
        #expect(perSeed.contains("cifar10/ori-test#888") && !perSeed.contains("cifar10/ori-test#999"))
        #expect(perSeed.contains("cifar10-valid/x-valid#111@12") && perSeed.contains("cifar10-valid/x-valid#777@12"))
        #expect(perSeed.count == 9 * 2 + 2 * 2 + 7)
        let seed888 = benchmark.metrics.first { $0.id == "cifar10/ori-test#888" }!
        #expect(seed888.values[1] == ArchiveFixtures.accuracy(index: 1, epochs: 200, datasetSlot: 1, splitSlot: 0, seed: 888))

        // The cache is used when it matches and gives the same benchmark.
        let cached = try NATSArchiveSource.load(path: folder, options: .init(perSeed: true, threads: 1, cachePath: cache)) { _, _ in
            Issue.record("a matching cache should skip decoding")
        }
        #expect(cached.metrics == benchmark.metrics && cached.cells == benchmark.cells && cached.source == benchmark.source)

        // A missing architecture file is named, and the survey counts what is present.
        try FileManager.default.removeItem(atPath: "\(folder)/007000.pickle.pbz2")
        let error = #expect(throws: InputError.self) { try NATSArchiveSource.load(path: folder, options: .init(cachePath: cache)) }
        #expect(error?.file == "\(folder)/007000.pickle.pbz2")
        #expect(try NATSArchiveSource.survey(path: folder).presentCount == 15_624)
    }

    @Test func cacheRejectsDamageAndStaleDigests() throws {
        let cells = (0..<Cell.count).map(Cell.init(code:))
        let metric = Metric(dataset: "d", split: "x-test#1", epochs: 12, column: "d/x-test#1@12", values: (0..<Cell.count).map { Double($0) / 1000 })
        let benchmark = Benchmark(source: .init(kind: .natsArchive, input: "in", sha256: String(repeating: "ab", count: 32), floatParsing: .correctlyRounded), cells: cells, metrics: [metric])
        let digest = [UInt8](repeating: 0xAB, count: 32)
        var bytes = NATSArchiveCache.encode(benchmark, digest: digest, perSeed: true)
        #expect(NATSArchiveCache.decode(bytes, digest: digest, perSeed: true, input: "in")?.metrics == [metric])
        #expect(NATSArchiveCache.decode(bytes, digest: digest, perSeed: false, input: "in") == nil)
        #expect(NATSArchiveCache.decode(bytes, digest: [UInt8](repeating: 0, count: 32), perSeed: true, input: "in") == nil)
        bytes[100] ^= 1
        #expect(NATSArchiveCache.decode(bytes, digest: digest, perSeed: true, input: "in") == nil)
    }
}

/// Progress calls, recorded from worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [Int] = []

    func record(done: Int, total: Int) {
        lock.withLock { calls.append(done) }
        #expect(total == 15_625)
    }

    var last: Int? { lock.withLock { calls.last } }
    var count: Int { lock.withLock { calls.count } }
}
