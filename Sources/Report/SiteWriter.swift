import Foundation

/// Writes a `SiteModel` as a static site: the steps run in a staging folder beside the output,
/// and only a complete, checked site replaces the output folder.
public struct SiteWriter: Sendable {
    public var theme: Theme
    public var steps: [BuildStep]

    /// Marks a folder as a report written by this tool, the only kind of non-empty folder `write` replaces.
    public static let markerFileName = ".nasreach-report"

    public init(theme: Theme = .default, steps: [BuildStep] = SiteWriter.standardSteps) {
        self.theme = theme
        self.steps = steps
    }

    /// Validate, copy figures, extra files and assets, write table CSVs, render pages, check.
    public static let standardSteps: [BuildStep] = [
        .validateModel, .copyFigures, .writeExtraFiles, .copyAssets, .writeTables, .renderPages, .checkSite,
    ]

    /// Builds the site for `model` and atomically replaces `outDir` with it.
    ///
    /// - Parameters:
    ///   - figures: the figure files the model's `FigureRef`s point to.
    ///   - extraFiles: further downloads by site-relative path (e.g. `data/results.json`).
    /// - Throws: `SiteError`; `outDir` is then exactly as before.
    public func write(_ model: SiteModel, figures: FigureSource = .files([:]), extraFiles: [String: Data] = [:],
                      to outDir: URL) throws {
        let fileManager = FileManager.default
        let output = outDir.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        try ioStep("cannot create \(parent.path)") {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        try Self.checkReplaceable(output)

        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try ioStep("cannot create \(staging.path)") {
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            }
            var build = SiteBuild(model: model, theme: theme, figures: figures, extraFiles: extraFiles, root: staging)
            for step in steps { try step.run(&build) }
            try ioStep("cannot write the marker file") {
                try Data().write(to: staging.appendingPathComponent(Self.markerFileName))
            }
            try Self.swap(staging, into: output)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// Refuses to replace anything but a missing path, an empty folder, or an earlier report, so
    /// that a mistyped `--out` can never delete unrelated files.
    static func checkReplaceable(_ output: URL) throws(SiteError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        let isEmpty = isDirectory.boolValue && ((try? fileManager.contentsOfDirectory(atPath: output.path))?.isEmpty ?? false)
        let isReport = fileManager.fileExists(atPath: output.appendingPathComponent(markerFileName).path)
        guard isDirectory.boolValue, isEmpty || isReport else { throw SiteError.refusingToReplace(output.path) }
    }

    /// Moves `staging` to `output` by rename; an existing `output` is first renamed aside and is
    /// restored if the second rename fails, then deleted.
    static func swap(_ staging: URL, into output: URL) throws(SiteError) {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try rename(staging, output)
            return
        }
        let aside = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(UUID().uuidString)")
        try rename(output, aside)
        do {
            try rename(staging, output)
        } catch {
            try? rename(aside, output)
            throw error
        }
        // The new report is in place; a leftover hidden folder is untidy but harms nothing.
        try? fileManager.removeItem(at: aside)
    }

    private static func rename(_ from: URL, _ to: URL) throws(SiteError) {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw SiteError.io("cannot rename \(from.path) to \(to.path): \(String(cString: strerror(errno)))")
        }
    }

    private func ioStep(_ message: String, _ body: () throws -> Void) throws(SiteError) {
        do { try body() } catch { throw SiteError.io("\(message): \(error.localizedDescription)") }
    }
}
