import Foundation
import Support

/// Site-relative paths: plain, relative, and unable to leave the output folder.
enum SitePath {
    /// Checks that `path` is a plain relative path inside the site (`RelativePath.validate`).
    static func validate(_ path: String) throws(SiteError) {
        do {
            try RelativePath.validate(path)
        } catch {
            guard case .invalidPath(let path, let reason) = error else { throw SiteError.io("\(error)") }
            throw SiteError.invalidPath(path, reason: reason)
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
