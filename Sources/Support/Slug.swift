import Foundation

/// URL- and file-name-safe identifiers: lower-case ASCII letters and digits, every other run collapsed
/// to a single `-`, diacritics folded (`é` → `e`). Metric folders, figure names and page anchors all
/// use this one rule, so a name maps to the same slug wherever it appears.
public enum Slug {
    /// `text` as a slug, cut at a `-` to at most `maxLength` characters; `fallback` if nothing is left.
    public static func make(_ text: String, fallback: String, maxLength: Int = .max) -> String {
        var slug = asciiSlug(text) ?? foldedSlug(text)
        if slug.count > maxLength {
            let head = slug.prefix(maxLength)
            slug = head.lastIndex(of: "-").map { String(head[..<$0]) } ?? String(head)
        }
        return slug.isEmpty ? fallback : slug
    }

    /// The slug of any text: diacritics and case folded first.
    static func foldedSlug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// `foldedSlug` of ASCII text, byte by byte: there is nothing to fold but case, and the ASCII
    /// alphanumerics are the letters and digits. Nil for other text. Pages take a slug of every caption
    /// (and look tables up by caption), so this runs thousands of times per report.
    static func asciiSlug(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower) {
                if pendingHyphen, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                bytes.append(lower)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
