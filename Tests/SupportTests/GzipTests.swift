import Foundation
import Testing
import TestSupport
@testable import Support

@Suite struct GzipTests {
    /// A table-like text of a few hundred kilobytes, with multi-byte characters.
    private static let table = Array((0..<20_000).map { "op-\($0 % 997),k-edit,τ \(Double($0) / 7),\($0 * 31 % 1000)\n" }.joined().utf8)

    @Test("the member depends on the bytes alone: fixed header, CRC and length trailer")
    func deterministicMember() throws {
        let member = try Gzip.compress(Self.table)
        #expect(member == (try Gzip.compress(Self.table)))
        #expect(Array(member.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF])
        let length = member.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(length == Self.table.count)
        #expect(member.count < Self.table.count / 3)
    }

    @Test("python's gzip module reads the member back byte for byte")
    func pythonReadsIt() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("python3 not found: gzip round trip through python skipped")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nasreach-gzip-\(UUID().uuidString).csv.gz")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try Gzip.compress(Self.table)).write(to: file)
        let run = try ExternalCommand.run(python, ["-c", "import gzip, sys; sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())", file.path])
        #expect(run.status == 0)
        #expect(Array(run.output) == Self.table)
    }
}
