/// How the published report names itself (`site { … }` in the configuration): the page header and
/// `<title>`, the author and description meta tags, and the citation box with its `cite.bib`. Every field
/// is optional; a report without them carries nasreach's own title and no citation.
public struct SiteMetadata: Sendable, Equatable, Codable {
    public var title: String?
    public var authors: [String] = []
    public var affiliation: String?
    /// One paragraph; also the pages' `<meta name="description">`.
    public var abstract: String?
    /// A BibTeX entry, shown on the index and downloadable as `cite.bib`.
    public var citation: String?
    /// Where the report is published: printed as text and in meta tags, never fetched.
    public var url: String?

    public init() {}
}
