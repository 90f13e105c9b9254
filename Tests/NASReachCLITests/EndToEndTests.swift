import Analysis
import Figures
import Foundation
import Report
import TestSupport
import Testing
@testable import NASReachCLI

/// The whole pipeline through the real executable, as a user runs it.
@Suite(.serialized) struct EndToEndTests {
    /// Every file below `folder`, by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// The results a site publishes, from its `data/results.json.gz`.
    static func siteResults(_ site: URL) throws -> Results {
        try JSONDecoder().decode(Results.self, from: Data(Snapshot.gunzip([UInt8](try Data(contentsOf: site.appendingPathComponent("data/results.json.gz"))))))
    }

    static func report(data: String? = nil, threads: Int, in folder: URL, out: String = "site") throws -> CLI.Result {
        let config = folder.appendingPathComponent("small.json")
        try Data(CLI.smallConfiguration.utf8).write(to: config)
        var arguments = ["report", "--config", config.path, "--out", folder.appendingPathComponent(out).path, "--threads", "\(threads)"]
        if let data { arguments += ["--data", data] }
        return try CLI.run(arguments)
    }

    /// The small configuration written into `folder` as `small.json`, analysed into `folder/<results>`.
    static func analyzed(in folder: URL, results name: String) throws -> (config: URL, results: URL) {
        let config = folder.appendingPathComponent("small.json")
        try Data(CLI.smallConfiguration.utf8).write(to: config)
        let results = folder.appendingPathComponent(name)
        #expect(try CLI.run(["analyze", "--config", config.path, "--results", results.path]).status == 0)
        return (config, results)
    }

