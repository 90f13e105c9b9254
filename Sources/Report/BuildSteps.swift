import Support
import Foundation
import Figures

extension BuildStep {
    /// Rejects a model that cannot make a valid site before anything is written.
    public static let validateModel = BuildStep("validate model") { build in
        let model = build.model
        guard model.pages.contains(where: { $0.path == "index.html" }) else { throw SiteError.missingIndex }
        var pagePaths = Set<String>()
        for page in model.pages {
            try SitePath.validate(page.path)
            guard page.path.hasSuffix(".html") else {
                throw SiteError.invalidPath(page.path, reason: "a page path must end in .html")
            }
            guard pagePaths.insert(page.path).inserted else { throw SiteError.duplicateFile(page.path) }
        }
        var links = model.navigation.map(\.target)
        for page in model.pages {
            links += page.breadcrumbs.map(\.target)
            for case .table(let table) in page.sections.flatMap(\.blocks) {
                links += table.rows.flatMap { [$0.header] + $0.cells }.compactMap(\.link)
                for cssClass in table.rows.flatMap({ [$0.header] + $0.cells }).compactMap(\.cssClass)
                where cssClass.isEmpty || !cssClass.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                    throw SiteError.invalidPath(cssClass, reason: "a CSS class may hold only letters, digits, - and _")
                }
            }
            for case .figure(let figure) in page.sections.flatMap(\.blocks) { try SitePath.validate(figure.basePath) }
        }
        for link in links { try SitePath.validateLink(link) }
        for path in build.extraFiles.keys { try SitePath.validate(path) }
    }

    /// Copies the figure files into the site.
    public static let copyFigures = BuildStep("copy figures") { build in
        switch build.figures {
        case .files(let files):
            try build.write(files.sorted(by: { $0.key < $1.key }).map { (path: $0.key, data: $0.value) })
        case .folder(let folder):
            try build.write(try Theme.files(in: folder).sorted(by: { $0.key < $1.key }).map { (path: "figures/" + $0.key, data: $0.value) })
        }
    }

    /// Writes the caller's extra downloads (results JSON, analysis tables, …).
    public static let writeExtraFiles = BuildStep("write extra files") { build in
        try build.write(build.extraFiles.sorted(by: { $0.key < $1.key }).map { (path: $0.key, data: $0.value) })
    }

    /// Copies the theme's CSS and JS into `assets/`.
    public static let copyAssets = BuildStep("copy assets") { build in
        for (path, data) in build.theme.assets.sorted(by: { $0.key < $1.key }) { try build.write(data, to: "assets/" + path) }
    }

    /// Writes every table as CSV at `tables/<page>-<table id>.csv`.
    public static let writeTables = BuildStep("write table CSVs") { build in
        var tables: [(path: String, table: Table)] = []
        for page in build.model.pages {
            let anchors = page.anchors
            for (sectionIndex, section) in page.sections.enumerated() {
                for (blockIndex, block) in section.blocks.enumerated() {
                    guard case .table(let table) = block, let id = anchors.blocks[sectionIndex][blockIndex] else { continue }
                    tables.append((PageContext.csvPath(page: page, tableID: id), table))
                }
            }
        }
        let csvs = Parallel.map(count: tables.count, threads: build.threads) { [tables] in Data(CSV.make(tables[$0].table).utf8) }
        try build.write(zip(tables, csvs).map { (path: $0.path, data: $1) })
    }

    /// Renders every page through the theme; figures must already be in place (their PNG header
    /// gives the image size, and a missing format is an error rather than a broken link). A figure
    /// with a point-data file beside it (`<basePath>.data.js`) names it for the site's script, and one with
    /// its numbers beside it (`<basePath>.json.gz`) links them with the other downloads.
    public static let renderPages = BuildStep("render pages") { build in
        var contexts: [PageContext] = []
        for page in build.model.pages {
            var sizes: [String: (width: Int, height: Int)] = [:]
            var pointData: Set<String> = [], numbers: Set<String> = []
            for case .figure(let figure) in page.sections.flatMap(\.blocks) {
                if build.has(figure.basePath + ".data.js") { pointData.insert(figure.basePath) }
                if build.has(figure.basePath + "." + FigureSet.dataFileExtension) { numbers.insert(figure.basePath) }
                for format in ["png", "svg", "pdf"] where !build.has(figure.basePath + "." + format) {
                    throw SiteError.missingFigureFile(figure.basePath + "." + format)
                }
                if figure.size == nil {
                    let png = figure.basePath + ".png"
                    guard let bytes = build.contents(of: png), let size = PNGSize.of([UInt8](bytes)) else {
                        throw SiteError.unreadablePNG(png)
                    }
                    sizes[figure.basePath] = size
                }
            }
            contexts.append(PageContext(model: build.model, page: page, figureSizes: sizes, pointData: pointData, numbers: numbers))
        }
        // Pages are independent once their figures are known, so they render in parallel; the
        // longest (the hypothesis pages) start first.
        let (theme, progress, finished) = (build.theme, build.progress, JobCounter())
        let order = contexts.indices.sorted { a, b in
            let (sizeA, sizeB) = (contexts[a].page.sections.count, contexts[b].page.sections.count)
            return sizeA != sizeB ? sizeA > sizeB : a < b
        }
        let html = Parallel.map(count: contexts.count, threads: build.threads, order: order) { [contexts] index in
            defer { progress(finished.increment(), contexts.count) }
            return theme.render(contexts[index].make())
        }
        for (page, text) in zip(build.model.pages, html) { try build.write(Data(text.utf8), to: page.path) }
    }

    /// Runs `SiteCheck` on the finished staging folder, so a broken site never replaces a good one.
    public static let checkSite = BuildStep("check site") { build in
        let problems = SiteCheck.problems(in: build.root, threads: build.threads)
        guard problems.isEmpty else { throw SiteError.checkFailed(problems) }
    }
}
