/// One HTML page of the report.
public struct Page: Sendable, Equatable {
    /// Site-relative file name, e.g. `index.html` or `hypotheses/h1.html`.
    public var path: String
    public var title: String
    /// Ancestors of this page, from the index down (the page itself is added by the renderer).
    public var breadcrumbs: [Link]
    /// Plain-text lead paragraphs shown under the title.
    public var intro: [String]
    public var sections: [Section]

    public init(path: String, title: String, breadcrumbs: [Link] = [], intro: [String] = [], sections: [Section] = []) {
        self.path = path
        self.title = title
        self.breadcrumbs = breadcrumbs
        self.intro = intro
        self.sections = sections
    }

    /// The element ids of this page's sections, tables and figures, in document order: section
    /// headings first by slug, then captions; duplicates get `-2`, `-3`, … so links stay stable.
    public var anchors: PageAnchors { PageAnchors(self) }

    /// The page path without `.html`, with folders joined by `-`: the prefix of its table CSV files.
    var fileStem: String {
        let withoutExtension = path.hasSuffix(".html") ? String(path.dropLast(5)) : path
        return withoutExtension.replacingOccurrences(of: "/", with: "-")
    }
}

/// A titled part of a page, the unit a reader links to.
public struct Section: Sendable, Equatable {
    public var heading: String
    public var blocks: [Block]

    public init(_ heading: String, _ blocks: [Block] = []) {
        self.heading = heading
        self.blocks = blocks
    }
}

/// One piece of section content. All text is plain text: the renderer escapes it.
public enum Block: Sendable, Equatable {
    case paragraph(String)
    case table(Table)
    case figure(FigureRef)
    case definitions([Definition])
    /// Text shown exactly as written, line breaks kept (a BibTeX entry).
    case preformatted(String)
}

/// One term/description pair of a definition list (e.g. provenance, parameters).
public struct Definition: Sendable, Equatable {
    public var term: String
    public var description: String

    public init(_ term: String, _ description: String) {
        self.term = term
        self.description = description
    }
}

/// A figure produced by the Figures stage; the site shows the PNG and links the SVG and PDF.
public struct FigureRef: Sendable, Equatable {
    /// Site-relative path without extension, e.g. `figures/cifar10-ori-test/reach-vs-improvability`;
    /// `.png`, `.svg` and `.pdf` must all exist in the output.
    public var basePath: String
    public var caption: String
    /// What the figure shows, for readers who cannot see it; must not be empty.
    public var altText: String
    /// Display size in CSS pixels; when nil it is read from the PNG header.
    public var size: (width: Int, height: Int)?
    /// Panels that table rows of the page link to, each an element inside the figure.
    public var panels: [PanelAnchor] = []

    /// The target of a link from a table row to one panel: the site's script outlines the panel (found
    /// by `key` in the figure's point data) and links back to the row; without it the link reaches the figure.
    public struct PanelAnchor: Sendable, Equatable {
        public var id: String
        public var key: String
        public var rowID: String
    }

    public init(basePath: String, caption: String, altText: String, size: (width: Int, height: Int)? = nil) {
        self.basePath = basePath
        self.caption = caption
        self.altText = altText
        self.size = size
    }

    public static func == (lhs: FigureRef, rhs: FigureRef) -> Bool {
        lhs.basePath == rhs.basePath && lhs.caption == rhs.caption && lhs.altText == rhs.altText
            && lhs.size?.width == rhs.size?.width && lhs.size?.height == rhs.size?.height && lhs.panels == rhs.panels
    }
}
