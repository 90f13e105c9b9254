/// `svg` with every `id="…"` and every `#…` reference (`href="#…"`, `url(#…)`) renamed to
/// `p-stem-n`: `p` is `svgIDPrefix(figureID)`, `stem` is the id's leading letters (`glyph`, `clip`,
/// `surface`, …) and `n` counts distinct ids in order of first appearance.
///
/// The prefix, different per figure, keeps several figures inlined in one HTML page from clashing; the
/// renumbering makes the bytes independent of Cairo's process-wide surface counter, so the same figure
/// always gives the same SVG.
public func prefixingSVGIDs(_ svg: String, with figureID: String) -> String {
    let prefix = svgIDPrefix(figureID)
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

/// A short name for figure `id`, valid in an XML id and a CSS selector: "f" and seven base-36 digits of
/// its FNV-1a hash. Every glyph of a figure's text is a `<use>` naming its symbol, so a prefix as long
/// as the figure's path made a sixth of the bytes of a large SVG; 36⁷ names keep the figures of one
/// report apart (a clash between two of a hundred figures has odds of about one in ten million).
func svgIDPrefix(_ id: String) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
    let digits = String(hash % 78_364_164_096, radix: 36)
    return "f" + String(repeating: "0", count: 7 - digits.count) + digits
}
