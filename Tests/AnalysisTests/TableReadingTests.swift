import Benchmark
import Foundation
@testable import Analysis
import Testing

private struct Pair: Decodable, Sendable, Equatable {
    var a: Int
    var b: Double
}

/// A table over 1 MiB, so that it is read in slices.
private func writeTable(badRow: Int? = nil) throws -> String {
    var text = "a,b\n"
    for i in 0..<100_000 { text += i == badRow ? "x,1\n" : "\(i),\(Double(i) / 8)\n" }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("nasreach-table-\(UUID().uuidString).csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

@Test func aLargeTableReadsInSlicesInFileOrderAtAnyThreadCount() throws {
    let path = try writeTable()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(ResultsFolder.lineSlices(bytes, count: 8).bodies.count >= 8, "read in slices")
    let one = try ResultsFolder.table(Pair.self, at: path, threads: 1)
    #expect(one.count == 100_000 && one.enumerated().allSatisfy { $0.element == Pair(a: $0.offset, b: Double($0.offset) / 8) })
    #expect(try ResultsFolder.table(Pair.self, at: path, threads: 3) == one)
}

@Test func anErrorInALaterSliceNamesItsLineInTheFile() throws {
    let path = try writeTable(badRow: 90_000)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
        _ = try ResultsFolder.table(Pair.self, at: path, threads: 2)
    } throws: { error in
        guard let error = error as? InputError else { return false }
        return error.line == 90_002 && error.column == 1
    }
}

@Test func quotedTablesAreReadWhole() {
    let bytes = Array("a,b\n\"1\n2\",3\n4,5\n".utf8)
    #expect(ResultsFolder.lineSlices(bytes, count: 4).bodies.count == 1)
}
