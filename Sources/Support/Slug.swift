import Foundation

/// URL- and file-name-safe identifiers: lower-case ASCII letters and digits, every other run collapsed
/// to a single `-`, diacritics folded (`é` → `e`). Metric folders, figure names and page anchors all
/// use this one rule, so a name maps to the same slug wherever it appears.
public enum Slug {
    /// `text` as a slug, cut at a `-` to at most `maxLength` characters; `fallback` if nothing is left.
    public static func make(_ text: String, fallback: String, maxLength: Int = .max) -> String {
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
        if slug.count > maxLength {
            let head = slug.prefix(maxLength)
            slug = head.lastIndex(of: "-").map { String(head[..<$0]) } ?? String(head)
        }
        return slug.isEmpty ? fallback : slug
    }
}
