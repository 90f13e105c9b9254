/// The whole content of a static report, independent of how it is rendered: the report stage maps
/// analysis results onto this model, and `SiteWriter` turns it into files.
public struct SiteModel: Sendable, Equatable {
    /// Shown in every page header and in each page's `<title>`.
    public var title: String
    /// When true every page carries a banner saying the numbers come from synthetic data.
    public var isSynthetic: Bool
    /// Where the numbers came from; shown in every page footer.
    public var provenance: Provenance
    /// Top-level navigation shown on every page; targets are site-relative paths.
    public var navigation: [Link]
    /// All pages; one of them must be `index.html`.
    public var pages: [Page]
    /// Shown under the title and in the `author` and `citation_author` meta tags.
    public var authors: [String]
    public var affiliation: String?
    /// Every page's `<meta name="description">`.
    public var abstract: String?
    /// Where the report is published, for citation managers (`citation_public_url`); never requested.
    public var url: String?

    public init(title: String, isSynthetic: Bool, provenance: Provenance, navigation: [Link] = [], pages: [Page],
                authors: [String] = [], affiliation: String? = nil, abstract: String? = nil, url: String? = nil) {
        self.title = title
        self.isSynthetic = isSynthetic
        self.provenance = provenance
        self.navigation = navigation
        self.pages = pages
        self.authors = authors
        self.affiliation = affiliation
        self.abstract = abstract
        self.url = url
    }

    /// `A. Tao, B. Bang · Lab`: the line under the title, nil when there is neither.
    var byline: String? {
        let parts = [authors.isEmpty ? nil : authors.joined(separator: ", "), affiliation].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}

/// The facts a reader needs to reproduce a report.
public struct Provenance: Sendable, Equatable {
    /// The benchmark source as the user named it (a path or `synthetic`).
    public var input: String
    /// Hex SHA-256 of the input bytes.
    public var inputSHA256: String
    public var seed: UInt64
    /// The nasreach version that made the report.
    public var version: String
    /// When the report was made, already formatted (it honours SOURCE_DATE_EPOCH upstream).
    public var generatedAt: String

    public init(input: String, inputSHA256: String, seed: UInt64, version: String, generatedAt: String) {
        self.input = input
        self.inputSHA256 = inputSHA256
        self.seed = seed
        self.version = version
        self.generatedAt = generatedAt
    }
}

/// A link to another file of the same site, given relative to the site root (e.g.
/// `hypotheses/h1.html#verdict`); the renderer makes it relative to the page it appears on.
public struct Link: Sendable, Equatable {
    public var title: String
    public var target: String

    public init(_ title: String, to target: String) {
        self.title = title
        self.target = target
    }
}
