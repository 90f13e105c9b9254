import Benchmark
import Search
import Foundation
import Statistics
import Testing
@testable import Analysis

@Suite struct AnalysisRunTests {
    @Test func everyTauIsRecomputableFromTheImprovabilityTable() throws {
        let output = SmallRun.output
        let files = try output.files()
        let table = try CSVTable.parse(bytes: files["tables/improvability.csv"]!, file: "improvability.csv")
        #expect(table.header.first == "metric" && table.header.contains("meanImprovability") && table.header.contains("method"))
        let records = try ResultsFolderTests.records(from: files)
        #expect(records == output.records)
        var checked = 0
        for test in output.results.hypotheses {
            guard let tau = test.tau else { continue }
            let rows = records.filter {
                $0.metric == test.metric && $0.experiment == test.experiment && $0.acceptance == test.acceptance
                    && $0.group == test.group && $0.pathLength == test.pathLength && $0.thresholdLabel == test.thresholdLabel
            }
            let pairs: [(Double, Double)] = rows.compactMap { record in
                record.row.value(of: test.improvabilityStatistic).map { (record.row.value(of: test.reachMeasure), $0) }
            }
            #expect(pairs.count == test.n)
            #expect(Correlation.kendallTauB(pairs.map(\.0), pairs.map(\.1)).tau == tau)
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func resultsCoverTheContract() throws {
        let results = SmallRun.output.results
        #expect(results.schema == "nasreach/results@1")
        #expect(results.metrics.count == 3 && results.landscape.count == 3)
        #expect(results.operators.count == 24)
        #expect(Set(results.hypotheses.map(\.hypothesis)) == Set(Hypothesis.allCases))
        #expect(Set(results.hypotheses.map(\.experiment)) == Set(Experiment.allCases))
        #expect(!results.breakdowns.isEmpty && !results.deciles.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(try AnalysisOutput.encode(results))) as! [String: Any]
        for key in ["schema", "provenance", "metrics", "landscape", "operators", "hypotheses"] { #expect(json[key] != nil) }
        let provenance = json["provenance"] as! [String: Any]
        for key in ["input", "inputSHA256", "seed", "version", "generatedAt"] { #expect(provenance[key] != nil) }
    }

    @Test func sameSeedSameBytesWhateverTheThreadCount() throws {
        let one = try SmallRun.run(threads: 1).files()
        let two = try SmallRun.output.files()
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, bytes) in two { #expect(one[path] == bytes, "\(path) differs between 1 and 2 threads") }
    }

    @Test func mergedShardsEqualASingleRun() throws {
        let parts = (1...3).map { ("shard-\($0)", SmallRun.run(shard: Shard(index: $0, count: 3))) }
        #expect(parts.allSatisfy { $0.1.results.hypotheses.isEmpty && $0.1.results.shard != nil })
        let merged = try ShardMerge.merge(parts.reversed()).completed(threads: 2)
        let single = try SmallRun.output.files()
        for (path, bytes) in try merged.files() { #expect(single[path] == bytes, "\(path) differs after merging") }
    }

    @Test func mergeRejectsIncompleteOrMixedShards() {
        let a = SmallRun.run(shard: Shard(index: 1, count: 2))
        #expect(throws: InputError.self) { try ShardMerge.merge([("a", a)]) }
        #expect(throws: InputError.self) { try ShardMerge.merge([("a", a), ("b", a)]) }
        #expect(throws: InputError.self) { try ShardMerge.merge([("a", a), ("single", SmallRun.output)]) }
    }

    @Test func h3PreconditionNeedsNegativeSkewnessAndAMajorityAboveTheMean() {
        for metric in SmallRun.output.results.metrics {
            #expect(metric.h3PreconditionHolds == (metric.skewness < 0 && metric.shareAboveMean > 0.5))
        }
    }
}

enum ResultsFolderTests {
    /// Writes the files to a temporary folder and reads the records back as `render` and `merge` do.
    static func records(from files: [String: [UInt8]]) throws -> [ImprovabilityRecord] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nasreach-analysis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return try ResultsFolder.load(folder.path).records
    }
}
