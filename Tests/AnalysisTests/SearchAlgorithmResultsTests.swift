import Benchmark
import Foundation
import Search
import Support
import Testing
@testable import Analysis

@Suite struct SearchAlgorithmResultsTests {
    @Test func resultsCarryEveryAlgorithmOnEveryMetricWithTheContractFields() throws {
        let results = SmallRun.output.results
        let metrics = results.metrics.map(\.id)
        #expect(Set(results.searchAlgorithms.map(\.algorithm)).count >= 5)
        for metric in metrics { #expect(results.searchAlgorithms.filter { $0.metric == metric }.count >= 5) }
        #expect(Set(results.searchAlgorithms.map(\.id)).count == results.searchAlgorithms.count)
        let json = try JSONSerialization.jsonObject(with: Data(try AnalysisOutput.encode(results))) as! [String: Any]
        let entries = try #require(json["searchAlgorithms"] as? [[String: Any]])
        #expect(entries.count == results.searchAlgorithms.count)
        for entry in entries {
            for key in ["id", "algorithm", "params", "metric", "runs", "budget", "queriesToGlobalMax", "ert", "effectiveReach", "meanImprovability"] {
                #expect(entry[key] != nil, "searchAlgorithms[].\(key)")
            }
            #expect(entry["params"] is [String: Any])
            #expect(entry["runs"] as? Int == SmallRun.configuration.searchAlgorithms.runs)
            #expect(entry["budget"] as? Int == SmallRun.configuration.searchAlgorithms.budget)
            let queries = try #require(entry["queriesToGlobalMax"] as? [String: Any])
            for key in ["mean", "standardError", "median"] { #expect(queries[key] is Double || queries[key] is Int) }
            let ert = try #require(entry["ert"] as? [[String: Any]])
            #expect(ert.map { $0["target"] as? String } == ["global-max", "p99.9", "p99"])
            for target in ert {
                // Nulls are written: an ERT without success stays a field.
                for key in ["target", "queries", "successRate", "ciLower", "ciUpper"] { #expect(target.keys.contains(key)) }
            }
        }
    }

    @Test func randomSearchMatchesItsClosedForm() throws {
        let output = SmallRun.output
        for record in output.results.searchAlgorithms where record.algorithm == .randomSearch {
            let expected = try #require(record.closedFormQueriesToGlobalMax)
            let q = record.queriesToGlobalMax
            // 20 runs: the mean lies within 5 standard errors of the exact expectation.
            #expect(abs(q.mean - expected) < 5 * q.standardError + 1, "\(record.metric): \(q.mean) vs \(expected)")
        }
    }

    @Test func theTableHasOneRowPerAlgorithmMetricAndTarget() throws {
        let output = SmallRun.output
        let table = try CSVTable.parse(bytes: try output.files()["tables/search-algorithms.csv"]!, file: "search-algorithms.csv")
        #expect(table.header.prefix(3) == ["metric", "algorithm", "runs"])
        #expect(table.header.contains("ert") && table.header.contains("successRate") && table.header.contains("ertLower"))
        #expect(table.rows.count == output.results.searchAlgorithms.reduce(0) { $0 + $1.ert.count })
    }

    @Test func configurationKeyIsReadStrictly() throws {
        let configuration = try Configuration.parse(bytes: Array(#"{"searchAlgorithms": {"runs": 50, "budget": 100}}"#.utf8), file: "c.json")
        #expect(configuration.searchAlgorithms.runs == 50 && configuration.searchAlgorithms.budget == 100)
        #expect(Configuration.default.searchAlgorithms.runs == 200 && Configuration.default.searchAlgorithms.budget == 300)
        expectError(#"{"searchAlgorithms": {"run": 5}}"#, containing: "searchAlgorithms: unknown key 'run'")
        expectError(#"{"searchAlgorithms": {"runs": 1.5}}"#, containing: "searchAlgorithms.runs: expected a whole number")
        expectError(#"{"searchAlgorithms": 3}"#, containing: "searchAlgorithms: expected an object")
        expectError(#"{"searchAlgorithms": {"runs": 1}}"#, containing: "searchAlgorithms.runs must be at least 2")
    }

    func expectError(_ text: String, containing message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try Configuration.parse(bytes: Array(text.utf8), file: "c.json")
            Issue.record("accepted \(text)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description.contains(message), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func shardsOtherThanTheFirstLeaveTheAlgorithmsToIt() {
        let second = SmallRun.run(shard: Shard(index: 2, count: 3))
        #expect(second.results.searchAlgorithms.isEmpty)
        let first = SmallRun.run(shard: Shard(index: 1, count: 3))
        #expect(first.results.searchAlgorithms == SmallRun.output.results.searchAlgorithms)
    }
}
