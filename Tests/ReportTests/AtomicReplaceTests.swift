import Foundation
import Support
import Testing
@testable import Report

@Suite struct AtomicReplaceTests {
    /// Writes a first report, then returns its index page and the folder listing of the parent.
    private func existingReport(in folder: TemporaryFolder) throws -> (out: URL, index: String) {
        let out = folder.url.appendingPathComponent("public")
        try SiteWriter().write(SampleSite.model(title: "Old"), figures: SampleSite.figures,
                               extraFiles: SampleSite.extraFiles, to: out)
        return (out, try folder.read("public/index.html"))
    }

    private func parentListing(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    }

    @Test func successfulWriteReplacesTheOldReportAndLeavesNoStaging() throws {
        let folder = try TemporaryFolder()
        let (out, _) = try existingReport(in: folder)
        try "stale".write(to: out.appendingPathComponent("stale.txt"), atomically: true, encoding: .utf8)
        try SiteWriter().write(SampleSite.model(title: "New"), figures: SampleSite.figures,
                               extraFiles: SampleSite.extraFiles, to: out)
        #expect(try folder.read("public/index.html").contains("<title>Overview · New</title>"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("stale.txt").path))
        #expect(try parentListing(folder) == ["public"])
    }

    @Test func failureMidwayKeepsTheOldReport() throws {
        struct Injected: Error {}
        let folder = try TemporaryFolder()
        let (out, oldIndex) = try existingReport(in: folder)
        // Fails after the pages of the new report have been rendered into the staging folder.
        var steps = SiteWriter.standardSteps
        steps.insert(BuildStep("fail") { _ in throw Injected() }, at: steps.count - 1)
        #expect(throws: Injected.self) {
            try SiteWriter(steps: steps).write(SampleSite.model(title: "New"), figures: SampleSite.figures,
                                               extraFiles: SampleSite.extraFiles, to: out)
        }
        #expect(try folder.read("public/index.html") == oldIndex)
        #expect(try parentListing(folder) == ["public"])
    }

    @Test(arguments: ["../escaped.txt", "/tmp/nasreach-escaped.txt", "data/../../escaped.txt"])
    func pathsLeavingTheOutputAreRejected(_ path: String) throws {
        let folder = try TemporaryFolder()
        let (out, oldIndex) = try existingReport(in: folder)
        #expect(throws: SiteError.self) {
            try SiteWriter().write(SampleSite.model(), figures: SampleSite.figures, extraFiles: [path: Data("x".utf8)], to: out)
        }
        #expect(try folder.read("public/index.html") == oldIndex)
        #expect(try parentListing(folder) == ["public"])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/nasreach-escaped.txt"))
    }

    @Test func figurePathsLeavingTheOutputAreRejected() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("public")
        #expect(throws: SiteError.self) {
            try SiteWriter().write(SampleSite.model(), figures: .files(["../x.png": Data()]), to: out)
        }
        #expect(try parentListing(folder) == [])
    }

    @Test func aFolderThatIsNotAReportIsNeverReplaced() throws {
        let folder = try TemporaryFolder()
        let precious = folder.url.appendingPathComponent("thesis")
        try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
        try "chapter 1".write(to: precious.appendingPathComponent("ch1.tex"), atomically: true, encoding: .utf8)
        #expect(throws: OutputError.refusingToReplace(precious.standardizedFileURL.path)) {
            try SiteWriter().write(SampleSite.model(), figures: SampleSite.figures, extraFiles: SampleSite.extraFiles, to: precious)
        }
        #expect(try folder.read("thesis/ch1.tex") == "chapter 1")
    }

    @Test func aBrokenSiteNeverReplacesAGoodOne() throws {
        let folder = try TemporaryFolder()
        let (out, oldIndex) = try existingReport(in: folder)
        var model = SampleSite.model()
        model.navigation.append(Link("Missing", to: "nowhere.html"))
        #expect(throws: SiteError.self) {
            try SiteWriter().write(model, figures: SampleSite.figures, extraFiles: SampleSite.extraFiles, to: out)
        }
        #expect(try folder.read("public/index.html") == oldIndex)
    }
}
