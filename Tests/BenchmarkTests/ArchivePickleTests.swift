import Testing
@testable import Benchmark

@Suite struct ArchivePickleTests {
    @Test func readsEveryOpcode() throws {
        let value = try PickleReader.read(try ArchiveFixtures.bytes("every-opcode.pickle"), file: "o")
        let list = PickleValue.list([.int(1), .int(2), .int(3)])
        let expected = PickleValue.dict([
            .init(key: "none", value: .none),
            .init(key: "bools", value: .tuple([.bool(true), .bool(false)])),
            .init(key: "ints", value: .tuple([.int(7), .int(777), .int(-5)])),
            .init(key: "float", value: .float(1.5)),
            .init(key: "long", value: "héllo"),
            .init(key: "bytes", value: .bytes([1, 2])),
            .init(key: "list", value: list),
            .init(key: "tuples", value: .tuple([.tuple([]), .tuple([.int(1)]), .tuple([.int(1), .int(2), .int(3), .int(4)])])),
            .init(key: "set", value: .set([.int(1), .int(2)])),
            .init(key: "ordered", value: .dict([.init(key: "a", value: .int(1))])),
            .init(key: "scalar", value: .float(0.25)),
            .init(key: "again", value: list),
            .init(key: "far", value: list),
        ])
        #expect(value == expected)
        #expect(value["ints"]?.elements?.compactMap(\.intValue) == [7, 777, -5])
    }

    private func error(_ bytes: [UInt8], limits: PickleReader.Limits = .init()) -> InputError? {
        #expect(throws: InputError.self) { try PickleReader.read(bytes, file: "p.pickle", limits: limits) }
    }

    @Test func refusesUnknownGlobals() throws {
        let failure = error(try ArchiveFixtures.bytes("unknown-global.pickle"))
        #expect(failure?.message.contains("posix.system") == true)
        #expect(failure?.byteOffset == 28)  // the STACK_GLOBAL opcode
        #expect(failure?.file == "p.pickle")
    }

    @Test func truncatedPickleNamesTheEnd() throws {
        let bytes = try ArchiveFixtures.bytes("truncated.pickle")
        let failure = error(bytes)
        #expect(failure?.byteOffset == bytes.count)
        #expect(failure?.message.contains("truncated") == true)
    }

    @Test func wrongTypesAreErrors() throws {
        #expect(error(try ArchiveFixtures.bytes("setitem-on-list.pickle"))?.message.contains("SETITEM needs a dict but found list") == true)
        // APPEND with nothing on the stack; an unhashable key; a numpy scalar of the wrong size; a bad protocol.
        #expect(error([0x80, 4, 0x61, 0x2E])?.message.contains("underflow") == true)
        #expect(error([0x7D, 0x5D, 0x4E, 0x73, 0x2E])?.message.contains("unhashable list") == true)
        #expect(error([0x80, 9, 0x4E, 0x2E])?.message.contains("protocol 9") == true)
        #expect(error([0x63, 0x6F, 0x73])?.message.contains("unsupported opcode 0x63") == true)
        #expect(error([0x4E, 0x4E, 0x2E])?.message.contains("STOP with 2 values") == true)
        #expect(error([0x4E, 0x2E, 0x4E])?.byteOffset == 2)
    }

    @Test func nestingAndSelfReferenceAreBounded() {
        // A list appended to itself: [l] where l is memo 0.
        let cycle: [UInt8] = [0x5D, 0x94, 0x68, 0, 0x61, 0x2E]
        #expect(error(cycle)?.message.contains("nest more than") == true)
        let nested: [UInt8] = Array(repeating: 0x5D, count: 11) + Array(repeating: 0x61, count: 10) + [0x2E]
        #expect(error(nested, limits: .init(maxDepth: 5))?.message.contains("nest more than 5") == true)
        #expect((try? PickleReader.read(nested, file: "n", limits: .init(maxDepth: 11))) != nil)
        // Shared containers repeated too often: a list holding the same 100-item list 100 times.
        var bomb: [UInt8] = [0x5D, 0x5D, 0x94, 0x28] + Array(repeating: 0x4E, count: 100) + [0x65, 0x61, 0x28]
        bomb += Array(repeating: [0x68, 0], count: 99).flatMap { $0 } + [0x65, 0x2E]
        #expect(error(bomb, limits: .init(valuesPerByte: 1))?.message.contains("too many values") == true)
        #expect((try? PickleReader.read(bomb, file: "b", limits: .init(valuesPerByte: 40)))?.elements?.count == 100)
    }
}
