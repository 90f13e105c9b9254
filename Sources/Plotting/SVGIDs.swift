/// `svg` with every `id="…"` and every `#…` reference (`href="#…"`, `url(#…)`) renamed to
/// `prefix-stem-n`: `stem` is the id's leading letters (`glyph`, `clip`, `surface`, …) and `n` counts
/// distinct ids in order of first appearance.
///
/// The prefix keeps several figures inlined in one HTML page from clashing; the renumbering makes the
/// bytes independent of Cairo's process-wide surface counter, so the same figure always gives the
/// same SVG.
public func prefixingSVGIDs(_ svg: String, with prefix: String) -> String {
    let prefix = svgIDPrefix(prefix)
    let bytes = Array(svg.utf8)
    let openers: [(pattern: [UInt8], terminator: UInt8, needsSpaceBefore: Bool)] = [
        (Array("id=\"".utf8), UInt8(ascii: "\""), true),
        (Array("href=\"#".utf8), UInt8(ascii: "\""), false),
        (Array("url(#".utf8), UInt8(ascii: ")"), false),
    ]
    var renamed: [String: String] = [:]
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    var i = 0
    var startsPattern = [Bool](repeating: false, count: 256)
    for opener in openers { startsPattern[Int(opener.pattern[0])] = true }
    scanning: while i < bytes.count {
        // Most bytes start no pattern; skipping them cheaply keeps multi-megabyte SVGs fast.
        if !startsPattern[Int(bytes[i])] {
            let start = i
            while i < bytes.count, !startsPattern[Int(bytes[i])] { i += 1 }
            output += bytes[start..<i]
            continue
        }
        for opener in openers where bytes[i] == opener.pattern[0] && matches(opener.pattern, in: bytes, at: i) {
            if opener.needsSpaceBefore, i > 0, ![0x20, 0x0A, 0x09, 0x0D].contains(bytes[i - 1]) { continue }
            output += opener.pattern
            i += opener.pattern.count
            let start = i
            while i < bytes.count, bytes[i] != opener.terminator { i += 1 }
            let name = String(decoding: bytes[start..<i], as: UTF8.self)
            if renamed[name] == nil {
                renamed[name] = "\(prefix)-\(String(name.prefix { $0.isLetter }))-\(renamed.count + 1)"
            }
            output += renamed[name]!.utf8
            continue scanning
        }
        output.append(bytes[i])
        i += 1
    }
    return String(decoding: output, as: UTF8.self)
}

private func matches(_ pattern: [UInt8], in bytes: [UInt8], at offset: Int) -> Bool {
    offset + pattern.count <= bytes.count && bytes[offset..<offset + pattern.count].elementsEqual(pattern)
}

/// `id` reduced to characters valid in an XML id and a CSS selector, starting with a letter.
func svgIDPrefix(_ id: String) -> String {
    let cleaned = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    return cleaned.first?.isLetter == true ? cleaned : "f" + cleaned
}
