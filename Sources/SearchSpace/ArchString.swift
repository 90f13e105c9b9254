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

    public static func parse(_ text: some StringProtocol) throws(ParseError) -> Cell {
        let characters = Array(text.unicodeScalars)
        var position = 0
        var operations: [Operation] = []
        func fail(_ reason: String, at offset: Int) -> ParseError { ParseError(offset: offset, reason: reason) }
        func expect(_ scalar: Unicode.Scalar, _ what: String) throws(ParseError) {
            guard position < characters.count else {
                throw fail("arch string ends early: expected \(what)", at: position)
            }
            guard characters[position] == scalar else {
                throw fail("expected \(what) but found \(Snippet.quoted(String(characters[position])))", at: position)
            }
            position += 1
        }
        for node in 1...3 {
            if node > 1 { try expect("+", "'+' before node \(node)") }
            try expect("|", "'|' opening node \(node)")
            for input in 0..<node {
                let start = position
                while position < characters.count, characters[position] != "~", characters[position] != "|",
                      characters[position] != "+" {
                    position += 1
                }
                let name = String(String.UnicodeScalarView(characters[start..<position]))
                guard let op = Operation(name: Substring(name)) else {
                    if name.isEmpty {
                        throw fail("node \(node) has \(input) input(s); expected \(node)", at: start)
                    }
                    throw fail("unknown operation \(Snippet.quoted(name)) (expected one of \(Operation.allCases.map(\.name).joined(separator: ", ")))", at: start)
                }
                try expect("~", "'~' after \(Snippet.quoted(name))")
                let digitStart = position
                while position < characters.count, ("0"..."9").contains(characters[position]) { position += 1 }
                let digits = String(String.UnicodeScalarView(characters[digitStart..<position]))
                guard Int(digits) == input else {
                    throw fail("node \(node) input \(input) must read '~\(input)', found \(Snippet.quoted("~" + digits))", at: digitStart)
                }
                try expect("|", "'|' after input \(input) of node \(node)")
                operations.append(op)
            }
        }
        guard position == characters.count else {
            throw fail("unexpected text after the third node (a cell has exactly 4 nodes)", at: position)
        }
        return Cell(operations: operations)
    }
}
