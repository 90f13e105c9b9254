import Foundation
import Testing

/// A write that cannot complete (here: a file-size limit, as a full disk would) is a clean error naming
/// the path, exit 73, and leaves the previous results folder byte-identical with nothing beside it.
@Test func aWriteThatFailsLeavesThePreviousResultsIntact() throws {
    let parent = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let results = try InterruptionTests.previousResults(in: parent)
    let before = try InterruptionTests.contents(results)
    let config = parent.appendingPathComponent("small.json")
    // 200 blocks is far below the size of results.json: the run computes everything, then cannot write it.
    let command = "ulimit -f 200; exec '\(CLI.executable.path)' analyze --config '\(config.path)' --results '\(results.path)' --seed 1 --quiet"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 73, "\(message)")
    #expect(message.hasPrefix("error: ") && message.contains(parent.path), "the error names the path: \(message)")
    #expect(try InterruptionTests.contents(results) == before, "the previous results are untouched")
    let beside = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
    #expect(beside == ["results", "small.json"], "nothing half-written beside the results: \(beside)")
}
