/// Coding keys of records whose optional numbers must be written as JSON `null` rather than left out,
/// so that every field a contract names is present in every record (e.g. `"tau": null` for an
/// undefined test). Synthesised `Encodable` conformances call `encodeIfPresent`; for containers keyed by
/// a `NullEncodedKeys` type these more specific overloads are chosen instead.
public protocol NullEncodedKeys: CodingKey {}

extension KeyedEncodingContainer where K: NullEncodedKeys {
    public mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encode(value, forKey: key) }
    public mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encode(value, forKey: key) }
    public mutating func encodeIfPresent(_ value: [Double]?, forKey key: Key) throws { try encode(value, forKey: key) }
}
