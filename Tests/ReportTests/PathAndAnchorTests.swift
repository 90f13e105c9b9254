import Support
import Testing
@testable import Report

@Suite struct PathAndAnchorTests {
    @Test(arguments: ["", "/etc/passwd", "../up.html", "a/../../b", "a//b", "a/./b", "C:\\x", "http://x.org/a", "a/b/"])
    func rejectsPathsThatLeaveOrBendTheSite(_ path: String) {
        #expect(throws: SiteError.self) { try SitePath.validate(path) }
    }

    @Test func acceptsPlainRelativePaths() throws {
        try SitePath.validate("figures/cifar10-ori-test/reach-vs-improvability.png")
        try SitePath.validateLink("hypotheses/h1.html#result-2")
        try SitePath.validateLink("#verdicts")
    }

    @Test func linksAreRelativeToThePage() {
        #expect(SitePath.relative("metrics/a.html#x", from: "hypotheses/h1.html") == "../metrics/a.html#x")
        #expect(SitePath.relative("index.html", from: "index.html") == "index.html")
        #expect(SitePath.relative("a b/c?.png", from: "x/y/z.html") == "../../a%20b/c%3F.png")
        #expect(SitePath.relative("#top", from: "x/y.html") == "#top")
    }

    @Test func anchorsAreSlugsMadeUniqueInOrder() {
        let page = SampleSite.model().pages[1]
        #expect(page.anchors.sections == ["statement", "result", "result-2"])
        #expect(page.anchors.blocks[2] == ["figure-reach-against-improvability-script-alert-x", nil])
        #expect(Slug.make("Kendall's τ-b (H1)", fallback: "s") == "kendall-s-b-h1")
        #expect(Slug.make("τ", fallback: "section") == "section")
        #expect(Slug.make("Café Über", fallback: "s") == "cafe-uber")
    }
}
