import Foundation
import Support

/// Checks a finished static site for what the report promises: self-contained (no other host, no
/// absolute URL in anything a browser may fetch; plain text and named meta tags may cite an address),
/// every local link and image resolves, every page reachable from `index.html`,
/// accessible tables and images, unique ids, no inline script, valid HTML5 boilerplate.
public enum SiteCheck {
    /// Human-readable problems (`path:line: what`), empty for a good site.
    /// - Parameter threads: workers for checking the files; the problems, and their order, never depend on it.
    public static func problems(in directory: URL, threads: Int = 1) -> [String] {
        let files: [String: Data]
        do {
            files = try Theme.files(in: directory, reading: Checker.isChecked)
        } catch {
            return ["\(directory.path): \(error)"]
        }
        var checker = Checker(files: files)
        checker.run(threads: threads)
        return checker.problems
    }
}

private struct Checker {
    let files: [String: Data]
    var problems: [String] = []
    /// Element ids per HTML file, for checking `#fragment` links.
    private var ids: [String: Set<String>] = [:]
    /// (source, line, target file, fragment) of every link with a fragment.
    private var fragmentLinks: [(source: String, line: Int, target: String, fragment: String)] = []
    /// HTML files each HTML file links to, for reachability from the index.
    private var pageLinks: [String: Set<String>] = [:]

