import Benchmark
import Foundation
import Search
import Support

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
        var nulls: [String: PermutationNull] = [:]
        var experimentNulls: [String: ExperimentNull] = [:]
        if results.shard != nil {
            let path = directory + "/shard-records.json"
            do {
                let shardRecords = try JSONDecoder().decode(ShardRecords.self, from: Data(try FileBytes.read(path)))
                records = shardRecords.records
                decileRecords = shardRecords.decileRecords
                for entry in shardRecords.nulls ?? [] {
                    nulls[entry.metric] = entry.null
                    experimentNulls[entry.metric] = entry.experiments
                }
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError(.invalid, file: path, message: "unreadable shard records (\(Self.describe(error)))")
            }
        } else {
            records = try table(ImprovabilityRecord.self, at: directory + "/tables/improvability.csv")
        }
        let cells = try results.metrics.map { metric throws(InputError) in
            CellTable(metricID: metric.id, slug: metric.slug, rows: try table(CellRow.self, at: "\(directory)/tables/cells-\(metric.slug).csv"))
        }
        return AnalysisOutput(results: results, records: records, decileRecords: decileRecords, cells: cells, nulls: nulls, experimentNulls: experimentNulls)
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
