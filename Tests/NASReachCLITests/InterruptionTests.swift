import Foundation
import Testing

/// SIGINT / SIGTERM sent to a running `nasreach analyze` (a child process): exit 130 / 143, the previous
/// results folder byte-identical and nothing left beside it; a second run on the same folder is refused.
@Suite(.serialized) struct InterruptionTests {
    /// Every file under `folder` (relative path → bytes).
    static func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// A previous results folder from the small configuration, and a long run (the defaults) on the same folder.
    static func previousResults(in parent: URL) throws -> URL {
        let config = parent.appendingPathComponent("small.json")
        try Data(CLI.smallConfiguration.utf8).write(to: config)
        let results = parent.appendingPathComponent("results")
        let first = try CLI.run(["analyze", "--config", config.path, "--results", results.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        return results
    }

    static func startLongRun(_ results: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["analyze", "--results", results.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1767225600"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the run holds its lock (it has started for real), then a little into the computation.
        let lock = results.deletingLastPathComponent().appendingPathComponent(".results.lock")
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: lock.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 1.5)
        return (process, err)
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalLeavesThePreviousResultsIdentical(_ signal: Int32, _ status: Int32) throws {
        let parent = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let results = try Self.previousResults(in: parent)
        let before = try Self.contents(results)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        let (process, err) = try Self.startLongRun(results)
        #expect(process.isRunning, "the long run ended before the signal")
        kill(process.processIdentifier, signal)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == status, "\(message)")
        #expect(message.contains("interrupted by"), "\(message)")
        #expect(try Self.contents(results) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == siblings)  // no staging folder, no lock
    }

    /// The signal arrives while the new results sit complete in their staging folder: that folder goes.
    @Test func aSignalWhileStagingRemovesTheStagingFolder() throws {
        let parent = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let results = try Self.previousResults(in: parent)
        let before = try Self.contents(results)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["analyze", "--config", parent.appendingPathComponent("small.json").path, "--results", results.path, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1767225600"
        environment["NASREACH_TEST_STAGING_PAUSE"] = "60"
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        func staging() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(".results.partial-") }
        }
        let deadline = Date().addingTimeInterval(60)
        while staging().isEmpty || !FileManager.default.fileExists(atPath: parent.appendingPathComponent(staging()[0]).appendingPathComponent(".nasreach-results").path) {
            guard Date() < deadline, process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(staging().count == 1, "the run reached its staging folder")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        #expect(staging().isEmpty)
        #expect(try Self.contents(results) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == siblings)
    }

    @Test func aSecondRunOnTheSameFolderIsRefused() throws {
        let parent = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let results = try Self.previousResults(in: parent)
        let (process, _) = try Self.startLongRun(results)
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
        let second = try CLI.run(["analyze", "--results", results.path])
        #expect(second.status == 73)
        #expect(second.firstErrorLine.contains("Another nasreach run is writing"), "\(second.stderr)")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
    }
}
