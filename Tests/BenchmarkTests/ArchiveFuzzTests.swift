import Testing
import Statistics
import SearchSpace
@testable import Benchmark

/// Seeded mutations of valid inputs: every one must end in a value or an `InputError`, never a crash or hang.
@Suite struct ArchiveFuzzTests {
    /// Flips, overwrites, inserts, deletes or truncates a few bytes.
    static func mutate(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + random.nextInt(below: 4)) where !out.isEmpty {
            let at = random.nextInt(below: out.count)
            switch random.nextInt(below: 5) {
            case 0: out[at] ^= UInt8(1 << random.nextInt(below: 8))
            case 1: out[at] = UInt8(random.nextInt(below: 256))
            case 2: out.insert(UInt8(random.nextInt(below: 256)), at: at)
            case 3: out.remove(at: at)
            default: out.removeSubrange(at...)
            }
        }
        return out
    }

    @Test func mutatedPicklesNeverCrash() throws {
        let seeds = [try ArchiveFixtures.bytes("every-opcode.pickle"),
                     try BZip2.decompress(try ArchiveFixtures.bytes("architecture-3.fixture.pbz2"), file: "a")]
        var random = SeededGenerator(seed: 8, stream: 1)
        var outcomes = [0, 0]
        for round in 0..<3000 {
            let input = Self.mutate(seeds[round % 2], &random)
            do {
                _ = try PickleReader.read(input, file: "fuzz")
                outcomes[0] += 1
            } catch {
                #expect(error.byteOffset.map { (0...input.count).contains($0) } ?? false)
                outcomes[1] += 1
            }
        }
        #expect(outcomes[1] > 1000)  // the mutations do reach the error paths
    }

    @Test func mutatedStreamsNeverCrash() throws {
        let stream = try ArchiveFixtures.bytes("architecture-3.fixture.pbz2")
        let cell = Cell(code: 3 * 7919 % Cell.count)  // the fake archive's architecture 3
        var random = SeededGenerator(seed: 9, stream: 2)
        var failures = 0
        for _ in 0..<1000 {
            let input = Self.mutate(stream, &random)
            do {
                let value = try PickleReader.read(try BZip2.decompress(input, file: "fuzz", limit: 1 << 20), file: "fuzz")
                _ = try NATSArchiveFormat.results(of: value, index: 3, cell: cell, file: "fuzz")
            } catch {
                failures += 1
            }
        }
        #expect(failures > 500)
    }
}
