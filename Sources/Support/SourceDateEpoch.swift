import Foundation

/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention): the one clock that every timestamp and
/// PDF date reads, so reruns give identical bytes.
public enum SourceDateEpoch {
    /// The variable's value in seconds, nil when unset; a value that is not a whole number is an
    /// error, never silently ignored.
    public static func parse(_ environment: [String: String]) throws(SourceDateEpochError) -> Int? {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let seconds = Int(text) else { throw SourceDateEpochError(text: text) }
        return seconds
    }

    /// ISO 8601 in UTC of `seconds`, or of now when nil, e.g. `2026-01-01T00:00:00Z`.
    public static func timestamp(_ seconds: Int?) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date())
    }
}

public struct SourceDateEpochError: Error, Equatable, CustomStringConvertible {
    public let text: String
    public var description: String { "SOURCE_DATE_EPOCH must be a whole number of seconds, found '\(text)'" }
}
