/// Writes `Encodable` rows as a CSV table, so a row type declares its columns once: as its stored
/// properties, in declaration order. Nested keyed values are flattened into the same row (their keys
/// become columns), lists are written space-separated (lists of lists: rows joined by `; `), nil as an
/// empty field — every row has every column.
///
/// Fields go straight into the table's byte buffer as they are encoded (no per-field objects): the
/// improvability table has hundreds of thousands of rows of twenty fields.
public enum CSVRecordEncoder {
    /// How doubles are written.
    public enum Numbers: Sendable, Equatable {
        /// The shortest text that reads back as the same double (`1.0`, `0.1`): the results folder.
        case exact
        /// Rounded to this many significant digits, integral values without a decimal point (`1`,
        /// `0.775331`): downloads, where a reader wants the precision the data has, not the double's.
        case significantDigits(Int)
    }

    /// The table of `rows`; the header is the first row's columns, and every row must have the same.
    /// An empty sequence gives an empty file. With `threads` > 1 consecutive slices of the rows are
    /// encoded at the same time and joined in order, so the bytes never depend on it.
    public static func table<Row: Encodable & Sendable>(_ rows: [Row], numbers: Numbers = .exact, threads: Int = 1) throws -> [UInt8] {
        // Slices of at least this many rows: below it a worker costs more than it saves.
        let minimumSlice = 4096
        let slices = Swift.max(1, Swift.min(threads, rows.count / minimumSlice))
        let bounds = (0...slices).map { rows.count * $0 / slices }
        let parts = Parallel.map(count: slices, threads: slices) { slice -> Result<(header: [String]?, bytes: [UInt8]), Error> in
            Result { try encode(rows[bounds[slice]..<bounds[slice + 1]], numbers: numbers, writesHeader: slice == 0) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(try parts.reduce(0) { $0 + (try $1.get().bytes.count) })
        var header: [String]?
        for part in parts {
            let (partHeader, partBytes) = try part.get()
            if header == nil { header = partHeader } else if let partHeader, partHeader != header {
                throw EncodingError.invalidValue(partHeader, .init(codingPath: [], debugDescription: "rows of one table must have the same columns"))
            }
            bytes += partBytes
        }
        return bytes
    }

    /// One slice: its rows (after the header, when `writesHeader`) and the columns of its first row.
    private static func encode(_ rows: ArraySlice<some Encodable>, numbers: Numbers, writesHeader: Bool) throws -> (header: [String]?, bytes: [UInt8]) {
        let writer = TableWriter(numbers: numbers)
        // By index, so that each row is encoded where it is rather than copied (with a retain of each of
        // its strings) first.
        for index in rows.indices {
            try rows[index].encode(to: FieldEncoder(writer: writer, column: nil))
            try writer.endRow(rows[index])
            // Room for every row at about the first one's length (plus a margin for longer ones), so that
            // the buffer of a table of megabytes is not copied at every doubling.
            if index == rows.startIndex { writer.bytes.reserveCapacity(writer.bytes.count * rows.count * 9 / 8) }
        }
        guard let header = writer.header else { return (nil, []) }
        guard writesHeader else { return (header, writer.bytes) }
        var headerLine: [UInt8] = []
        for (index, column) in header.enumerated() {
            if index > 0 { headerLine.append(UInt8(ascii: ",")) }
            let start = headerLine.count
            headerLine += column.utf8
            TableWriter.quoteIfNeeded(&headerLine, from: start)
        }
        headerLine.append(UInt8(ascii: "\n"))
        return (header, headerLine + writer.bytes)
    }
}

/// The table being written: the bytes of the rows so far and the columns, learnt from the first row and
/// checked on every later one.
///
/// Its state is unchecked for exclusivity: one writer belongs to one slice's encoding on one thread, and
/// no access to it is ever nested in another, while the runtime's check on every field's several
/// accesses took a sixth of the time to write the improvability table.
final class TableWriter {
    let numbers: CSVRecordEncoder.Numbers
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) private(set) var header: [String]?
    /// The first row's columns as it is encoded.
    @exclusivity(unchecked) private var firstRowColumns: [String] = []
    /// Fields begun in the current row.
    @exclusivity(unchecked) private var fieldCount = 0
    /// Where the current field's text starts, for quoting it once it is complete.
    @exclusivity(unchecked) private var fieldStart = 0
    @exclusivity(unchecked) private var columnsDiffer = false
    /// `key.` for each `CSVPrefixedColumns` value being encoded.
    @exclusivity(unchecked) var prefix = ""

    init(numbers: CSVRecordEncoder.Numbers) {
        self.numbers = numbers
    }

    /// Starts the field of `column` (closing the previous one); its text is appended next.
    func beginField(_ column: String) {
        closeField()
        let name = prefix.isEmpty ? column : prefix + column
        if let header {
            if fieldCount >= header.count || header[fieldCount] != name { columnsDiffer = true }
        } else {
            firstRowColumns.append(name)
        }
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldCount += 1
        fieldStart = bytes.count
    }

    /// Quotes the field just written if it holds a comma, quote or line break (RFC 4180).
    private func closeField() {
        guard fieldCount > 0 else { return }
        Self.quoteIfNeeded(&bytes, from: fieldStart)
    }

    func endRow(_ row: some Encodable) throws {
        closeField()
        if header == nil {
            header = firstRowColumns
        } else if columnsDiffer || fieldCount != header!.count {
            throw EncodingError.invalidValue(row, .init(codingPath: [], debugDescription: "rows of one table must have the same columns"))
        }
        bytes.append(UInt8(ascii: "\n"))
        fieldCount = 0
    }

    static func quoteIfNeeded(_ bytes: inout [UInt8], from start: Int) {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard bytes[start...].contains(where: special) else { return }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for byte in bytes[start...] {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        bytes.replaceSubrange(start..., with: quoted)
    }

    /// Whether `append` writes a `T` as one field's text.
    static func isPrimitive<T>(_ type: T.Type) -> Bool {
        type == Double.self || type == String.self || type == Int.self || type == Bool.self
    }

    /// Appends a primitive's text; false if `value` is no primitive. The common types are told apart by
    /// their metatypes, not by dynamic casts: this runs for every field of every row.
    func append<T>(_ value: T) -> Bool {
        if T.self == Double.self {
            append(double: unsafeBitCast(value, to: Double.self))
        } else if T.self == String.self {
            bytes += unsafeBitCast(value, to: String.self).utf8
        } else if T.self == Int.self {
            bytes += String(unsafeBitCast(value, to: Int.self)).utf8
        } else if T.self == Bool.self {
            bytes += (unsafeBitCast(value, to: Bool.self) ? "true" : "false").utf8
        } else {
            switch value {
            case let value as Float: append(double: Double(value))
            case let value as any BinaryInteger: bytes += "\(value)".utf8
            default: return false
            }
        }
        return true
    }

    func append(double value: Double) {
        switch numbers {
        case .exact:
            bytes += CSVFormat.number(value).utf8
        case .significantDigits(let digits):
            SignificantDigits.append(value, digits: digits, to: &bytes)
        }
    }
}

struct FieldEncoder: Encoder {
    let writer: TableWriter
    /// The column a single value or list goes to; nil at the top of a row.
    let column: String?
    /// Set when encoding an element of a list: its text goes into the list's field.
    var listItem: ListState?
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // A keyed value inside a list has no column of its own; it is left out, as nothing can hold it.
        KeyedEncodingContainer(KeyedFields<Key>(writer: listItem == nil ? writer : TableWriter(numbers: writer.numbers)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if let listItem {
            listItem.separate(beforeList: true)
        } else {
            writer.beginField(column ?? "value")
        }
        return ListFields(writer: writer, state: ListState(writer: writer))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if let listItem { listItem.separate(beforeList: false) } else { writer.beginField(column ?? "value") }
        return SingleField(writer: writer)
    }
}

struct KeyedFields<Key: CodingKey>: OptionalRoutingContainer {
    let writer: TableWriter
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws { writer.beginField(key.stringValue) }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        writer.beginField(key.stringValue)
        writer.append(double: value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.beginField(key.stringValue)
        writer.bytes += value.utf8
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if TableWriter.isPrimitive(T.self) {
            writer.beginField(key.stringValue)
            _ = writer.append(value)
            return
        }
        if T.self is any CSVPrefixedColumns.Type {
            let outer = writer.prefix
            writer.prefix = outer + key.stringValue + "."
            defer { writer.prefix = outer }
            try value.encode(to: FieldEncoder(writer: writer, column: nil))
            return
        }
        try value.encode(to: FieldEncoder(writer: writer, column: key.stringValue))
    }

    // The common optionals written directly, as `encodeOptional` would write them: through the generic
    // path each field looked up its `Optional<T>` type at run time.
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        writer.beginField(key.stringValue)
        if let value { writer.append(double: value) }
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        writer.beginField(key.stringValue)
        if let value { _ = writer.append(value) }
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        writer.beginField(key.stringValue)
        if let value { writer.bytes += value.utf8 }
    }

    // Every column is written, so an absent optional is an empty field rather than a missing column.
    mutating func encodeOptional<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else if TableWriter.isPrimitive(T.self) {
            try encodeNil(forKey: key)
        } else if let prefixed = T.self as? any CSVPrefixedColumns.Type {
            for column in prefixed.csvColumns { writer.beginField(key.stringValue + "." + column) }
        } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedFields<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.beginField(key.stringValue)
        return ListFields(writer: writer, state: ListState(writer: writer))
    }

    mutating func superEncoder() -> any Encoder { FieldEncoder(writer: writer, column: nil) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { FieldEncoder(writer: writer, column: key.stringValue) }
}

/// The items of one list written so far, to put the separator before each next one: a space between
/// values, `; ` between lists.
final class ListState {
    let writer: TableWriter
    /// Unchecked for exclusivity, as `TableWriter`'s state is.
    @exclusivity(unchecked) var count = 0

    init(writer: TableWriter) {
        self.writer = writer
    }

    func separate(beforeList: Bool) {
        if count > 0 { writer.bytes += (beforeList ? "; " : " ").utf8 }
        count += 1
    }
}

struct ListFields: UnkeyedEncodingContainer {
    let writer: TableWriter
    let state: ListState
    var codingPath: [any CodingKey] = []
    var count: Int { state.count }

    mutating func encodeNil() throws { state.separate(beforeList: false) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if TableWriter.isPrimitive(T.self) {
            state.separate(beforeList: false)
            _ = writer.append(value)
        } else {
            try value.encode(to: FieldEncoder(writer: writer, column: nil, listItem: state))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedFields<NestedKey>(writer: TableWriter(numbers: writer.numbers)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        state.separate(beforeList: true)
        return ListFields(writer: writer, state: ListState(writer: writer))
    }

    mutating func superEncoder() -> any Encoder { FieldEncoder(writer: writer, column: nil, listItem: state) }
}

struct SingleField: SingleValueEncodingContainer {
    let writer: TableWriter
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard !writer.append(value) else { return }
        // A wrapper around one value (e.g. a raw-value enum of a raw-value type): its text goes here too.
        try value.encode(to: FieldEncoder(writer: writer, column: nil, listItem: ListState(writer: writer)))
    }
}

/// A nested value whose columns are named `key.column` (so that they cannot collide with the row's
/// own), and which, when nil, still writes every column, empty.
public protocol CSVPrefixedColumns {
    /// The columns of one value, in encoding order, without the prefix.
    static var csvColumns: [String] { get }
}
