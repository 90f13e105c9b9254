import Foundation
import Benchmark
import Search
import Testing
@testable import Analysis

@Suite struct ConfigurationTests {
    func parse(_ text: String) throws(InputError) -> Configuration {
        try Configuration.parse(bytes: Array(text.utf8), file: "study.json")
    }

    func expectError(_ text: String, line: Int? = nil, column: Int? = nil, containing message: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try parse(text)
            Issue.record("expected an error containing '\(message)'", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == .invalid && error.file == "study.json", sourceLocation: sourceLocation)
            #expect(error.description.contains(message), "\(error)", sourceLocation: sourceLocation)
            if let line { #expect(error.line == line, "\(error)", sourceLocation: sourceLocation) }
            if let column { #expect(error.column == column, "\(error)", sourceLocation: sourceLocation) }
        }
    }

    @Test func emptyObjectGivesTheDefaults() throws {
        #expect(try parse("{}") == Configuration.default)
        #expect(Configuration.default.operatorCount >= 1000)
    }

    @Test func readsEveryKey() throws {
        let configuration = try parse("""
        {"operatorCount": 50, "pathLengths": [1, 3], "thresholdPercentiles": [95], "acceptanceRules": ["always", "metropolis(T=2)"],
         "monteCarlo": {"reliability": 0.8, "minimumWalks": 6, "maximumWalks": 12, "hittingWalks": 8,
                        "hittingTimeCap": 50, "maximumHittingTimeCap": 400, "dynamicProgrammingMaxK": 1},
         "alpha": 0.01, "bootstrapReplicates": 0, "confidence": 0.9, "landscapeWalks": 10, "landscapeWalkLength": 40}
        """)
        #expect(configuration.operatorCount == 50 && configuration.pathLengths == [1, 3])
        #expect(configuration.acceptanceRules == [.always, .metropolis(temperature: 2)])
        #expect(configuration.monteCarlo.reliability == 0.8 && configuration.monteCarlo.maximumWalks == 12)
        #expect(configuration.monteCarlo.maximumHittingTimeCap == 400 && configuration.monteCarlo.dynamicProgrammingMaxK == 1)
        #expect(configuration.alpha == 0.01 && configuration.landscapeWalkLength == 40)
    }

    @Test func figuresPreset() throws {
        #expect(try parse(#"{"figures": {"preset": "paper"}}"#).figures.preset == .paper)
        #expect(try parse("{}").figures.preset == .screen)
        expectError(#"{"figures": {"preset": "print"}}"#, containing: "figures.preset: unknown preset 'print' (use screen or paper)")
        expectError(#"{"figures": {"preset": 1}}"#, containing: "figures.preset: expected a string")
        expectError(#"{"figures": {"size": 1}}"#, containing: "figures: unknown key 'size'")
        expectError(#"{"figures": "paper"}"#, containing: "figures: expected an object")
    }

    @Test func readsTheSiteBlock() throws {
        let configuration = try parse("""
        {"site": {"title": "Reach <and> improvability", "authors": ["A. Tao", "B. Bang"], "affiliation": "Lab",
                  "abstract": "We test H1-H3.", "citation": "@misc{tao2026, title = {Reach}}", "url": "https://lab.example.org/nas/"}}
        """)
        let site = try #require(configuration.site)
        #expect(site.title == "Reach <and> improvability" && site.authors == ["A. Tao", "B. Bang"] && site.affiliation == "Lab")
        #expect(site.abstract == "We test H1-H3." && site.citation == "@misc{tao2026, title = {Reach}}" && site.url == "https://lab.example.org/nas/")
        #expect(try parse(#"{"site": {}}"#).site == SiteMetadata())
        #expect(Configuration.default.site == nil)
        #expect(try parse(#"{"site": null}"#) == Configuration.default)
    }

    @Test func siteBlockErrorsNameTheFileAndTheKey() {
        expectError(#"{"site": []}"#, containing: "site: expected an object")
        expectError(#"{"site": {"authors": "A. Tao"}}"#, containing: "site.authors: expected a list")
        expectError(#"{"site": {"authors": ["A. Tao", 3]}}"#, containing: "site.authors[1]: expected a string")
        expectError(#"{"site": {"Title": "x"}}"#, containing: "did you mean 'title'")
        expectError(#"{"site": {"abstract": 5}}"#, containing: "site.abstract: expected a string")
        expectError(#"{"site": {"url": "lab.example.org"}}"#, containing: "site.url must be an absolute http:// or https:// address")
        expectError(#"{"site": {"title": " "}}"#, containing: "site.title must not be empty")
    }

    @Test func emptyFile() { expectError("  \n", line: 1, column: 1, containing: "the configuration file is empty") }
    @Test func syntaxErrorIsLocated() { expectError("{\n  \"alpha\": 0.05,\n  oops\n}", line: 3, containing: "not valid JSON") }
    @Test func unknownKeySuggestsTheRightOne() { expectError("{\"operatorcount\": 5}", containing: "did you mean 'operatorCount'") }
    /// A target of 0.999 would need about 100 times the walks of 0.9: refused before any work.
    @Test func absurdReliabilityTargetsAreRefused() {
        expectError("{\"monteCarlo\": {\"reliability\": 0.999}}", containing: "monteCarlo.reliability must lie between 0.5 and 0.99")
        expectError("{\"monteCarlo\": {\"reliability\": 1}}", containing: "monteCarlo.reliability")
        expectError("{\"monteCarlo\": {\"minimumWalks\": 64, \"maximumWalks\": 32}}", containing: "maximumWalks at least minimumWalks")
    }

    @Test func unknownNestedKey() { expectError("{\"monteCarlo\": {\"walks\": 5}}", containing: "monteCarlo: unknown key 'walks'") }
    @Test func wrongTypes() {
        expectError("{\"alpha\": \"0.05\"}", containing: "alpha: expected a number")
        expectError("{\"operatorCount\": 10.5}", containing: "operatorCount: expected a whole number")
        expectError("{\"operatorCount\": true}", containing: "operatorCount: expected a number")
        expectError("{\"pathLengths\": 5}", containing: "pathLengths: expected a list")
        expectError("{\"acceptanceRules\": [\"always\", 3]}", containing: "acceptanceRules[1]: expected a string")
        expectError("[1, 2]", containing: "configuration: expected an object")
    }
    @Test func outOfRangeValues() {
        expectError("{\"alpha\": 1.5}", containing: "alpha must lie strictly between 0 and 1")
        expectError("{\"operatorCount\": 2}", containing: "operatorCount must be at least 3")
        expectError("{\"acceptanceRules\": [\"greedy\"]}", containing: "unknown acceptance rule 'greedy'")
        expectError("{\"thresholdPercentiles\": [101]}", containing: "not between 0 and 100")
        expectError("{\"landscapeWalkLength\": 10}", containing: "landscapeWalkLength above 20")
    }
}

@Suite struct ReadmeConfigurationTests {
    /// The README documents the defaults as a JSON example; it must stay true.
    @Test func readmeExampleIsTheDefaultConfiguration() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "## Configuration"))
        let start = try #require(text.range(of: "```json\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let configuration = try Configuration.parse(bytes: Array(text[start.upperBound..<end.lowerBound].utf8), file: "README.md")
        #expect(configuration == Configuration.default)
    }
}
