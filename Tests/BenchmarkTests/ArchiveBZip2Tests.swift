import Testing
@testable import Benchmark

@Suite struct ArchiveBZip2Tests {
    @Test func inflatesAPythonStream() throws {
        let pickle = try BZip2.decompress(try ArchiveFixtures.bytes("architecture-3.fixture.pbz2"), file: "a")
        #expect(pickle.prefix(2) == [0x80, 4])  // PROTO 4
        #expect(pickle.last == 0x2E)  // STOP
    }

    @Test func inflatesConcatenatedStreams() throws {
        let text = try BZip2.decompress(try ArchiveFixtures.bytes("concatenated.pbz2"), file: "c")
        #expect(String(decoding: text, as: UTF8.self) == "first second")
    }

    @Test func truncatedStreamIsAnErrorAtItsEnd() throws {
        let bytes = try ArchiveFixtures.bytes("truncated.fixture.pbz2")
        let error = #expect(throws: InputError.self) { try BZip2.decompress(bytes, file: "t.pbz2") }
        #expect(error?.file == "t.pbz2")
        #expect(error?.byteOffset == bytes.count)
        #expect(error?.message.contains("truncated") == true)
    }

    @Test func corruptStreamIsAnError() throws {
        let bytes = try ArchiveFixtures.bytes("corrupt.fixture.pbz2")
        let error = #expect(throws: InputError.self) { try BZip2.decompress(bytes, file: "c.pbz2") }
        #expect(error?.message.contains("corrupt") == true)
        #expect((1...bytes.count).contains(error?.byteOffset ?? -1))
    }

    @Test func otherDataIsNotBZip2() throws {
        let error = #expect(throws: InputError.self) {
            try BZip2.decompress(try ArchiveFixtures.bytes("not-bzip2.fixture.pbz2"), file: "n")
        }
        #expect(error?.message.contains("signature") == true)
        #expect(throws: InputError.self) { try BZip2.decompress([], file: "empty") }
    }

    @Test func outputIsCapped() throws {
        let bytes = try ArchiveFixtures.bytes("architecture-3.fixture.pbz2")
        let error = #expect(throws: InputError.self) { try BZip2.decompress(bytes, file: "a", limit: 1000) }
        #expect(error?.message.contains("more than 1000 bytes") == true)
    }
}
