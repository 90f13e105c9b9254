import Foundation

/// Types whose records `results.json` writes with every field present: an absent optional is written
/// as `null` (e.g. `"tau": null` for an undefined test) instead of being left out.
public protocol WritesNullFields: Encodable {}

/// The canonical JSON of nasreach: sorted keys, pretty-printed, unescaped slashes and a final newline,
/// so that equal values give equal bytes. Inside a `WritesNullFields` value every absent optional is
/// written as `null`; elsewhere it is omitted, as `JSONEncoder` does.
public enum JSONRecordEncoder {
    /// Whether the JSON is indented.
    public enum Layout: Sendable {
        /// One key per line, for the results folder a reader diffs and greps.
        case pretty
        /// No whitespace, for the site's download: the same values in two thirds of the bytes.
        case compact
    }

    public static func encode<T: Encodable>(_ value: T, layout: Layout = .pretty) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = layout == .pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(NullPolicy(value: value, writesNulls: false))) + [UInt8(ascii: "\n")]
    }
}

/// A value re-encoded through `NullWritingEncoder`, which carries the null policy down the tree.
struct NullPolicy<Value: Encodable>: Encodable {
    let value: Value
    let writesNulls: Bool

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: NullWritingEncoder(base: encoder, writesNulls: writesNulls || value is any WritesNullFields))
    }
}

struct NullWritingEncoder: Encoder {
    let base: any Encoder
    let writesNulls: Bool
    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(NullWritingKeyed(base: base.container(keyedBy: type), writesNulls: writesNulls))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        NullWritingUnkeyed(base: base.unkeyedContainer(), writesNulls: writesNulls)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        NullWritingSingle(base: base.singleValueContainer(), writesNulls: writesNulls)
    }
}

struct NullWritingKeyed<Key: CodingKey>: OptionalRoutingContainer {
    var base: KeyedEncodingContainer<Key>
    let writesNulls: Bool
    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encodeNil(forKey key: Key) throws { try base.encodeNil(forKey: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try base.encode(value, forKey: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try base.encode(NullPolicy(value: value, writesNulls: writesNulls), forKey: key)
    }

    /// The policy decides between null and absence.
    mutating func encodeOptional<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else if writesNulls { try base.encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(NullWritingKeyed<NestedKey>(base: base.nestedContainer(keyedBy: keyType, forKey: key), writesNulls: writesNulls))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NullWritingUnkeyed(base: base.nestedUnkeyedContainer(forKey: key), writesNulls: writesNulls)
    }

    mutating func superEncoder() -> any Encoder { NullWritingEncoder(base: base.superEncoder(), writesNulls: writesNulls) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NullWritingEncoder(base: base.superEncoder(forKey: key), writesNulls: writesNulls)
    }
}

struct NullWritingUnkeyed: UnkeyedEncodingContainer {
    var base: any UnkeyedEncodingContainer
    let writesNulls: Bool
    var codingPath: [any CodingKey] { base.codingPath }
    var count: Int { base.count }

    mutating func encodeNil() throws { try base.encodeNil() }
    // Primitives too go through the policy: it hands them to `NullWritingSingle`, which writes them as they are.
    mutating func encode<T: Encodable>(_ value: T) throws { try base.encode(NullPolicy(value: value, writesNulls: writesNulls)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(NullWritingKeyed<NestedKey>(base: base.nestedContainer(keyedBy: keyType), writesNulls: writesNulls))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NullWritingUnkeyed(base: base.nestedUnkeyedContainer(), writesNulls: writesNulls)
    }

    mutating func superEncoder() -> any Encoder { NullWritingEncoder(base: base.superEncoder(), writesNulls: writesNulls) }
}

struct NullWritingSingle: SingleValueEncodingContainer {
    var base: any SingleValueEncodingContainer
    let writesNulls: Bool
    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encodeNil() throws { try base.encodeNil() }
    mutating func encode(_ value: Bool) throws { try base.encode(value) }
    mutating func encode(_ value: String) throws { try base.encode(value) }
    mutating func encode(_ value: Double) throws { try base.encode(value) }
    mutating func encode(_ value: Int) throws { try base.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try base.encode(NullPolicy(value: value, writesNulls: writesNulls)) }
}
