import Foundation

/// The stable element ids of one page. Ids are slugs of the visible text, so they survive
/// re-runs and can be linked from other pages; the n-th repeat of a slug gets `-n`.
public struct PageAnchors: Sendable, Equatable {
    /// One id per section, in order.
    public let sections: [String]
    /// Per section, per block: the id of a table or figure block, nil for other blocks.
    public let blocks: [[String?]]

    init(_ page: Page) {
        var taken: [String: Int] = [:]
        func unique(_ base: String) -> String {
            let count = (taken[base] ?? 0) + 1
            taken[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
        // Section ids are claimed first so that adding a table never renames a section.
        sections = page.sections.map { unique(Slug.make($0.heading, fallback: "section")) }
        blocks = page.sections.map { section in
            section.blocks.map { block in
                switch block {
                case .table(let table): unique("table-" + Slug.make(table.caption, fallback: "data"))
                case .figure(let figure): unique("figure-" + Slug.make(figure.caption, fallback: "plot"))
                case .paragraph, .definitions: nil
                }
            }
        }
    }
}

/// URL- and file-name-safe identifiers made from display text.
enum Slug {
    /// Long captions make unwieldy ids and file names; the head of a caption is distinctive enough.
    static let maxLength = 48

    /// Lower-case ASCII letters and digits, other runs collapsed to single `-`; `fallback` if empty.
    static func make(_ text: String, fallback: String) -> String {
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
