import Foundation
import Testing
@testable import Report

@Suite struct SiteCheckTests {
    /// Two lines: the body of each test page starts on line 2.
    private static let head = """
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title></head><body>
        """

    private func problems(_ files: [String: String], threads: Int = 1) throws -> [String] {
        let folder = try TemporaryFolder()
        for (path, text) in files {
            let url = folder.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return SiteCheck.problems(in: folder.url, threads: threads)
    }

    @Test func aMinimalGoodSiteHasNoProblems() throws {
        #expect(try problems([
            "index.html": Self.head + #"<a href="sub/p.html#x">p</a><img src="a.png" alt="A"></body></html>"#,
            "sub/p.html": Self.head + #"<p id="x"><a href="../index.html">back</a></p><script src="../s.js"></script></body></html>"#,
            "a.png": "", "s.js": "var a = 1; /* fine */",
        ]) == [])
    }

    /// The scripts are searched byte by byte: a match after multi-byte text, a needle at the very end or
    /// split across a prefix of itself, and the line it is on, as a character search would find them.
    @Test func scriptsAreSearchedWholeAfterMultiByteText() throws {
        let script = "const τ = \"ééé\";\n// ‘quoted’ — h\nhttp; HTTPS:x\nvar u = `//"
        let found = try problems([
            "index.html": Self.head + #"<script src="s.js"></script></body></html>"#, "s.js": script,
        ])
        #expect(found == ["s.js:3: external URL scheme https:", "s.js:1: protocol-relative URL `//… in script"], "\(found)")
        #expect(try problems([
            "index.html": Self.head + #"<script src="s.js"></script></body></html>"#, "s.js": "var h = \"htt\"; // ht tp: h/",
        ]) == [])
    }

    @Test("the problems and their order do not depend on the worker count")
    func problemsIndependentOfThreads() throws {
        var files = ["index.html": Self.head + #"<a href="p1.html#x">1</a><a href="p2.html">2</a></body></html>"#]
        for page in 1...6 {
            files["p\(page).html"] = Self.head + #"<p id="x"></p><img src="/abs\#(page).png" alt=""><a href="p\#(page % 6 + 1).html#gone">n</a></body></html>"#
            files["s\(page).js"] = String(repeating: "var a = 1;\n", count: page * 500) + "var u = 'http://x';"
        }
        files["orphan.html"] = "<html><body></body></html>"
        let serial = try problems(files)
        #expect(serial.count > 20)
        #expect(try problems(files, threads: 3) == serial)
    }

    @Test func findsEachKindOfProblem() throws {
        let found = try problems([
            "index.html": Self.head + """
                <a href="https://cdn.example.org/x.js">ext</a>
                <img src="/abs.png" alt="x"><img src="a.png">
                <a href="//host/x">x</a><a href="missing.html">m</a><a href="../up.html">u</a><a href="#nowhere">n</a>
                <table><tr><th>no scope</th></tr></table>
                <p id="d"></p><p id="d"></p>
                <script>alert("x")</script><div onclick="x()">c</div><div style="background: url(http:x)"></div>
                </body></html>
                """,
            "orphan.html": "<html><body></body></html>",
            "a.png": "",
            "site.css": "body { background: url(//host/bg.png); }",
            "site.js": "fetch('//host/x')",
        ])
        let expectedFragments = [
            "index.html:2: external URL scheme https:", "index.html:2: URL with a scheme: https://cdn.example.org/x.js",
            "index.html:3: absolute URL /abs.png", "index.html:3: image without alt text",
            "index.html:4: protocol-relative URL //host/x", "index.html:4: broken link missing.html",
            "index.html:4: link leaves the site: ../up.html", "index.html:4: link to missing anchor index.html#nowhere",
            "index.html:5: table without a caption", "index.html:5: table header cell without scope",
            "index.html:6: duplicate id \"d\"", "index.html:7: script without src", "index.html:7: script element with inline code",
            "index.html:7: inline event handler onclick", "index.html:7: URL with a scheme: http:x",
            "index.html:7: external URL scheme http:",
            "orphan.html:1: missing <!doctype html>", "orphan.html:1: <html> without lang",
            "orphan.html:1: missing <meta charset", "orphan.html:1: missing viewport",
            "orphan.html:1: page not reachable from index.html",
            "site.css:1: protocol-relative URL //host/bg.png", "site.js:1: protocol-relative URL '//",
        ]
        for fragment in expectedFragments {
            #expect(found.contains { $0.hasPrefix(fragment) }, "expected a problem starting \(fragment) in \(found)")
        }
        #expect(found.count == expectedFragments.count, "\(found)")
    }

    @Test func aCitationAddressMayStandInTextAndNamedMetaTagsButNeverInAResource() throws {
        #expect(try problems([
            "index.html": Self.head.replacingOccurrences(of: "</head>", with: #"<meta name="citation_public_url" content="https://lab.example.org/r/"></head>"#)
                + "<p>Published at https://lab.example.org/r/.</p><pre>url = {https://lab.example.org/r/}</pre></body></html>",
        ]) == [])
        let found = try problems([
            "index.html": Self.head.replacingOccurrences(of: "</head>", with: #"<meta http-equiv="refresh" content="0;url=https://x.example"><link rel="stylesheet" href="https://x.example/a.css"></head>"#)
                + #"<img src="a.png" alt="a" data-src="https://x.example/b.png"></body></html>"#,
            "a.png": "",
        ])
        #expect(found.contains { $0.contains("external URL scheme https:") } && found.contains { $0.contains("URL with a scheme: https://x.example/a.css") })
        #expect(found.filter { $0.contains("external URL scheme") }.count == 3, "\(found)")
    }

    @Test func escapedMarkupInTextIsNotATag() {
        let tokens = HTMLScanner.tokens(#"<p title="a &quot;b&quot;">&lt;script&gt;x</p>"#).map(\.token)
        #expect(tokens == [
            .start(name: "p", attributes: ["title": #"a "b""#]), .text("<script>x"), .end(name: "p"),
        ])
    }
}
