/// Why an output file or folder could not be written. Whatever was there before is untouched.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    /// The output path exists but does not look like something this tool wrote; it is never replaced.
    case refusingToReplace(String)
    /// A path handed to a writer is not a plain relative path inside the output folder.
    case invalidPath(String, reason: String)
    /// A file-system operation failed; the message names the path.
    case io(String)
    /// Another run holds the lock on this output path.
    case locked(String)

    public var description: String {
        switch self {
        case .refusingToReplace(let path):
            "Refusing to replace \"\(path)\": it exists but is neither empty nor a folder written by nasreach (choose another path or remove it)."
        case .invalidPath(let path, let reason): "Invalid output path \"\(path)\": \(reason)."
        case .io(let message): "\(message.prefix(1).uppercased())\(message.dropFirst())."
        case .locked(let path): "Another nasreach run is writing \"\(path)\" (its lock is held); wait for it to finish or choose another path."
        }
    }
}
