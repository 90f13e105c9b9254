import Benchmark
import Foundation

/// Reads a results folder written by `analyze` back into memory, for `render` and `merge`.
public enum ResultsFolder {
    public static func load(_ directory: String) throws(InputError) -> AnalysisOutput {
        let resultsPath = directory + "/results.json"
        let results: Results
        do {
            results = try JSONDecoder().decode(Results.self, from: Data(try FileBytes.read(resultsPath)))
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.invalid, file: resultsPath, message: "not a nasreach results file (\(Self.describe(error)))",
                             hint: "run 'nasreach analyze --results \(directory)' first")
        }
        guard results.schema == Results.schemaID else {
            throw InputError(.invalid, file: resultsPath, message: "schema '\(results.schema)' is not \(Results.schemaID)")
        }
        let records: [ImprovabilityRecord]
        var decileRecords: [ImprovabilityRecord] = []
        if results.shard != nil {
            let path = directory + "/shard-records.json"
            do {
                let shardRecords = try JSONDecoder().decode(ShardRecords.self, from: Data(try FileBytes.read(path)))
                records = shardRecords.records
                decileRecords = shardRecords.decileRecords
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError(.invalid, file: path, message: "unreadable shard records (\(Self.describe(error)))")
            }
        } else {
            records = try improvability(at: directory + "/tables/improvability.csv")
        }
        var cells: [CellTable] = []
        for metric in results.metrics {
            let path = "\(directory)/tables/cells-\(metric.slug).csv"
            let table = try CSVTable.parse(bytes: try FileBytes.read(path), file: path)
            guard let arch = table.column("arch"), let accuracy = table.column("accuracy"),
                  let distance = table.column("distanceToGlobalMax"), let local = table.column("localMaximum") else {
                throw InputError(.invalid, file: path, line: 1, message: "missing columns: expected \(CellTable.columns.joined(separator: ","))")
            }
            cells.append(CellTable(metricID: metric.id, slug: metric.slug, architectures: arch,
                                   accuracy: accuracy.map { Double($0) ?? .nan }, distanceToGlobalMaximum: distance.map { Int($0) ?? -1 },
                                   isLocalMaximum: local.map { $0 == "1" }))
        }
        return AnalysisOutput(results: results, records: records, decileRecords: decileRecords, cells: cells)
    }

    static func improvability(at path: String) throws(InputError) -> [ImprovabilityRecord] {
        let table = try CSVTable.parse(bytes: try FileBytes.read(path), file: path)
        let index = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        for column in ImprovabilityRecord.columns where index[column] == nil {
            throw InputError(.invalid, file: path, line: 1, message: "missing column '\(column)'")
        }
        return table.rows.map { row in
            func text(_ name: String) -> String { row[index[name]!] }
            func number(_ name: String) -> Double? { Double(text(name)) }
            func integer(_ name: String) -> Int? { Int(text(name)) }
            let label = text("thresholdLabel")
            return ImprovabilityRecord(
                metric: text("metric"), operator: text("operator"), family: text("family"), acceptance: text("acceptance"),
                experiment: text("experiment"), pathLength: integer("pathLength"), threshold: number("threshold"),
                thresholdLabel: label.isEmpty ? nil : label, group: text("group"), reach: number("reach") ?? .nan,
                effectiveReach: number("effectiveReach"), meanImprovability: number("meanImprovability"),
                medianImprovability: number("medianImprovability"), fractionImproved: number("fractionImproved"),
                meanHittingTime: number("meanHittingTime"), censoredFraction: number("censoredFraction"),
                starts: integer("starts"), standardError: number("standardError"), method: text("method"))
        }
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.keyNotFound(let key, let context) = error {
            return "missing field '\((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))'"
        }
        if case DecodingError.typeMismatch(_, let context) = error {
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        }
        return "\(error)"
    }
}
