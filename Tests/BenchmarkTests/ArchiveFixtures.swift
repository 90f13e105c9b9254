import Foundation

/// Paths to the archive fixtures (written by Fixtures/archive/make_fixtures.py) and the real sample.
enum ArchiveFixtures {
    static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/archive") }

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: directory.appendingPathComponent(name))) }

    /// The real NATS-Bench sample folder (meta + architectures 0, 11, 284), when `NASREACH_NATS_SAMPLE` is set.
    static var sample: String? { ProcessInfo.processInfo.environment["NASREACH_NATS_SAMPLE"] }

    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs make_fixtures.py to write a fake archive into a new temporary folder.
    static func makeFakeArchive(count: Int? = nil) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nasreach-archive-\(UUID().uuidString)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [path("make_fixtures.py"), "--archive", folder] + (count.map { [String($0)] } ?? [])
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return folder
    }

    /// The fake archive's accuracy formula, as in make_fixtures.py.
    static func accuracy(index: Int, epochs: Int, datasetSlot: Int, splitSlot: Int, seed: Int) -> Double {
        let key: Int = index * 7 + datasetSlot * 131 + splitSlot * 17 + seed * 3 + epochs
        return Double(key % 1000) / 10
    }

    static func seeds(index: Int, epochs: Int, dataset: String) -> [Int] {
        if epochs == 12 { return dataset == "cifar10-valid" ? [111, 777] : [111] }
        return index % 5 == 0 ? [777, 888] : [777, 888, 999]
    }
}
