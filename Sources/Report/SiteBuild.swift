import Foundation
import Support

/// Where a report's figure files come from.
public enum FigureSource: Sendable {
    /// Files by site-relative path, e.g. `figures/cifar10-ori-test/reach-vs-improvability.png`.
    case files([String: Data])
    /// A folder whose contents are copied into the site's `figures/` folder.
    case folder(URL)
}

/// The state of one site build: the inputs and the staging folder the steps write into.
public struct SiteBuild {
    public let model: SiteModel
    public let theme: Theme
    public let figures: FigureSource
    public let extraFiles: [String: Data]
    /// The staging folder; it becomes the output folder only if every step succeeds.
    public let root: URL
    /// Site-relative paths written so far.
    public private(set) var written: Set<String> = []
    /// Called with (pages done, pages in all) as pages are rendered.
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    /// Workers for the steps that run in parallel; the bytes never depend on it.
    public var threads = 1

    init(model: SiteModel, theme: Theme, figures: FigureSource, extraFiles: [String: Data], root: URL) {
        self.model = model
        self.theme = theme
        self.figures = figures
        self.extraFiles = extraFiles
        self.root = root
    }

    /// Writes `data` at the site-relative `path`, creating folders; refuses paths that leave the
    /// site and a second write to the same path (two producers disagreeing is a bug, not an update).
    public mutating func write(_ data: Data, to path: String) throws(SiteError) {
        try SitePath.validate(path)
        guard written.insert(path).inserted else { throw SiteError.duplicateFile(path) }
        let url = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            throw SiteError.io("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// `write(_:to:)` of many files: the paths are checked and recorded in order first, then the files are
    /// written by `threads` workers (hundreds of figures and downloads; what ends up on disk never depends
    /// on it). A failure names the first file, in order, that could not be written.
    public mutating func write(_ files: [(path: String, data: Data)]) throws(SiteError) {
        for (path, _) in files {
            try SitePath.validate(path)
            guard written.insert(path).inserted else { throw SiteError.duplicateFile(path) }
        }
        let root = self.root
        let urls = files.map { root.appendingPathComponent($0.path) }
        for folder in Set(urls.map { $0.deletingLastPathComponent() }).sorted(by: { $0.path < $1.path }) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw SiteError.io("cannot create \(folder.path): \(error.localizedDescription)")
            }
        }
        let failures = Parallel.map(count: files.count, threads: threads) { index -> SiteError? in
            do {
                try files[index].data.write(to: urls[index])
                return nil
            } catch {
                return SiteError.io("cannot write \(files[index].path): \(error.localizedDescription)")
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Whether a file has been written at the site-relative `path` (without reading it back).
    func has(_ path: String) -> Bool { written.contains(path) }

    /// The bytes already written at a site-relative path, if any.
    func contents(of path: String) -> Data? {
        guard written.contains(path) else { return nil }
        return try? Data(contentsOf: root.appendingPathComponent(path))
    }
}

/// One named step of a site build; `SiteWriter.standardSteps` lists them in order.
public struct BuildStep: Sendable {
    public let name: String
    let run: @Sendable (inout SiteBuild) throws -> Void

    public init(_ name: String, _ run: @escaping @Sendable (inout SiteBuild) throws -> Void) {
        self.name = name
        self.run = run
    }
}
