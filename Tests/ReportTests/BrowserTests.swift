import Figures
import Foundation
import Testing
@testable import Report

/// The site's script in a real browser: headless Chromium opens the H1 page of the small analysis's
/// site, drawn with its real figures, from disk (file://, where a page may not fetch() its data).
@Suite("Site script in a browser")
struct BrowserTests {
    /// Chromium on PATH, if any; the suite is skipped without it.
    static let chromium: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    @Test("a figure with a point-data file beside it names the file and its key for the script; the others do not")
    func pageNamesPointData() throws {
        let folder = try TemporaryFolder()
        let output = ReportFixtures.synthetic
        let entry = try #require(FigureCatalog.entries(for: output.results).first { $0.kind == .reachVsImprovability })
        var figures = ReportFixtures.placeholderFigures(for: output.results)
        figures[entry.path + ".data.js"] = Array("window.x = 1;\n".utf8)
        try ReportBuilder.write(output: output, figureFiles: figures, to: folder.url.appendingPathComponent("site"))
        let html = try folder.read("site/hypotheses/h1.html")
        let named = html.components(separatedBy: "data-point-data=").count - 1
        #expect(named == 1)
        #expect(html.contains("data-point-data=\"../\(entry.path).data.js\" data-operators=\"../\(FigureSet.operatorDataPath)\" data-figure=\"\(entry.path)\""))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site/\(entry.path).data.js").path))
    }

    @Test("every scatter figure of the H1 page finds its point data, and the console stays quiet",
          .enabled(if: BrowserTests.chromium != nil, "skipped: no chromium or chromium-browser on PATH (apt-get install chromium)"))
    func scatterFiguresFindTheirPointData() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let output = ReportFixtures.synthetic
        try ReportBuilder.write(output: output, figureFiles: try FigureSet.render(output, threads: 2, sourceDateEpoch: 0), to: site)
        let page = site.appendingPathComponent("hypotheses/h1.html")
        // A primary row's link names a panel anchor: opened at it, the script outlines that panel.
        let staticHTML = try String(contentsOf: page, encoding: .utf8)
        let anchor = try #require(staticHTML.firstMatch(of: /class="panel-anchor" id="([^"]+)" data-panel="([^"]+)"/))
        #expect(staticHTML.contains("href=\"#\(anchor.1)\""), "a table row links to the panel")

        let process = Process()
        process.executableURL = Self.chromium!
        // Root needs --no-sandbox; the virtual time budget lets the injected data scripts load before the dump.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=" + folder.url.appendingPathComponent("profile").path,
                             "--virtual-time-budget=10000", "--dump-dom", page.absoluteString + "#" + anchor.1]
        // The log goes to a file, so that only the DOM's pipe needs reading while the browser runs.
        let logURL = folder.url.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        let dom = Pipe()
        process.standardOutput = dom
        process.standardError = log
        try process.run()
        let html = String(decoding: dom.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try log.close()
        let logText = try String(contentsOf: logURL, encoding: .utf8)

        let figures = html.components(separatedBy: "<figure").dropFirst().map { String($0.prefix { $0 != ">" }) }
            .filter { $0.contains("data-point-data=") }
        #expect(!figures.isEmpty, "no figure with point data on the page: \(html.prefix(300))")
        for figure in figures {
            let count = figure.components(separatedBy: "data-points=\"").dropFirst().first.map { String($0.prefix { $0 != "\"" }) }
            #expect(Int(count ?? "").map { $0 > 0 } == true, "the script did not enhance \(figure)")
        }
        #expect(html.contains("class=\"family-toggles\""), "no family checkboxes")
        #expect(html.contains("data-highlighted-panel=\"\(anchor.2)\""), "the panel the address names is not outlined")
        // Every figure with anchors marks the panels of the page's tests: as many marks as anchors it found.
        let marks = html.components(separatedBy: "class=\"panel-mark\"").count - 1
        #expect(marks > 0 && marks <= staticHTML.components(separatedBy: "class=\"panel-anchor\"").count - 1, "\(marks) panel marks")
        #expect(html.contains("data-marked-panels=\""), "no figure counts its marked panels")
        #expect(html.contains("href=\"#test-") && html.contains("class=\"panel-back\""), "no link back to the row")
        let consoleLines = logText.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleLines.isEmpty, "console: \(consoleLines.joined(separator: "\n"))")
    }
}
