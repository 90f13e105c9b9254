import Foundation
import Support

/// The stable element ids of one page. Ids are slugs of the visible text, so they survive
/// re-runs and can be linked from other pages; the n-th repeat of a slug gets `-n`.
public struct PageAnchors: Sendable, Equatable {
    /// One id per section, in order.
    public let sections: [String]
    /// Per section, per block: the id of a table or figure block, nil for other blocks.
    public let blocks: [[String?]]
    /// Long captions make unwieldy ids; the head of a caption is distinctive enough.
    static let slugLength = 48

    init(_ page: Page) {
        var taken: [String: Int] = [:]
        func unique(_ base: String) -> String {
            let count = (taken[base] ?? 0) + 1
            taken[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
        // Section ids are claimed first so that adding a table never renames a section.
        sections = page.sections.map { unique(Slug.make($0.heading, fallback: "section", maxLength: Self.slugLength)) }
        blocks = page.sections.map { section in
            section.blocks.map { block in
                switch block {
                case .table(let table): unique("table-" + Slug.make(table.caption, fallback: "data", maxLength: Self.slugLength))
                case .figure(let figure): unique("figure-" + Slug.make(figure.caption, fallback: "plot", maxLength: Self.slugLength))
                case .paragraph, .definitions, .preformatted: nil
                }
            }
        }
    }
}
