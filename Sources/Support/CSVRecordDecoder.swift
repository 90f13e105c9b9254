/// Reads rows written by `CSVRecordEncoder` back into their `Decodable` type: columns are found by
/// name, an empty field is nil, lists are split as the encoder joined them.
public struct CSVRecordDecoder {
    public let header: [String]
    let columns: [String: Int]

    public init(header: [String]) {
        self.header = header
        columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Decodes one row; `line` (1-based, the header is line 1) locates errors.
    public func decode<T: Decodable>(_ type: T.Type, fields: [String], line: Int) throws(CSVFieldError) -> T {
        do {
            return try T(from: RowDecoder(row: Row(fields: fields, columns: columns, line: line), field: nil))
        } catch let error as CSVFieldError {
            throw error
        } catch {
            throw CSVFieldError(line: line, column: nil, message: "\(error)")
        }
    }
}

/// A field that does not hold what its column promises, located by line and 1-based column.
public struct CSVFieldError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int?
    public let message: String

    public init(line: Int, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line)\(column.map { ", column \($0)" } ?? ""): \(message)" }
}

struct Row {
    let fields: [String]
    let columns: [String: Int]
    let line: Int

    func index(_ key: any CodingKey) throws(CSVFieldError) -> Int {
        guard let index = columns[key.stringValue], index < fields.count else {
            throw CSVFieldError(line: line, column: nil, message: "missing column '\(key.stringValue)'")
        }
        return index
    }

    static func isPrimitive(_ type: Any.Type) -> Bool {
        type is Double.Type || type is Float.Type || type is String.Type || type is Bool.Type || type is any BinaryInteger.Type
    }

    func parse<T>(_ text: String, as type: T.Type, column: Int) throws(CSVFieldError) -> T {
        let value: Any? = switch type {
        case is Double.Type: Double(text)
        case is Float.Type: Float(text)
        case is String.Type: text
        case is Bool.Type: text == "true" ? true : text == "false" ? false : nil
        case is Int.Type: Int(text)
        case is Int8.Type: Int8(text)
        case is Int16.Type: Int16(text)
        case is Int32.Type: Int32(text)
        case is Int64.Type: Int64(text)
        case is UInt.Type: UInt(text)
        case is UInt8.Type: UInt8(text)
        case is UInt16.Type: UInt16(text)
        case is UInt32.Type: UInt32(text)
        case is UInt64.Type: UInt64(text)
        default: nil
        }
        guard let value = value as? T else {
            throw CSVFieldError(line: line, column: column + 1, message: "'\(text)' is not a valid \(T.self)")
        }
        return value
    }
}

/// Decodes the whole row (a keyed container over its columns) or one field of it.
struct RowDecoder: Decoder {
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let row: Row
    /// The column this decoder reads, or nil for the whole row; `text` overrides it for list items.
    let field: Int?
    var text: String? = nil
    var codingPath: [any CodingKey] = []

    var fieldText: String { text ?? field.map { row.fields[$0] } ?? "" }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedColumns<Key>(row: row))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer {
        let text = fieldText
        let items: [String] = text.isEmpty ? []
            : text.contains(";") ? text.split(separator: ";").map { $0.trimmingSpaces }
            : text.split(separator: " ").map(String.init)
        return ListItems(row: row, field: field ?? 0, items: items)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer { SingleItem(decoder: self) }
}

private extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

struct KeyedColumns<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: Row
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { row.columns.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { row.columns[key.stringValue].map { $0 < row.fields.count } ?? false }

    func decodeNil(forKey key: Key) throws -> Bool { row.fields[try row.index(key)].isEmpty }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        // A nested record was flattened into the row by the encoder: its columns are the row's own.
        if !Row.isPrimitive(type), !contains(key) { return try T(from: RowDecoder(row: row, field: nil)) }
        let index = try row.index(key)
        if Row.isPrimitive(type) { return try row.parse(row.fields[index], as: type, column: index) }
        do {
            return try T(from: RowDecoder(row: row, field: index))
        } catch let error as CSVFieldError {
            throw error
        } catch {
            throw CSVFieldError(line: row.line, column: index + 1, message: "'\(row.fields[index])' is not a valid \(T.self)")
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(KeyedColumns<NestedKey>(row: row))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        RowDecoder(row: row, field: try row.index(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { RowDecoder(row: row, field: nil) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row, field: try row.index(key)) }
}

struct ListItems: UnkeyedDecodingContainer {
    let row: Row
    let field: Int
    let items: [String]
    var codingPath: [any CodingKey] = []
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else { throw CSVFieldError(line: row.line, column: field + 1, message: "too few items") }
        defer { currentIndex += 1 }
        return try T(from: RowDecoder(row: row, field: field, text: items[currentIndex]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(KeyedColumns<NestedKey>(row: row))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        defer { currentIndex += 1 }
        return RowDecoder(row: row, field: field, text: items[currentIndex]).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { RowDecoder(row: row, field: field) }
}

struct SingleItem: SingleValueDecodingContainer {
    let decoder: RowDecoder
    var codingPath: [any CodingKey] = []

    func decodeNil() -> Bool { decoder.fieldText.isEmpty }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.row.parse(decoder.fieldText, as: type, column: decoder.field ?? 0)
    }
}
