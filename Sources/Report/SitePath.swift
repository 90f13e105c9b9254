import Foundation

/// Site-relative paths: plain, relative, and unable to leave the output folder.
enum SitePath {
    /// Checks that `path` is a relative file path inside the site: no leading `/`, no `.`/`..`/empty
    /// components, no backslash, colon (schemes, drive letters) or control character.
    static func validate(_ path: String) throws(SiteError) {
        func reject(_ reason: String) throws(SiteError) { throw SiteError.invalidPath(path, reason: reason) }
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

    /// Validates a link target: a site path optionally followed by `#fragment`, or just `#fragment`.
    static func validateLink(_ target: String) throws(SiteError) {
        let path = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if path.isEmpty, target.hasPrefix("#") { return }
        try validate(String(path))
    }

    /// `target` (site-relative, maybe with `#fragment`) as seen from the page at `pagePath`,
    /// percent-encoded for an `href`.
    static func relative(_ target: String, from pagePath: String) -> String {
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let fragment = parts.count > 1 ? "#" + (String(parts[1]).addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? "") : ""
        if path.isEmpty { return fragment }
        let encoded = path.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? path
        return rootPrefix(of: pagePath) + encoded + fragment
    }

    /// `../` once per folder the page sits in: the way back to the site root.
    static func rootPrefix(of pagePath: String) -> String {
        String(repeating: "../", count: pagePath.filter { $0 == "/" }.count)
    }

    /// Unreserved characters and `/`; everything else (spaces, `?`, `#`, …) is percent-encoded.
    private static let pathAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
}
