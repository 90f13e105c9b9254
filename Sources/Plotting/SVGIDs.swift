/// `svg` with every `id="…"` and every `#…` reference (`href="#…"`, `url(#…)`) prefixed by
/// `prefix-`, so ids such as Cairo's `glyph0-1` or `clip1` from several figures inlined in one HTML
/// page do not clash.
public func prefixingSVGIDs(_ svg: String, with prefix: String) -> String {
    let prefix = svgIDPrefix(prefix)
    return svg
        .replacing(/\bid="([^"]*)"/) { "id=\"\(prefix)-\($0.1)\"" }
        .replacing(/href="#([^"]*)"/) { "href=\"#\(prefix)-\($0.1)\"" }
        .replacing(/url\(#([^)]*)\)/) { "url(#\(prefix)-\($0.1))" }
}

/// `id` reduced to characters valid in an XML id and a CSS selector, starting with a letter.
func svgIDPrefix(_ id: String) -> String {
    let cleaned = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    return cleaned.first?.isLetter == true ? cleaned : "f" + cleaned
}
