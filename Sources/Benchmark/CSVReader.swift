/// An RFC 4180 reader over bytes: quoted fields (with `""` escapes and embedded line breaks), CRLF or
/// LF records, an optional UTF-8 byte-order mark. Every field remembers the line and column where it starts.
struct CSVReader {
    struct Field {
        let text: String
        let line: Int
        /// 1-based column in characters of the field's first character (its opening quote if quoted).
        let column: Int
        /// Whether the field was quoted (its content starts one column later).
        let quoted: Bool
    }

    struct Record {
        let fields: [Field]
        /// Line of the record's first character.
        let line: Int
        /// Column just past the record's last character, for "missing field" errors.
        let endColumn: Int
    }

    let file: String
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var column = 1

    init(bytes: [UInt8], file: String) {
        self.file = file
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    var isAtEnd: Bool { position >= bytes.count }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private func error(_ message: String, line: Int? = nil, column: Int? = nil) -> InputError {
        InputError(.invalid, file: file, line: line ?? self.line, column: column ?? self.column, message: message)
    }

    private mutating func advance() {
        let byte = bytes[position]
        position += 1
        if byte == CSVReader.lf {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1  // count characters, not UTF-8 continuation bytes
        }
    }

    /// The next record, or nil at the end of the input. A final line break does not start a record.
    mutating func nextRecord() throws(InputError) -> Record? {
        guard !isAtEnd else { return nil }
        let recordLine = line
        var fields: [Field] = []
        while true {
            let field = try nextField()
            fields.append(field)
            if isAtEnd { return Record(fields: fields, line: recordLine, endColumn: column) }
            let byte = bytes[position]
            if byte == CSVReader.comma { advance(); continue }
            let endColumn = column
            if byte == CSVReader.cr {
                advance()
                guard !isAtEnd, bytes[position] == CSVReader.lf else {
                    throw error("a carriage return must be followed by a line feed (CRLF)")
                }
            }
            advance()  // the LF
            return Record(fields: fields, line: recordLine, endColumn: endColumn)
        }
    }

    private mutating func nextField() throws(InputError) -> Field {
        let startLine = line, startColumn = column
        if !isAtEnd, bytes[position] == CSVReader.quote {
            advance()
            var content: [UInt8] = []
            while true {
                guard !isAtEnd else {
                    throw error("a quoted field opened here is never closed", line: startLine, column: startColumn)
                }
                let byte = bytes[position]
                advance()
                if byte == CSVReader.quote {
                    if !isAtEnd, bytes[position] == CSVReader.quote {
                        content.append(byte)
                        advance()
                        continue
                    }
                    break
                }
                content.append(byte)
            }
            if !isAtEnd, ![CSVReader.comma, CSVReader.cr, CSVReader.lf].contains(bytes[position]) {
                throw error("unexpected text after a closing quote (write a quote inside a quoted field as \"\")")
            }
            return Field(text: try decode(content, line: startLine, column: startColumn), line: startLine, column: startColumn, quoted: true)
        }
        let start = position
        while !isAtEnd {
            let byte = bytes[position]
            if byte == CSVReader.comma || byte == CSVReader.cr || byte == CSVReader.lf { break }
            if byte == CSVReader.quote {
                throw error("a quote inside an unquoted field (quote the whole field and double the quote)")
            }
            advance()
        }
        return Field(text: try decode(bytes[start..<position], line: startLine, column: startColumn), line: startLine, column: startColumn, quoted: false)
    }

    private func decode(_ content: some Collection<UInt8>, line: Int, column: Int) throws(InputError) -> String {
        guard let text = String(validating: content, as: UTF8.self) else {
            throw error("this field is not valid UTF-8 text (save the file as UTF-8)", line: line, column: column)
        }
        return text
    }
}

/// A whole CSV file as text fields: the header and the rows, each row as long as the header.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public static func parse(bytes: [UInt8], file: String) throws(InputError) -> CSVTable {
        var reader = CSVReader(bytes: bytes, file: file)
        guard let header = try reader.nextRecord() else {
            throw InputError(.invalid, file: file, line: 1, column: 1, message: "the table is empty")
        }
        var rows: [[String]] = []
        while let record = try reader.nextRecord() {
            guard record.fields.count == header.fields.count else {
                throw InputError(.invalid, file: file, line: record.line, column: record.endColumn,
                                 message: "row has \(record.fields.count) fields but the header has \(header.fields.count)")
            }
            rows.append(record.fields.map(\.text))
        }
        return CSVTable(header: header.fields.map(\.text), rows: rows)
    }

    /// The values of a named column, nil when the column is absent.
    public func column(_ name: String) -> [String]? {
        header.firstIndex(of: name).map { index in rows.map { $0[index] } }
    }
}
