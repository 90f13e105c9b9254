import Foundation
import Search
import Support

/// The results folder's content, as bytes by relative path: `results.json` and `tables/*.csv`.
public struct AnalysisOutput: Sendable {
    public var results: Results
    public var records: [ImprovabilityRecord]
    /// Rows of the decile groups, kept only by shards (a whole run summarises them into `results.deciles` at once).
    public var decileRecords: [ImprovabilityRecord]
    public var cells: [CellTable]
    /// The permutation null of each metric (by id): kept by shards for `merge`, as their records are.
    public var nulls: [String: PermutationNull]
    /// The permutation null of the other primary tests, by metric id (a whole run and shard 1 compute it).
    public var experimentNulls: [String: ExperimentNull]

    public init(results: Results, records: [ImprovabilityRecord], decileRecords: [ImprovabilityRecord] = [], cells: [CellTable],
                nulls: [String: PermutationNull] = [:], experimentNulls: [String: ExperimentNull] = [:]) {
        self.results = results
        self.records = records
        self.decileRecords = decileRecords
        self.cells = cells
        self.nulls = nulls
        self.experimentNulls = experimentNulls
    }

    /// The whole-report steps that need every operator's rows: hypotheses with Holm's adjustment,
    /// breakdowns, decile summaries. A single run and a merge of shards both end here.
    public func completed(threads: Int) -> AnalysisOutput {
        var results = self.results
        let configuration = results.configuration
        let runner = HypothesisRunner(configuration, seed: results.provenance.seed)
        let settings = HypothesisRunner.settings(of: records)
        results.hypotheses = runner.attach(nulls: nulls, experimentNulls: experimentNulls,
                                           to: runner.run(records, settings: settings, threads: threads))
        results.nullSubset = experimentNulls.values.first?.operatorIDs ?? []
        results.optimalReach = OptimalReach.estimate(records, settings: settings, replicates: configuration.bootstrapReplicates,
                                                     confidence: configuration.confidence, seed: results.provenance.seed,
                                                     bandwidth: OptimalReach.defaultBandwidth, threads: threads)
        results.breakdowns = Breakdown.tabulate(records)
        if !decileRecords.isEmpty { results.deciles = DecileSummary.tabulate(decileRecords) }
        results.shard = nil
        return AnalysisOutput(results: results, records: records, cells: cells)
    }

    /// Canonical JSON (see `JSONRecordEncoder`): equal results give equal bytes.
    public static func encode<T: Encodable>(_ value: T, layout: JSONRecordEncoder.Layout = .pretty) throws -> [UInt8] {
        try JSONRecordEncoder.encode(value, layout: layout)
    }

    /// The results folder: `results.json`, every table at full precision (`tables`), and a shard's records.
    public func files(threads: Int = 1) throws -> [String: [UInt8]] {
        var files = try tables(numbers: .exact, threads: threads)
        files["results.json"] = try Self.encode(results)
        if results.shard != nil {
            files["shard-records.json"] = try Self.encode(ShardRecords(records: records, decileRecords: decileRecords,
                                                                      nulls: results.metrics.compactMap { m in
                nulls[m.id] == nil && experimentNulls[m.id] == nil ? nil : MetricNull(metric: m.id, null: nulls[m.id], experiments: experimentNulls[m.id])
            }))
        }
        return files
    }

    /// Every table by path, `tables/<name>.csv`; the improvability table is whole unless `splitByMetric`,
    /// then `tables/improvability-<metric slug>.csv` each.
    public func tables(numbers: CSVRecordEncoder.Numbers, splitByMetric: Bool = false, threads: Int = 1) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        if splitByMetric {
            let byMetric = Dictionary(grouping: records, by: \.metric)
            for metric in results.metrics {
                files["tables/improvability-\(metric.slug).csv"] = try CSVRecordEncoder.table(byMetric[metric.id] ?? [], numbers: numbers, threads: threads)
            }
        } else {
            files["tables/improvability.csv"] = try CSVRecordEncoder.table(records, numbers: numbers, threads: threads)
        }
        files["tables/hypotheses.csv"] = try CSVRecordEncoder.table(results.hypotheses, numbers: numbers)
        files["tables/operators.csv"] = try CSVRecordEncoder.table(results.operators, numbers: numbers)
        files["tables/breakdowns.csv"] = try CSVRecordEncoder.table(results.breakdowns, numbers: numbers)
        files["tables/deciles.csv"] = try CSVRecordEncoder.table(results.deciles, numbers: numbers)
        files["tables/search-algorithms.csv"] = try CSVRecordEncoder.table(SearchAlgorithmRow.rows(results.searchAlgorithms), numbers: numbers)
        files["tables/metrics.csv"] = try CSVRecordEncoder.table(results.metrics, numbers: numbers)
        files["tables/landscape.csv"] = try CSVRecordEncoder.table(results.metrics.compactMap { metric in
            results.landscape[metric.id].map { LandscapeRow(metric: metric.id, $0) }
        }, numbers: numbers)
        for cellTable in cells { files["tables/" + cellTable.fileName] = try CSVRecordEncoder.table(cellTable.rows, numbers: numbers, threads: threads) }
        return files
    }
}

/// The improvability rows a shard computed, whole, for `merge`.
public struct ShardRecords: Sendable, Codable {
    public var records: [ImprovabilityRecord]
    public var decileRecords: [ImprovabilityRecord]
    public var nulls: [MetricNull]?
}

public struct MetricNull: Sendable, Codable {
    public var metric: String
    public var null: PermutationNull?
    public var experiments: ExperimentNull?
}
