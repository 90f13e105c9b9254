import Foundation
import Testing
@testable import Report

@Suite struct SiteWriterTests {
    private func writeSample(to folder: TemporaryFolder) throws -> URL {
        let out = folder.url.appendingPathComponent("public")
        try SiteWriter().write(SampleSite.model(), figures: SampleSite.figures, extraFiles: SampleSite.extraFiles, to: out)
        return out
    }

    @Test("the figures, downloads and table CSVs are the same files whatever the worker count")
    func filesIndependentOfThreads() throws {
        let folder = try TemporaryFolder()
        var trees: [[String: Data]] = []
        for threads in [1, 3] {
            let out = folder.url.appendingPathComponent("public-\(threads)")
            try SiteWriter().write(SampleSite.model(), figures: SampleSite.figures, extraFiles: SampleSite.extraFiles, to: out, threads: threads)
            trees.append(try Theme.files(in: out))
        }
        #expect(trees[0] == trees[1])
        #expect(trees[0].keys.contains { $0.hasPrefix("tables/") } && trees[0].keys.contains { $0.hasPrefix("figures/") })
    }

    @Test("a batch of files naming one path twice is refused before anything is written")
    func batchRefusesADuplicate() throws {
        let folder = try TemporaryFolder()
        var build = SiteBuild(model: SampleSite.model(), theme: .default, figures: .files([:]), extraFiles: [:], root: folder.url)
        build.threads = 2
        #expect(throws: SiteError.duplicateFile("a/x.csv")) {
            try build.write([(path: "a/x.csv", data: Data("1".utf8)), (path: "b/y.csv", data: Data()), (path: "a/x.csv", data: Data("2".utf8))])
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("a/x.csv").path))
    }

    @Test func sampleSitePassesTheSiteCheck() throws {
        let folder = try TemporaryFolder()
        let out = try writeSample(to: folder)
        #expect(SiteCheck.problems(in: out) == [])
    }

    @Test func everyPageLinkedFromIndexExists() throws {
        let folder = try TemporaryFolder()
        let out = try writeSample(to: folder)
        let index = try folder.read("public/index.html")
        let hrefs = HTMLScanner.tokens(index).compactMap { located -> String? in
            guard case .start("a", let attributes) = located.token else { return nil }
            return attributes["href"]
        }
        let pages = hrefs.map { String($0.split(separator: "#")[0]) }.filter { $0.hasSuffix(".html") }
        #expect(Set(pages) == ["index.html", "hypotheses/h1.html", "metrics/cifar10-ori-test.html"])
        for page in pages { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(page).path)) }
    }

    @Test func pagesInSubfoldersLinkUpwards() throws {
        let folder = try TemporaryFolder()
        _ = try writeSample(to: folder)
        let h1 = try folder.read("public/hypotheses/h1.html")
        #expect(h1.contains(#"href="../assets/site.css""#))
        #expect(h1.contains(#"<img src="../figures/cifar10-ori-test/reach-vs-improvability.png""#))
        #expect(h1.contains(#"width="800" height="500""#))
        #expect(h1.contains(#"<a href="../hypotheses/h1.html" aria-current="page">H1</a>"#))
        #expect(h1.contains(#"<section id="result-2">"#))
    }

    @Test func everyPageCarriesTheSyntheticBanner() throws {
        let folder = try TemporaryFolder()
        _ = try writeSample(to: folder)
        for page in SampleSite.model().pages {
            #expect(try folder.read("public/" + page.path).contains("<strong>Synthetic data.</strong>"))
        }
        var real = SampleSite.model()
        real.isSynthetic = false
        let out = folder.url.appendingPathComponent("real")
        try SiteWriter().write(real, figures: SampleSite.figures, extraFiles: SampleSite.extraFiles, to: out)
        #expect(!(try folder.read("real/index.html")).contains("Synthetic data."))
    }

    @Test func dataTextIsEscapedEverywhere() throws {
        let folder = try TemporaryFolder()
        _ = try writeSample(to: folder)
        for path in ["public/index.html", "public/hypotheses/h1.html"] {
            let html = try folder.read(path)
            #expect(!html.contains("<script>"))
            #expect(!html.contains(#"alert("x")"#))
            #expect(!html.contains("'quoted'"))
        }
        let index = try folder.read("public/index.html")
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"
        #expect(index.contains("<title>Overview · NATS reach report \(escaped)</title>"))   // site title
        #expect(index.contains("<caption id=\"table-verdicts-script-alert-x-script-quoted-caption\">Verdicts \(escaped)</caption>"))
        #expect(index.contains("<th scope=\"row\">\(escaped)</th>"))                       // table cell
        #expect(index.contains("<h2>Headline figure \(escaped) <a"))                       // heading
        #expect(index.contains("<figcaption>Reach against improvability \(escaped) "))      // figure caption
    }

    @Test func tablesAreWrittenAsCSVAndLinked() throws {
        let folder = try TemporaryFolder()
        _ = try writeSample(to: folder)
        let csvPath = "tables/index-table-verdicts-script-alert-x-script-quoted.csv"
        #expect(try folder.read("public/index.html").contains("<a href=\"\(csvPath)\" download>Download CSV</a>"))
        let csv = try folder.read("public/" + csvPath)
        #expect(csv == "Hypothesis,Metric,tau,p (Holm),Verdict\n"
            + "H1,cifar10 test,-0.4321,3.2e-07,supported\n"
            + "\"<script>alert(\"\"x\"\")</script> & 'quoted'\",cifar100 test,,,undefined\n")
    }

    @Test func numericCellsCarrySortKeysAndClasses() throws {
        let folder = try TemporaryFolder()
        _ = try writeSample(to: folder)
        let index = try folder.read("public/index.html")
        #expect(index.contains(#"<td class="num" data-sort="-0.4321">−0.432</td>"#))
        #expect(index.contains(#"<td class="num">—</td>"#))
        #expect(index.contains(#"<td class="verdict-supported">supported</td>"#))
        #expect(index.contains(#"<th scope="col" class="num">τ</th>"#))
        #expect(index.contains(#"<td><a href="metrics/cifar10-ori-test.html#summary">cifar10 test</a></td>"#))
    }

    @Test func missingFigureFormatIsAnError() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("public")
        guard case .files(var files) = SampleSite.figures else { return }
        files["figures/cifar10-ori-test/reach-vs-improvability.pdf"] = nil
        #expect(throws: SiteError.missingFigureFile("figures/cifar10-ori-test/reach-vs-improvability.pdf")) {
            try SiteWriter().write(SampleSite.model(), figures: .files(files), to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func figuresCanComeFromAFolder() throws {
        let folder = try TemporaryFolder()
        let source = folder.url.appendingPathComponent("drawn/cifar10-ori-test")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        guard case .files(let files) = SampleSite.figures else { return }
        for (path, data) in files { try data.write(to: source.appendingPathComponent((path as NSString).lastPathComponent)) }
        let out = folder.url.appendingPathComponent("public")
        try SiteWriter().write(SampleSite.model(), figures: .folder(folder.url.appendingPathComponent("drawn")),
                               extraFiles: SampleSite.extraFiles, to: out)
        #expect(SiteCheck.problems(in: out) == [])
    }
}