    /// Attributes whose value is a URL the browser may request or navigate to.
    private static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "poster", "data", "cite", "background", "manifest", "longdesc",
        "ping", "xlink:href", "codebase", "archive", "icon",
    ]

    init(files: [String: Data]) { self.files = files }

    /// The files whose text is checked; of the others (figures, data) only the names matter.
    static func isChecked(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".css") || path.hasSuffix(".js")
    }

    mutating func run(threads: Int) {
        // Each file is checked on its own (the largest first: the figures' point-data scripts run to
        // megabytes), and what each found is gathered in path order, as one pass over them would have.
        let paths = files.keys.sorted().filter(Self.isChecked)
        let largestFirst = paths.indices.sorted { (files[paths[$0]]!.count, $1) > (files[paths[$1]]!.count, $0) }
        let start = self
        let checked = Parallel.map(count: paths.count, threads: threads, order: largestFirst) { index in
            var checker = start
            checker.check(paths[index])
            return checker
        }
        for file in checked {
            problems += file.problems
            ids.merge(file.ids) { _, new in new }
            fragmentLinks += file.fragmentLinks
            pageLinks.merge(file.pageLinks) { $0.union($1) }
        }
        checkFragments()
        checkReachability()
    }

    /// The checks of one file's own text.
    private mutating func check(_ path: String) {
        let text = String(decoding: files[path]!, as: UTF8.self)
        if path.hasSuffix(".html") {
            checkHTML(text, path: path)
        } else if path.hasSuffix(".css") {
            checkCSS(text, path: path, line: 1)
            checkNoExternalScheme(text, path: path)
        } else if path.hasSuffix(".js") {
            checkNoExternalScheme(text, path: path)
            // `//` opens a comment in JS; only as the start of a string literal is it a URL.
            for quote in ["\"//", "'//", "`//"] where text.utf8Offset(of: quote) != nil {
                report(path, 1, "protocol-relative URL \(quote)… in script")
            }
        }
    }

    private mutating func report(_ path: String, _ line: Int, _ message: String) {
        problems.append("\(path):\(line): \(message)")
    }

    /// `line` is where `text` starts in the file.
    private mutating func checkNoExternalScheme(_ text: String, path: String, line: Int = 1) {
        let lower = text.lowercased()
        for scheme in ["http:", "https:"] {
            guard let offset = lower.utf8Offset(of: scheme) else { continue }
            report(path, line + lower.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") }, "external URL scheme \(scheme)")
        }
    }

    private mutating func checkHTML(_ text: String, path: String) {
        let trimmed = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.prefix(15).lowercased() != "<!doctype html>" { report(path, 1, "missing <!doctype html>") }

        var seenIDs = Set<String>()
        var hasLang = false, hasCharset = false, hasViewport = false
        var tableLine: Int?
        var captionText = ""
        var inCaption = false
        var openScript: (line: Int, hasBody: Bool)?
        var inStyle = false
        for located in HTMLScanner.tokens(text) {
            let line = located.line
            switch located.token {
            case .start(let name, let attributes):
                if let id = attributes["id"] {
                    if !seenIDs.insert(id).inserted { report(path, line, "duplicate id \"\(id)\"") }
                }
                for (attribute, value) in attributes {
                    if Self.urlAttributes.contains(attribute) { checkURL(value, from: path, line: line, attribute: attribute) }
                    if attribute == "srcset" {
                        for candidate in value.split(separator: ",") {
                            let url = candidate.split(separator: " ").first.map(String.init) ?? ""
                            checkURL(url, from: path, line: line, attribute: attribute)
                        }
                    }
                    // A citation's address may stand in text and in a named meta tag (nothing fetches those);
                    // anywhere else in markup an http(s) address could become a request.
                    let namedMeta = name == "meta" && attribute == "content" && attributes["name"] != nil && attributes["http-equiv"] == nil
                    if !namedMeta { checkNoExternalScheme(value, path: path, line: line) }
                    if attribute.hasPrefix("on") { report(path, line, "inline event handler \(attribute)") }
                    if attribute == "style" { checkCSS(value, path: path, line: line) }
                }
                switch name {
                case "html": hasLang = !(attributes["lang"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                case "meta":
                    if attributes["charset"]?.lowercased() == "utf-8" { hasCharset = true }
                    if attributes["name"]?.lowercased() == "viewport", attributes["content"]?.contains("width=device-width") == true {
                        hasViewport = true
                    }
                case "img":
                    if (attributes["alt"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        report(path, line, "image without alt text")
                    }
                case "table":
                    if tableLine != nil { report(path, line, "nested table") }
                    tableLine = line
                    captionText = ""
                case "caption":
                    inCaption = true
                case "th":
                    let scope = attributes["scope"] ?? ""
                    if scope != "col" && scope != "row" { report(path, line, "table header cell without scope=\"col\" or \"row\"") }
                case "script":
                    if (attributes["src"] ?? "").isEmpty { report(path, line, "script without src (inline script)") }
                    openScript = (line, false)
                case "style":
                    inStyle = true
                default: break
                }
            case .end(let name):
                switch name {
                case "caption": inCaption = false
                case "table":
                    if let open = tableLine, captionText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        report(path, open, "table without a caption")
                    }
                    tableLine = nil
                case "script":
                    if let open = openScript, open.hasBody { report(path, open.line, "script element with inline code") }
                    openScript = nil
                case "style": inStyle = false
                default: break
                }
            case .text(let content):
                if inCaption, tableLine != nil { captionText += content }
                if openScript != nil, !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { openScript?.hasBody = true }
                if inStyle { checkCSS(content, path: path, line: line) }
            }
        }
        if !hasLang { report(path, 1, "<html> without lang") }
        if !hasCharset { report(path, 1, "missing <meta charset=\"utf-8\">") }
        if !hasViewport { report(path, 1, "missing viewport <meta>") }
        ids[path] = seenIDs
    }

    /// Checks `url(…)` and `@import` references in a stylesheet (or a `style` attribute or element).
    private mutating func checkCSS(_ css: String, path: String, line: Int) {
        var rest = Substring(css)
        while let open = rest.range(of: "url(") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: ")") else { break }
            let value = afterOpen[..<close].trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\"'"))
            let lineOffset = css[..<open.lowerBound].filter { $0 == "\n" }.count
            checkURL(value, from: path, line: line + lineOffset, attribute: "url()")
            rest = afterOpen[close...]
        }
        if css.contains("@import") { report(path, line, "@import in a stylesheet (keep one self-contained file)") }
    }

    /// A URL must be relative, resolve to a file of the site, and (for `#fragment`) to an element.
    private mutating func checkURL(_ raw: String, from source: String, line: Int, attribute: String) {
        let url = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if url.isEmpty { return report(source, line, "empty \(attribute)") }
        if url.hasPrefix("//") { return report(source, line, "protocol-relative URL \(url)") }
        if url.hasPrefix("/") { return report(source, line, "absolute URL \(url)") }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains(where: { "/?#".contains($0) }) {
            return report(source, line, "URL with a scheme: \(url)")
        }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let withoutQuery = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let pathPart = String(withoutQuery).removingPercentEncoding ?? String(withoutQuery)
        let fragment = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil
        let target: String
        if pathPart.isEmpty {
            target = source
        } else {
            var components = source.split(separator: "/").dropLast().map(String.init)
            for component in pathPart.split(separator: "/", omittingEmptySubsequences: false) {
                switch component {
                case ".", "": continue
                case "..":
                    if components.isEmpty { return report(source, line, "link leaves the site: \(url)") }
                    components.removeLast()
                default: components.append(String(component))
                }
            }
            target = components.joined(separator: "/")
            guard files[target] != nil else { return report(source, line, "broken link \(url) (no file \(target))") }
        }
        if let fragment, !fragment.isEmpty { fragmentLinks.append((source, line, target, fragment)) }
        if source.hasSuffix(".html"), target.hasSuffix(".html"), attribute == "href" {
            pageLinks[source, default: []].insert(target)
        }
    }

    private mutating func checkFragments() {
        for link in fragmentLinks {
            guard link.target.hasSuffix(".html") else { continue }
            if ids[link.target]?.contains(link.fragment) != true {
                report(link.source, link.line, "link to missing anchor \(link.target)#\(link.fragment)")
            }
        }
    }

    private mutating func checkReachability() {
        let pages = Set(files.keys.filter { $0.hasSuffix(".html") })
        guard pages.contains("index.html") else { return report("index.html", 1, "the site has no index.html") }
        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            for next in pageLinks[page] ?? [] where reached.insert(next).inserted { queue.append(next) }
        }
        for page in pages.subtracting(reached).sorted() { report(page, 1, "page not reachable from index.html") }
    }
}

extension String {
    /// Where `needle` first occurs, in UTF-8 bytes from the start. A byte search: Foundation's `contains`
    /// goes through UTF-16, and the generic `firstRange(of:)` compares index by index, both slow on the
    /// megabytes of the figures' point-data scripts.
    fileprivate func utf8Offset(of needle: String) -> Int? {
        var (haystack, needle) = (self, needle)
        return haystack.withUTF8 { haystack in
            needle.withUTF8 { needle -> Int? in
                guard let start = haystack.baseAddress, let bytes = needle.baseAddress, needle.count <= haystack.count else { return nil }
                let end = start + haystack.count
                var candidate = start
                // Each occurrence of the needle's first byte (found by memchr), compared whole.
                while end - candidate >= needle.count,
                      let found = memchr(candidate, Int32(bytes.pointee), end - candidate - needle.count + 1) {
                    let position = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(position, bytes, needle.count) == 0 { return start.distance(to: position) }
                    candidate = position + 1
                }
                return nil
            }
        }
    }
}
