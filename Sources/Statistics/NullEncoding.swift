/// Optional numbers are written as JSON `null` rather than left out, so that every field the results
/// contract names is present in every record (e.g. `"tau": null` for an undefined test). Synthesised
/// `Encodable` conformances call `encodeIfPresent`; these overloads, visible wherever Statistics is
/// imported, take precedence over the standard library's for these types.
extension KeyedEncodingContainer {
    public mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encode(value, forKey: key) }
    public mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encode(value, forKey: key) }
    public mutating func encodeIfPresent(_ value: [Double]?, forKey key: Key) throws { try encode(value, forKey: key) }
}
