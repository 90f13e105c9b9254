import Foundation

/// Replaces an output folder all at once: the content is built in a hidden staging folder beside it
/// and swapped in by rename, so a failure at any point leaves the old folder exactly as it was.
///
/// Only a missing path, an empty folder, or a folder carrying `marker` (one this tool wrote) is ever
/// replaced, so a mistyped `--out` or `--results` can never delete unrelated files.
public struct AtomicFolder: Sendable {
    public let output: URL
    public let marker: String

    public init(_ output: URL, marker: String) {
        self.output = output.standardizedFileURL
        self.marker = marker
    }

    /// Builds the new content with `build(staging)` and swaps it in.
    public func replace(_ build: (URL) throws -> Void) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError.io("cannot create \(parent.path): \(error.localizedDescription)")
        }
        try checkReplaceable()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).partial-\(UUID().uuidString)")
        // An interruption (SIGINT, SIGTERM) removes the staging folder; the swap itself is never interrupted.
        let registration = Interruption.register(staging)
        defer { Interruption.unregister(registration) }
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try build(staging)
            try Data().write(to: staging.appendingPathComponent(marker))
            // For the interruption tests only: hold the finished staging folder so that a signal lands here.
            if let pause = ProcessInfo.processInfo.environment["NASREACH_TEST_STAGING_PAUSE"].flatMap(Double.init) {
                Thread.sleep(forTimeInterval: pause)
            }
            try Interruption.critical { try swap(staging) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// Writes `files` (relative path → bytes) as the folder's whole content.
    public func replace(with files: [String: [UInt8]]) throws {
        try replace { staging in
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                try RelativePath.validate(path)
                let url = staging.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.writeInPlace(bytes, to: url)
            }
        }
    }

    /// Throws unless `output` may be replaced; callers check before long work, not only after it.
    public func checkReplaceable() throws(OutputError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        let isEmpty = isDirectory.boolValue && ((try? fileManager.contentsOfDirectory(atPath: output.path))?.isEmpty ?? false)
        let isOurs = fileManager.fileExists(atPath: output.appendingPathComponent(marker).path)
        guard isDirectory.boolValue, isEmpty || isOurs else { throw OutputError.refusingToReplace(output.path) }
    }

    /// Moves `staging` to `output` by rename; an existing `output` is first renamed aside, restored if
    /// the second rename fails, then deleted.
    func swap(_ staging: URL) throws(OutputError) {
        guard FileManager.default.fileExists(atPath: output.path) else {
            try Self.rename(staging, output)
            return
        }
        let aside = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(UUID().uuidString)")
        try Self.rename(output, aside)
        do {
            try Self.rename(staging, output)
        } catch {
            try? Self.rename(aside, output)
            throw error
        }
        // The new folder is in place; a leftover hidden folder is untidy but harms nothing.
        try? FileManager.default.removeItem(at: aside)
    }

    private static func rename(_ from: URL, _ to: URL) throws(OutputError) {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw OutputError.io("cannot rename \(from.path) to \(to.path): \(String(cString: strerror(errno)))")
        }
    }
}
