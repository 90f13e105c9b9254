/// Why a report could not be written. The existing output folder is untouched in every case.
public enum SiteError: Error, Equatable, CustomStringConvertible {
    /// A path in the model or among the files is not a plain relative path inside the site.
    case invalidPath(String, reason: String)
    /// Two things would be written to the same file.
    case duplicateFile(String)
    /// The model has no `index.html` page.
    case missingIndex
    /// A figure's PNG, SVG or PDF was not supplied.
    case missingFigureFile(String)
    /// A figure file is not a readable PNG, so its size is unknown.
    case unreadablePNG(String)
    /// A template failed to parse, or a required template is absent.
    case template(name: String, message: String)
    /// The finished site failed `SiteCheck`.
    case checkFailed([String])
    /// A file-system operation failed.
    case io(String)

    public var description: String {
        switch self {
        case .invalidPath(let path, let reason): "Invalid site path \"\(path)\": \(reason)."
        case .duplicateFile(let path): "Two parts of the report would both write \"\(path)\"."
        case .missingIndex: "The report has no index.html page."
        case .missingFigureFile(let path): "The figure file \"\(path)\" was not supplied."
        case .unreadablePNG(let path): "The figure \"\(path)\" is not a readable PNG."
        case .template(let name, let message): "Template \"\(name)\" is unusable: \(message)."
        case .checkFailed(let problems):
            "The rendered report failed its checks: " + problems.prefix(5).joined(separator: "; ")
                + (problems.count > 5 ? "; and \(problems.count - 5) more." : ".")
        case .io(let message): "Could not write the report: \(message)."
        }
    }
}
