import Foundation

/// The results folder's content, as bytes by relative path: `results.json` and `tables/*.csv`.
public struct AnalysisOutput: Sendable {
    public var results: Results
    public var records: [ImprovabilityRecord]
    /// Rows of the decile groups, kept only by shards (a whole run summarises them into `results.deciles` at once).
    public var decileRecords: [ImprovabilityRecord]
    public var cells: [CellTable]

    public init(results: Results, records: [ImprovabilityRecord], decileRecords: [ImprovabilityRecord] = [], cells: [CellTable]) {
        self.results = results
        self.records = records
        self.decileRecords = decileRecords
        self.cells = cells
    }

    /// The whole-report steps that need every operator's rows: hypotheses with Holm's adjustment,
    /// breakdowns, decile summaries. A single run and a merge of shards both end here.
    public func completed(threads: Int) -> AnalysisOutput {
        var results = self.results
        let configuration = results.configuration
        results.hypotheses = HypothesisRunner(alpha: configuration.alpha, bootstrapReplicates: configuration.bootstrapReplicates,
                                              confidence: configuration.confidence, seed: results.provenance.seed)
            .run(records, threads: threads)
        results.breakdowns = Breakdown.tabulate(records)
        if !decileRecords.isEmpty { results.deciles = DecileSummary.tabulate(decileRecords) }
        results.shard = nil
        return AnalysisOutput(results: results, records: records, cells: cells)
    }

    /// Canonical JSON: sorted keys, so equal results give equal bytes.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    public func files() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = ["results.json": try Self.encode(results)]
        func table<Rows: Sequence>(_ name: String, _ header: [String], _ rows: Rows) where Rows.Element == [String] {
            files["tables/\(name)"] = CSVText.table(header: header, rows: rows)
        }
        table("improvability.csv", ImprovabilityRecord.columns, records.lazy.map(\.fields))
        table("hypotheses.csv", HypothesisTest.columns, results.hypotheses.map(\.fields))
        table("operators.csv", OperatorRecord.columns, results.operators.map(\.fields))
        table("breakdowns.csv", Breakdown.columns, results.breakdowns.map(\.fields))
        table("deciles.csv", DecileSummary.columns, results.deciles.map(\.fields))
        table("metrics.csv", MetricSummary.columns, results.metrics.map(\.fields))
        table("landscape.csv", ["metric"] + LandscapeColumns.names, results.metrics.compactMap { metric in
            results.landscape[metric.id].map { [metric.id] + LandscapeColumns.fields(of: $0) }
        })
        for cellTable in cells { table(cellTable.fileName, CellTable.columns, cellTable.rows) }
        if results.shard != nil {
            files["shard-records.json"] = try Self.encode(ShardRecords(records: records, decileRecords: decileRecords))
        }
        return files
    }
}

/// The improvability rows a shard computed, whole, for `merge`.
public struct ShardRecords: Sendable, Codable {
    public var records: [ImprovabilityRecord]
    public var decileRecords: [ImprovabilityRecord]
}
