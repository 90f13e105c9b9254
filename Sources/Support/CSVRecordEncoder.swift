/// Writes `Encodable` rows as a CSV table, so a row type declares its columns once: as its stored
/// properties, in declaration order. Nested keyed values are flattened into the same row (their keys
/// become columns), lists are written space-separated (lists of lists: rows joined by `; `), nil as an
/// empty field — every row has every column.
public enum CSVRecordEncoder {
    /// The table of `rows`; the header is the first row's columns, and every row must have the same.
    /// An empty sequence gives an empty file.
    public static func table<Rows: Sequence>(_ rows: Rows) throws -> [UInt8] where Rows.Element: Encodable {
        var header: [String]?
        var bytes: [UInt8] = []
        for row in rows {
            let sink = RowSink()
            try row.encode(to: FieldEncoder(sink: sink, column: nil))
            if header == nil {
                header = sink.columns
                bytes.reserveCapacity(rows.underestimatedCount * 12 * sink.columns.count)
                append(sink.columns, to: &bytes)
            } else if sink.columns != header {
                throw EncodingError.invalidValue(row, .init(codingPath: [], debugDescription: "rows of one table must have the same columns"))
            }
            append(sink.values.map { $0.rendered }, to: &bytes)
        }
        return bytes
    }

    private static func append(_ fields: [String], to bytes: inout [UInt8]) {
        for (index, text) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: CSVFormat.field(text).utf8)
        }
        bytes.append(UInt8(ascii: "\n"))
    }
}

/// One field, or a list of fields, filled in as the row's encoding proceeds.
final class FieldBox {
    var text = ""
    var items: [FieldBox]?

    var rendered: String {
        guard let items else { return text }
        return items.map(\.rendered).joined(separator: items.contains { $0.items != nil } ? "; " : " ")
    }
}

final class RowSink {
    var columns: [String] = []
    var values: [FieldBox] = []

    func field(_ column: String) -> FieldBox {
        let box = FieldBox()
        columns.append(column)
        values.append(box)
        return box
    }
}

/// Formats a primitive as a CSV field.
private func text<T>(_ value: T) -> String? {
    switch value {
    case let value as Double: CSVFormat.number(value)
    case let value as Float: CSVFormat.number(Double(value))
    case let value as String: value
    case let value as Bool: value ? "true" : "false"
    case let value as any BinaryInteger: "\(value)"
    default: nil
    }
}

struct FieldEncoder: Encoder {
    let sink: RowSink
    /// The column a single value or list goes to; nil at the top of a row.
    let column: String?
    /// Set when encoding an element of a list.
    var listItem: FieldBox?
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedFields<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = listItem ?? sink.field(column ?? "value")
        box.items = []
        return ListFields(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleField(box: listItem ?? sink.field(column ?? "value"), sink: sink)
    }
}

struct KeyedFields<Key: CodingKey>: OptionalRoutingContainer {
    let sink: RowSink
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws { _ = sink.field(key.stringValue) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let text = text(value) {
            sink.field(key.stringValue).text = text
        } else if T.self is any CSVPrefixedColumns.Type {
            let inner = RowSink()
            try value.encode(to: FieldEncoder(sink: inner, column: nil))
            sink.columns += inner.columns.map { key.stringValue + "." + $0 }
            sink.values += inner.values
        } else {
            try value.encode(to: FieldEncoder(sink: sink, column: key.stringValue))
        }
    }

    // Every column is written, so an absent optional is an empty field rather than a missing column.
    mutating func encodeOptional<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else if let prefixed = T.self as? any CSVPrefixedColumns.Type {
            for column in prefixed.csvColumns { _ = sink.field(key.stringValue + "." + column) }
        } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedFields<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let box = sink.field(key.stringValue)
        box.items = []
        return ListFields(box: box)
    }

    mutating func superEncoder() -> any Encoder { FieldEncoder(sink: sink, column: nil) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { FieldEncoder(sink: sink, column: key.stringValue) }
}

struct ListFields: UnkeyedEncodingContainer {
    let box: FieldBox
    var codingPath: [any CodingKey] = []
    var count: Int { box.items?.count ?? 0 }

    private func newItem() -> FieldBox {
        let item = FieldBox()
        box.items!.append(item)
        return item
    }

    mutating func encodeNil() throws { _ = newItem() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let item = newItem()
        if let text = text(value) { item.text = text } else {
            try value.encode(to: FieldEncoder(sink: RowSink(), column: nil, listItem: item))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedFields<NestedKey>(sink: RowSink()))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let item = newItem()
        item.items = []
        return ListFields(box: item)
    }

    mutating func superEncoder() -> any Encoder { FieldEncoder(sink: RowSink(), column: nil, listItem: newItem()) }
}

struct SingleField: SingleValueEncodingContainer {
    let box: FieldBox
    let sink: RowSink
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws { box.text = "" }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let text = text(value) { box.text = text } else {
            try value.encode(to: FieldEncoder(sink: sink, column: nil, listItem: box))
        }
    }
}

/// A nested value whose columns are named `key.column` (so that they cannot collide with the row's
/// own), and which, when nil, still writes every column, empty.
public protocol CSVPrefixedColumns {
    /// The columns of one value, in encoding order, without the prefix.
    static var csvColumns: [String] { get }
}
