/// A closed vocabulary that results spell as one string: written as `rawValue`, read back by
/// `init?(rawValue:)`, with an error naming the vocabulary when a string is none of its values.
public protocol StringVocabulary: Codable {
    /// What one value is called in errors, e.g. "start group".
    static var vocabularyName: String { get }
    var rawValue: String { get }
    init?(rawValue: String)
}

extension StringVocabulary {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown \(Self.vocabularyName) '\(text)'")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