    /// Checks what issue #7 asks of every report.
    static func checkSite(_ site: URL, synthetic: Bool) throws {
        #expect(SiteCheck.problems(in: site) == [], "the site passes its link, escaping and no-external-URL checks")
        let results = try siteResults(site)
        #expect(results.provenance.synthetic == synthetic)
        let all = try files(in: site)
        for entry in FigureCatalog.entries(for: results).map(\.path) {
            for format in ["png", "svg", "pdf"] { #expect(all["\(entry).\(format)"] != nil, "figure \(entry).\(format)") }
        }
        let index = String(decoding: all["index.html"]!, as: UTF8.self)
        #expect(index.contains("Synthetic data") == synthetic)
        for page in all.keys where page.hasSuffix(".html") {
            let html = String(decoding: all[page]!, as: UTF8.self)
            #expect(!html.contains("http://") && !html.contains("https://"), "\(page) makes no request to another host")
        }
        // The verdict table's CSV matches the primary tests of results.json.
        let primary = results.hypotheses.filter(\.primary)
        let supported = primary.filter { $0.verdict == .supported }.count
        let tableCSV = all.first { $0.key.hasPrefix("tables/index-") && $0.key.contains("verdict") }?.value
        #expect(tableCSV != nil, "the index verdict table has its CSV")
        let text = String(decoding: tableCSV ?? Data(), as: UTF8.self)
        let counted = text.components(separatedBy: "supported ").dropFirst().reduce(0) { sum, piece in
            sum + (Int(piece.prefix { $0.isNumber }) ?? 0)
        }
        #expect(counted == supported, "supported counts in the verdict table add up to results.json")
    }

    @Test func syntheticReportIsCompleteAndByteIdenticalAcrossThreadCounts() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.report(threads: 1, in: folder, out: "one")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("report: ") && first.stdout.contains("index.html"), "ends by printing the path of index.html")
        let size = FolderSize(of: folder.appendingPathComponent("one")).description
        #expect(first.stdout.contains("(\(size))"), "names the site's size: \(size)")
        // Not a terminal: plain lines, counted stages with counts and an ETA, no "0/1 (0%)" noise.
        #expect(first.stderr.contains("experiments…") && first.stderr.contains(" operator runs ("), "\(first.stderr)")
        // Every progress line's percentage is its own count's, not the quarter it crossed.
        let progressLines = first.stderr.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: /\ \ ([\d\u{202F}]+) of ([\d\u{202F}]+) [a-z ]+ \((\d+)%.*\)/)
        }
        #expect(progressLines.count >= 8, "\(first.stderr)")
        for line in progressLines {
            let done = Int(line.1.filter(\.isNumber))!, total = Int(line.2.filter(\.isNumber))!
            #expect(Int(line.3)! == done * 100 / total, "\(line.0)")
        }
        #expect(!first.stderr.contains("0/1") && !first.stderr.contains("\u{1B}["), "\(first.stderr)")
        let second = try Self.report(threads: 2, in: folder, out: "two")
        #expect(second.status == 0, "\(second.stderr)")
        let one = try Self.files(in: folder.appendingPathComponent("one"))
        let two = try Self.files(in: folder.appendingPathComponent("two"))
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, bytes) in one where two[path] != bytes { Issue.record("\(path) differs between 1 and 2 threads") }
        try Self.checkSite(folder.appendingPathComponent("one"), synthetic: true)
    }

    @Test func analyzeThenRenderEqualsReport() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.report(threads: 2, in: folder).status == 0)
        let config = folder.appendingPathComponent("small.json").path
        let analyze = try CLI.run(["analyze", "--config", config, "--results", folder.appendingPathComponent("results").path])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let render = try CLI.run(["render", "--results", folder.appendingPathComponent("results").path,
                                  "--out", folder.appendingPathComponent("rendered").path])
        #expect(render.status == 0, "\(render.stderr)")
        let report = try Self.files(in: folder.appendingPathComponent("site"))
        let rendered = try Self.files(in: folder.appendingPathComponent("rendered"))
        #expect(report == rendered)
    }

    @Test func renderConfigSwitchesTheFiguresToThePaperPreset() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("small.json"), paper = folder.appendingPathComponent("paper.json")
        try Data(CLI.smallConfiguration.utf8).write(to: small)
        try Data(#"{"figures": {"preset": "paper"}}"#.utf8).write(to: paper)
        let results = folder.appendingPathComponent("results").path
        #expect(try CLI.run(["analyze", "--config", small.path, "--results", results]).status == 0)
        for (out, config) in [("screen", nil), ("paper", paper.path)] as [(String, String?)] {
            let render = try CLI.run(["render", "--results", results, "--out", folder.appendingPathComponent(out).path, "--quiet"]
                                     + (config.map { ["--config", $0] } ?? []))
            #expect(render.status == 0, "\(render.stderr)")
        }
        /// The width of the first page, from `/MediaBox [0 0 width height]`.
        func pageWidth(_ site: String, _ figure: String) throws -> Double? {
            let pdf = String(decoding: try Data(contentsOf: folder.appendingPathComponent("\(site)/figures/synthetic-easy-test/\(figure).pdf")), as: UTF8.self)
            guard let box = pdf.range(of: "/MediaBox") else { return nil }
            let numbers = pdf[box.upperBound...].drop { !$0.isNumber }.prefix { $0 != "]" }.split(separator: " ")
            return numbers.count == 4 ? Double(numbers[2]) : nil
        }
        // One plot fills a single column, small multiples span both; the site's PNGs are the same.
        #expect(try pageWidth("screen", "distribution") == 760 && pageWidth("paper", "distribution") == 238)
        #expect(try pageWidth("screen", "reach-vs-improvability-always") == 900 && pageWidth("paper", "reach-vs-improvability-always") == 497)
        let png = "figures/synthetic-easy-test/distribution.png"
        #expect(try Data(contentsOf: folder.appendingPathComponent("screen/" + png)) == Data(contentsOf: folder.appendingPathComponent("paper/" + png)))
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"figures": {"preset": "print"}}"#.utf8).write(to: bad)
        let refused = try CLI.run(["render", "--results", results, "--out", folder.appendingPathComponent("bad").path, "--config", bad.path])
        #expect(refused.status == 65 && refused.firstErrorLine.contains("bad.json: figures.preset: unknown preset 'print' (use screen or paper)"),
                "\(refused.stderr)")
    }

    @Test func shardsMergedByTheCLIEqualOneRun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (config, whole) = try Self.analyzed(in: folder, results: "whole")
        // Four shards as four concurrent processes, as a job array runs them.
        let shards = (1...4).map { folder.appendingPathComponent("shard-\($0)").path }
        let results = try shards.enumerated().map { index, shard in
            try CLI.start(["analyze", "--config", config.path, "--shard", "\(index + 1)/4", "--results", shard, "--threads", "1"])
        }.map { try $0.wait() }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let merged = folder.appendingPathComponent("merged")
        let merge = try CLI.run(["merge", "--results", merged.path] + shards.reversed())
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.files(in: merged) == Self.files(in: whole))
        let incomplete = try CLI.run(["merge", "--results", folder.appendingPathComponent("bad").path, shards[0]])
        #expect(incomplete.status == 65 && incomplete.stderr.contains("are missing"))
    }

    @Test func aKilledRenderLeavesTheOldReportIntact() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.report(threads: 2, in: folder).status == 0)
        let site = folder.appendingPathComponent("site")
        let before = try Self.files(in: site)
        let config = folder.appendingPathComponent("small.json").path
        #expect(try CLI.run(["analyze", "--config", config, "--seed", "1", "--results", folder.appendingPathComponent("r").path]).status == 0)
        for delay in [0.3, 1.0, 2.0] {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["render", "--results", folder.appendingPathComponent("r").path, "--out", site.path, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            process.terminate()
            process.waitUntilExit()
            guard process.terminationReason == .uncaughtSignal else { continue }  // finished before the signal
            #expect(try Self.files(in: site) == before, "killed after \(delay) s: the old report is untouched")
        }
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let thesis = folder.appendingPathComponent("thesis")
        try FileManager.default.createDirectory(at: thesis, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: thesis.appendingPathComponent("chapter1.tex"))
        let config = folder.appendingPathComponent("small.json")
        try Data(CLI.smallConfiguration.utf8).write(to: config)
        let refused = try CLI.run(["analyze", "--config", config.path, "--results", thesis.path])
        #expect(refused.status == 73 && refused.firstErrorLine.contains("Refusing to replace"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("experiments"), "refused before the analysis, not after")
        #expect(FileManager.default.fileExists(atPath: thesis.appendingPathComponent("chapter1.tex").path))
    }

    @Test func renderTakesTheSiteBlockOfAConfigurationWithoutRecomputing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (config, results) = try Self.analyzed(in: folder, results: "results")
        let before = try Self.files(in: results)
        let site = folder.appendingPathComponent("site.json")
        try Data(#"{"site": {"title": "Lab report", "authors": ["A. Tao"]}}"#.utf8).write(to: site)
        let render = try CLI.run(["render", "--results", results.path, "--config", site.path, "--out", folder.appendingPathComponent("site").path])
        #expect(render.status == 0, "\(render.stderr)")
        let index = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(index.contains("<title>Does reach predict improvability? · Lab report</title>") && index.contains(#"<meta name="author" content="A. Tao">"#))
        #expect(try Self.files(in: results) == before, "the results folder is only read")
        let bad = try CLI.run(["render", "--results", results.path, "--config", config.path + ".missing", "--out", folder.appendingPathComponent("other").path])
        #expect(bad.status == 66, "\(bad.stderr)")
    }

    @Test func hostileNamesAreEscapedEverywhere() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A real-shaped CSV whose metric column and extra column carry markup and quotes.
        let text = CLI.benchmarkCSV(header: "\"<script>alert('x')</script>/test\",ArchitectureString,\"UniqueString\"") { code, arch in
            "\(Double(code % 977) / 10 + 1),\(arch),\"\"\"><img src=x onerror=alert(1)>\(code % 40)\""
        }
        let csv = folder.appendingPathComponent("hostile.csv")
        try Data(text.utf8).write(to: csv)
        let result = try Self.report(data: csv.path, threads: 2, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let site = folder.appendingPathComponent("site")
        #expect(SiteCheck.problems(in: site) == [])
        for (path, data) in try Self.files(in: site) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(path) has no executable script")
            #expect(!html.contains("<img src=x"), "\(path) has no injected element")
            #expect(html.components(separatedBy: "<script").count - 1 <= 1, "\(path): only the site.js tag")
        }
        // The input sits in a temporary folder: no page, table or results file may name a local path.
        for (path, data) in try Self.files(in: site) {
            #expect(!String(decoding: data, as: UTF8.self).contains(folder.path), "\(path) names a local path")
        }
        #expect(!result.stdout.contains(csv.path) && !result.stderr.contains(csv.path), "the terminal names the input by file name only")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["NASREACH_DATA"] != nil, "NASREACH_DATA is not set: real-data report skipped"))
    func realDataReport() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.report(data: ProcessInfo.processInfo.environment["NASREACH_DATA"]!, threads: 2, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        try Self.checkSite(folder.appendingPathComponent("site"), synthetic: false)
        let results = try Self.siteResults(folder.appendingPathComponent("site"))
        #expect(results.metrics.map(\.id) == ["cifar10/ori-test", "cifar100/x-test", "ImageNet16-120/x-test"])
        #expect(results.landscape["cifar10/ori-test"]?.numLocalMaxima == 17)
        // The Reproduction page's numbers: every published value listed; read correctly, the differences are
        // parsing, the indexing slip and the Monte Carlo walks (LabReproductionRealDataTests has them field by field).
        let reproduction = try #require(results.reproduction)
        #expect(results.provenance.floatParsing == "correctly-rounded")
        #expect(["cifar10/ori-test", "cifar100/x-test", "ImageNet16-120/x-test"].map { reproduction[$0]?.count(.reproducedExactly) } == [20, 22, 25])
        #expect(reproduction.values.allSatisfy { $0.entries.count == 30 })
        let page = try String(contentsOf: folder.appendingPathComponent("site/reproduction.html"), encoding: .utf8)
        #expect(page.contains("Published values of cifar10/ori-test") && page.contains("indexing slip"))
    }

    /// Read as the lab's pandas did, only the indexing slip and the Monte Carlo walks remain (3 of 30 per metric).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NASREACH_DATA"] != nil, "NASREACH_DATA is not set: real-data run skipped"))
    func realDataReadAsPandasReproducesTheParsingDifferences() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("small.json")
        try Data(CLI.smallConfiguration.utf8).write(to: config)
        let out = folder.appendingPathComponent("results")
        let result = try CLI.run(["analyze", "--data", ProcessInfo.processInfo.environment["NASREACH_DATA"]!, "--float-parsing", "pandas-2.2.1",
                                  "--config", config.path, "--results", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let results = try JSONDecoder().decode(Results.self, from: Data(contentsOf: out.appendingPathComponent("results.json")))
        #expect(results.provenance.floatParsing == "pandas-2.2.1")
        let reproduction = try #require(results.reproduction)
        for (metric, entries) in reproduction {
            #expect(entries.count(.reproducedExactly) == 27, "\(metric)")
            #expect(Set(entries.entries.compactMap(\.cause)) == [.indexingSlip, .monteCarloUnverified], "\(metric)")
        }
    }
}
