/// A problem with an input (benchmark source or configuration), located as precisely as possible.
///
/// The CLI maps `kind` to the contract's exit codes in one place: `.unreadable` → 66, `.invalid` → 65.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file is missing or cannot be read.
        case unreadable
        /// The file was read but its content is wrong.
        case invalid
    }

    public let kind: Kind
    public let file: String
    /// 1-based line, when the fault has one.
    public let line: Int?
    /// 1-based column (in characters), when the fault has one.
    public let column: Int?
    /// Byte offset, for binary inputs.
    public let byteOffset: Int?
    /// One clear sentence.
    public let message: String
    /// How to fix it, when that is not obvious from the message.
    public let hint: String?

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil,
                message: String, hint: String? = nil) {
        (self.kind, self.message, self.hint) = (kind, message, hint)
        (self.file, self.line, self.column, self.byteOffset) = (file, line, column, byteOffset)
    }

    /// `file:line:column: message`, the form editors and compilers use.
    public var location: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let byteOffset { text += " (byte \(byteOffset))" }
        return text
    }

    public var description: String {
        var text = "\(location): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
