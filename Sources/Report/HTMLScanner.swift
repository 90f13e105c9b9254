/// A small, forgiving HTML tokenizer: enough to find tags, attributes and text in the pages this
/// tool writes (and in a lab's own templates), not a conforming HTML5 parser.
struct HTMLScanner {
    enum Token: Equatable {
        case start(name: String, attributes: [String: String])
        case end(name: String)
        case text(String)
    }

    struct Located: Equatable {
        let token: Token
        let line: Int
    }

    /// Tokens of `html` in order, each with its 1-based line; comments and `<!…>` declarations are dropped.
    static func tokens(_ html: String) -> [Located] {
        var scanner = HTMLScanner(bytes: Array(html.utf8))
        return scanner.run()
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var output: [Located] = []

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func run() -> [Located] {
        var textStart = 0
        var textLine = 1
        func flushText(_ scanner: inout HTMLScanner, upTo end: Int) {
            if end > textStart {
                scanner.output.append(Located(token: .text(Entities.decode(scanner.string(textStart, end))), line: textLine))
            }
        }
        while index < bytes.count {
            guard bytes[index] == ascii("<"), index + 1 < bytes.count else { advance(); continue }
            let next = bytes[index + 1]
            let tagStart = index
            let tagLine = line
            if starts(with: "<!--") {
                flushText(&self, upTo: tagStart)
                skip(past: "-->")
            } else if next == ascii("!") || next == ascii("?") {
                flushText(&self, upTo: tagStart)
                skip(past: ">")
            } else if next == ascii("/"), index + 2 < bytes.count, isLetter(bytes[index + 2]) {
                flushText(&self, upTo: tagStart)
                index += 2
                let name = readName()
                skip(past: ">")
                output.append(Located(token: .end(name: name), line: tagLine))
            } else if isLetter(next) {
                flushText(&self, upTo: tagStart)
                index += 1
                let name = readName()
                let attributes = readAttributes()
                output.append(Located(token: .start(name: name, attributes: attributes), line: tagLine))
                if name == "script" || name == "style" { readRawText(until: "</" + name, line: line) }
            } else {
                advance()
                continue
            }
            textStart = index
            textLine = line
        }
        flushText(&self, upTo: bytes.count)
        return output
    }

    /// Script and style bodies are raw text in HTML: a `<` inside them opens no tag.
    private mutating func readRawText(until closing: String, line startLine: Int) {
        let start = index
        while index < bytes.count, !starts(with: closing, caseInsensitive: true) { advance() }
        if index > start { output.append(Located(token: .text(string(start, index)), line: startLine)) }
    }

    private mutating func readName() -> String {
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != ascii(">"), bytes[index] != ascii("/") { advance() }
        return string(start, index).lowercased()
    }

    private mutating func readAttributes() -> [String: String] {
        var attributes: [String: String] = [:]
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == ascii("/") { advance() }
            guard index < bytes.count, bytes[index] != ascii(">") else { break }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != ascii("="), bytes[index] != ascii(">") { advance() }
            let name = string(nameStart, index).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { advance() }
            var value = ""
            if index < bytes.count, bytes[index] == ascii("=") {
                advance()
                while index < bytes.count, isSpace(bytes[index]) { advance() }
                if index < bytes.count, bytes[index] == ascii("\"") || bytes[index] == ascii("'") {
                    let quote = bytes[index]
                    advance()
                    let valueStart = index
                    while index < bytes.count, bytes[index] != quote { advance() }
                    value = string(valueStart, index)
                    advance()
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != ascii(">") { advance() }
                    value = string(valueStart, index)
                }
            }
            if !name.isEmpty { attributes[name] = Entities.decode(value) }
        }
        advance()
        return attributes
    }

    private mutating func advance() {
        if index < bytes.count, bytes[index] == ascii("\n") { line += 1 }
        index += 1
    }

    private mutating func skip(past terminator: String) {
        while index < bytes.count, !starts(with: terminator) { advance() }
        for _ in terminator.utf8 { advance() }
    }

    private func starts(with prefix: String, caseInsensitive: Bool = false) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard index + prefixBytes.count <= bytes.count else { return false }
        for (offset, expected) in prefixBytes.enumerated() {
            let actual = bytes[index + offset]
            if actual != expected, !(caseInsensitive && lower(actual) == lower(expected)) { return false }
        }
        return true
    }

    private func string(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self) }
    private func ascii(_ character: Character) -> UInt8 { character.asciiValue! }
    private func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
    private func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}

/// Decoding of the character references that escaping produces (named basics and numeric).
enum Entities {
    private static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            if let semicolon = rest[afterAmpersand...].prefix(10).firstIndex(of: ";"),
               let decoded = decodeReference(rest[afterAmpersand..<semicolon]) {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return result + rest
    }

    private static func decodeReference(_ reference: Substring) -> String? {
        if let value = named[String(reference)] { return value }
        guard reference.first == "#" else { return nil }
        let digits = reference.dropFirst()
        let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
