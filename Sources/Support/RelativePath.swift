/// Paths inside an output folder: plain, relative, and unable to leave it.
public enum RelativePath {
    /// Checks that `path` is a relative file path inside the folder: no leading `/`, no `.`/`..`/empty
    /// components, no backslash, colon (schemes, drive letters) or control character.
    public static func validate(_ path: String) throws(OutputError) {
        func reject(_ reason: String) throws(OutputError) { throw OutputError.invalidPath(path, reason: reason) }
        if path.isEmpty { try reject("it is empty") }
        if path.hasPrefix("/") { try reject("it is absolute") }
        if path.contains("\\") || path.contains(":") { try reject("it contains a backslash or colon") }
        if path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            try reject("it contains a control character")
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { try reject("it has an empty component") }
            if component == "." || component == ".." { try reject("it has a \"\(component)\" component") }
        }
    }
}
