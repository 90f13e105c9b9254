import Foundation
import Testing
@testable import Report

@Suite struct ThemeTests {
    /// The repository root, found from this file so the test runs from any working directory.
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func embeddedThemeEqualsTheRepositoryFiles() throws {
        let templates = try Theme.files(in: Self.repository.appendingPathComponent("templates"))
            .filter { $0.key.hasSuffix(".mustache") }
        let onDisk = Dictionary(uniqueKeysWithValues: templates.map { (String($0.key.dropLast(".mustache".count)), String(decoding: $0.value, as: UTF8.self)) })
        #expect(Theme.default.templates == onDisk, "the EmbedTheme plugin compiles templates/ and site/ in at build time")
        let assets = try Theme.files(in: Self.repository.appendingPathComponent("site"))
        #expect(Theme.default.assets == assets, "the EmbedTheme plugin compiles templates/ and site/ in at build time")
    }

    @Test func defaultTemplatesNeverRenderUnescaped() {
        for (name, source) in Theme.default.templates {
            #expect(!source.contains("{{{") && !source.contains("{{&"), "template \(name) renders raw text")
        }
    }

    @Test func assetsRequestNoOtherHost() {
        for (name, data) in Theme.default.assets {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("http:") && !text.contains("https:") && !text.contains("//"), "asset \(name)")
        }
    }

    @Test func aLabThemeOverridesTemplatesAndAssetsByName() throws {
        let labPage = "<h1 class=\"lab\">{{pageTitle}}</h1>\n{{#sections}}{{>section}}{{/sections}}"
        let folder = try TemporaryFolder()
        let templates = folder.url.appendingPathComponent("templates")
        let assets = folder.url.appendingPathComponent("assets")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try labPage.write(to: templates.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        try "body { color: teal; }".write(to: assets.appendingPathComponent("site.css"), atomically: true, encoding: .utf8)
        let theme = try Theme.load(templatesDirectory: templates, assetsDirectory: assets)
        #expect(theme.templates["page"] == labPage)
        #expect(theme.templates["layout"] == Theme.default.templates["layout"])
        #expect(theme.assets["site.css"] == Data("body { color: teal; }".utf8))
        #expect(theme.assets["site.js"] == Theme.default.assets["site.js"])

        let out = folder.url.appendingPathComponent("public")
        try SiteWriter(theme: theme).write(SampleSite.model(), figures: SampleSite.figures, extraFiles: SampleSite.extraFiles, to: out)
        #expect(try folder.read("public/index.html").contains("<h1 class=\"lab\">Overview</h1>"))
    }

    @Test func aBrokenTemplateIsReportedByName() {
        #expect(throws: SiteError.self) {
            try Theme(templates: ["layout": "{{#open}} never closed"], assets: [:])
        }
        #expect(throws: SiteError.template(name: "layout", message: "the entry template is missing")) {
            try Theme(templates: ["page": "x"], assets: [:])
        }
    }
}
