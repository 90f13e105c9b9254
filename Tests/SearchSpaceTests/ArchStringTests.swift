import Foundation
import Testing
@testable import SearchSpace

@Suite struct ArchStringTests {
    @Test func roundTripsEveryCell() throws {
        for cell in Cell.all {
            #expect(try ArchString.parse(ArchString.format(cell)) == cell)
        }
    }

    @Test func formatsInArchStringEdgeOrder() {
        let cell = Cell(operations: [.conv3x3, .conv3x3, .avgPool3x3, .skipConnect, .conv3x3, .skipConnect])
        #expect(ArchString.format(cell) == "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|")
        #expect(cell.code == 3 + 3 * 5 + 4 * 25 + 1 * 125 + 3 * 625 + 1 * 3125)
    }

    @Test(arguments: [
        ("|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|", 1, "unknown operation 'conv'"),
        ("|none~1|+|none~0|none~1|+|none~0|none~1|none~2|", 6, "must read '~0'"),
        ("|none~0|+|none~0|+|none~0|none~1|none~2|", 17, "node 2 has 1 input(s)"),
        ("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|+|none~0|", 47, "after the third node"),
        ("|none~0|+|none~0|none~1|", 24, "ends early"),
        ("none~0|+|none~0|none~1|+|none~0|none~1|none~2|", 0, "'|' opening node 1"),
        ("|none~0|+|none~0|none~1|+|none~0|none~1|none~3|", 45, "must read '~2'"),
    ])
    func rejectsMalformedStrings(text: String, offset: Int, reason: String) {
        #expect {
            _ = try ArchString.parse(text)
        } throws: { error in
            guard let error = error as? ArchString.ParseError else { return false }
            return error.offset == offset && error.reason.contains(reason)
        }
    }

    @Test func realBenchmarkRowsRoundTrip() throws {
        guard let path = ProcessInfo.processInfo.environment["NASREACH_DATA"] else {
            print("skipped: NASREACH_DATA is not set, so the real arch strings are not checked")
            return
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var count = 0
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            guard let arch = line.split(separator: ",").first(where: { $0.hasPrefix("|") }) else { continue }
            #expect(ArchString.format(try ArchString.parse(arch)) == String(arch))
            count += 1
        }
        #expect(count == Cell.count)
    }
}
