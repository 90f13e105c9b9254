/// Exact parsing and formatting of NATS-Bench arch strings such as
/// `|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|`.
public enum ArchString {
    /// Why a string is not an arch string; `offset` is the 0-based character offset of the fault.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { reason }
    }

    public static func format(_ cell: Cell) -> String {
        var text = ""
        var edge = 0
        for node in 1...3 {
            if node > 1 { text += "+" }
            text += "|"
            for input in 0..<node {
                text += "\(cell.operation(onEdge: edge).name)~\(input)|"
                edge += 1
            }
        }
        return text
    }

    private static let names: [[UInt8]] = Operation.allCases.map { Array($0.name.utf8) }

    /// Parses over UTF-8 bytes (a benchmark has 15,625 of these strings); offsets in errors count characters.
    public static func parse(_ text: some StringProtocol) throws(ParseError) -> Cell {
        var string = String(text)
        let result = string.withUTF8 { bytes in Result { () throws(ParseError) in try parse(bytes: bytes) } }
        return try result.get()
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Cell {
        var position = 0
        var code = 0, edge = 0
        func fail(_ reason: String, at byteOffset: Int) -> ParseError {
            let characters = bytes[..<min(byteOffset, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return ParseError(offset: characters, reason: reason)
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        // `what` is an autoclosure: the message is built only when the string is malformed.
        func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(ParseError) {
            guard position < bytes.count else { throw fail("arch string ends early: expected \(what())", at: position) }
            guard bytes[position] == byte else {
                var end = position + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                throw fail("expected \(what()) but found \(Snippet.quoted(text(position..<end)))", at: position)
            }
            position += 1
        }
        for node in 1...3 {
            if node > 1 { try expect(UInt8(ascii: "+"), "'+' before node \(node)") }
            try expect(UInt8(ascii: "|"), "'|' opening node \(node)")
            for input in 0..<node {
                let start = position
                while position < bytes.count, ![UInt8(ascii: "~"), UInt8(ascii: "|"), UInt8(ascii: "+")].contains(bytes[position]) {
                    position += 1
                }
                let name = UnsafeBufferPointer(rebasing: bytes[start..<position])
                guard let op = names.firstIndex(where: { $0.elementsEqual(name) }) else {
                    if name.isEmpty { throw fail("node \(node) has \(input) input(s); expected \(node)", at: start) }
                    throw fail("unknown operation \(Snippet.quoted(text(start..<position))) (expected one of \(Operation.allCases.map(\.name).joined(separator: ", ")))", at: start)
                }
                try expect(UInt8(ascii: "~"), "'~' after \(Snippet.quoted(text(start..<position)))")
                let digitStart = position
                while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
                guard position - digitStart == 1, Int(bytes[digitStart] - UInt8(ascii: "0")) == input else {
                    throw fail("node \(node) input \(input) must read '~\(input)', found \(Snippet.quoted("~" + text(digitStart..<position)))", at: digitStart)
                }
                try expect(UInt8(ascii: "|"), "'|' after input \(input) of node \(node)")
                code += op * Cell.strides[edge]
                edge += 1
            }
        }
        guard position == bytes.count else {
            throw fail("unexpected text after the third node (a cell has exactly 4 nodes)", at: position)
        }
        return Cell(code: code)
    }
}
