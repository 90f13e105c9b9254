import Foundation
import Analysis
import Figures
import Support

/// The report's content: one analysis (results, improvability records) and its figure list mapped
/// onto the site's pages — index, one page per hypothesis, one per metric, methods, downloads — plus
/// the data files the downloads page links.
public struct ReportContent: Sendable {
    public let output: AnalysisOutput
    /// The figures the pages show; every one must be supplied as PNG, SVG and PDF when the site is written.
    public let figures: [FigureEntry]
    /// Downloads by site path: `data/results.json.gz`, every number at full precision (compact JSON, and
    /// compressed because it runs to megabytes of seventeen-digit numbers), and `data/tables/*.csv` with
    /// numbers to `downloadDigits` significant digits and the improvability table split by metric; a
    /// table above `compressionThreshold` bytes is `data/tables/*.csv.gz`; and `cite.bib` when the
    /// configuration has a citation.
    public let dataFiles: [String: Data]

    public static let siteTitle = "nasreach: reach and improvability in NATS-Bench"

    /// 64 KiB: the summary tables (metrics, landscape, search algorithms) stay plain, to open in a
    /// spreadsheet straight from the browser; the tables with a row per operator, test or cell (the
    /// improvability table runs to tens of megabytes) ship compressed, gzip shrinking them four to
    /// seven times.
    public static let compressionThreshold = 1 << 16

    /// Significant digits of the numbers in the downloadable tables. The accuracies are means of three
    /// seeds' percentages given to two decimals, so about four digits carry information; six keep every
    /// difference the data holds, where a double's seventeen would more than double the download.
    public static let downloadDigits = 6

    /// - Parameters:
    ///   - figures: defaults to `FigureCatalog.entries(for: output.results)`.
    ///   - compressionThreshold: tables larger than this many bytes ship gzip-compressed.
    ///   - threads: workers for encoding and compressing the tables; the bytes never depend on it.
    public init(output: AnalysisOutput, figures: [FigureEntry]? = nil, compressionThreshold: Int = Self.compressionThreshold,
                threads: Int = 1) throws {
        self.output = output
        self.figures = figures ?? FigureCatalog.entries(for: output.results)
        var plain = try output.tables(numbers: .significantDigits(Self.downloadDigits), splitByMetric: true, threads: threads)
        plain[Self.resultsName] = try AnalysisOutput.encode(output.results, layout: .compact)
        let large = plain.keys.sorted().filter { $0 == Self.resultsName || plain[$0]!.count > compressionThreshold }
        // The largest first, so that the workers finish together.
        let largestFirst = large.indices.sorted { (plain[large[$0]]!.count, $1) > (plain[large[$1]]!.count, $0) }
        let compressed = Parallel.map(count: large.count, threads: threads, order: largestFirst) { [plain] index in
            Result { () throws(OutputError) in Data(try Gzip.compress(plain[large[index]]!)) }
        }
        var files: [String: Data] = [:]
        for (path, result) in zip(large, compressed) {
            files["data/" + path + ".gz"] = try result.get()
            plain[path] = nil
        }
        for (path, bytes) in plain { files["data/" + path] = Data(bytes) }
        if let citation = output.results.configuration.site?.citation {
            files[Self.citationPath] = Data((citation.hasSuffix("\n") ? citation : citation + "\n").utf8)
        }
        dataFiles = files
    }

    /// The results file's name in `data/`, before compression, and its site path.
    static let resultsName = "results.json"
    static let resultsPath = "data/" + resultsName + ".gz"

    /// The BibTeX entry of `site.citation`, at the site root.
    static let citationPath = "cite.bib"

    var results: Results { output.results }

    /// Every page, with site-wide navigation and provenance.
    public var model: SiteModel {
        let hypothesisPages = Hypothesis.allCases.map(hypothesisPage)
        let pages = [indexPage(hypothesisPages: hypothesisPages)] + hypothesisPages + results.metrics.map(metricPage)
            + [searchAlgorithmsPage, reproductionPage, methodsPage, downloadsPage]
        let source = results.provenance
        let site = results.configuration.site
        return SiteModel(
            title: site?.title ?? Self.siteTitle,
            isSynthetic: source.synthetic,
            provenance: Provenance(input: source.input, inputSHA256: source.inputSHA256, seed: source.seed,
                                   version: source.version, generatedAt: source.generatedAt),
            navigation: [Link("Overview", to: "index.html")]
                + Hypothesis.allCases.map { Link($0.rawValue, to: Vocabulary.hypothesisPath($0)) }
                + results.metrics.map { Link($0.id, to: Vocabulary.metricPath($0)) }
                + [Link("Search algorithms", to: Self.searchAlgorithmsPath), Link("Reproduction", to: Self.reproductionPath),
                   Link("Methods", to: Self.methodsPath), Link("Downloads", to: Self.downloadsPath)],
            pages: pages, authors: site?.authors ?? [], affiliation: site?.affiliation, abstract: site?.abstract, url: site?.url)
    }

    static let methodsPath = "methods.html"
    static let downloadsPath = "downloads.html"
    static let home = [Link("Overview", to: "index.html")]

    /// The catalog's figures of one kind (and metric, nil for figures across metrics), as page blocks.
    func figureBlocks(_ kind: FigureEntry.Kind, metric: String?) -> [Block] {
        figures.filter { $0.kind == kind && $0.metric == metric }.map { entry in
            .figure(FigureRef(basePath: entry.path, caption: "\(entry.title). \(entry.caption)", altText: entry.altText,
                              size: (width: Int(entry.width.rounded()), height: Int(entry.height.rounded()))))
        }
    }
}

extension Page {
    /// The id of the table captioned `caption`, for links from other pages.
    func anchor(ofTableCaptioned caption: String) -> String? { tableAnchorsByCaption[caption] }

    /// The id of the first table with each caption, computed once for the many links into one page
    /// (every cell of a verdict grid links to its rule's table; each lookup would otherwise take a
    /// slug of every caption on the page).
    var tableAnchorsByCaption: [String: String] {
        let anchors = self.anchors
        var ids: [String: String] = [:]
        for (sectionIndex, section) in sections.enumerated() {
            for (blockIndex, block) in section.blocks.enumerated() {
                if case .table(let table) = block, ids[table.caption] == nil { ids[table.caption] = anchors.blocks[sectionIndex][blockIndex] }
            }
        }
        return ids
    }
}
