import Foundation

/// The results folder's content, as bytes by relative path: `results.json` and `tables/*.csv`.
public struct AnalysisOutput: Sendable {
    public var results: Results
    public var records: [ImprovabilityRecord]
    public var cells: [CellTable]

    public init(results: Results, records: [ImprovabilityRecord], cells: [CellTable]) {
        self.results = results
        self.records = records
        self.cells = cells
    }

    /// Canonical JSON: sorted keys, so equal results give equal bytes.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    public func files() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = ["results.json": try Self.encode(results)]
        func table(_ name: String, _ header: [String], _ rows: [[String]]) {
            files["tables/\(name)"] = Array(CSVText.table(header: header, rows: rows).utf8)
        }
        table("improvability.csv", ImprovabilityRecord.columns, records.map(\.fields))
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
            files["shard-records.json"] = try Self.encode(records)
        }
        return files
    }
}
