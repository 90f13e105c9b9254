import Benchmark

/// Combines the partial outputs of `analyze --shard i/n` in the order a single run produces them.
public enum ShardMerge {
    /// - Parameter parts: (folder, partial output) pairs in any order.
    public static func merge(_ parts: [(folder: String, output: AnalysisOutput)]) throws(InputError) -> AnalysisOutput {
        guard let first = parts.first else { throw InputError(.invalid, file: "merge", message: "no shards given") }
        func fail(_ folder: String, _ message: String) -> InputError {
            InputError(.invalid, file: folder + "/results.json", message: message)
        }
        var bySlot: [Int: AnalysisOutput] = [:]
        var count: Int?
        for (folder, output) in parts {
            guard let shard = output.results.shard else { throw fail(folder, "not a shard result (it has no 'shard' field)") }
            if let count, count != shard.count { throw fail(folder, "is shard \(shard.index)/\(shard.count) but another shard says /\(count)") }
            count = shard.count
            guard bySlot[shard.index] == nil else { throw fail(folder, "shard \(shard.index)/\(shard.count) is given twice") }
            let reference = first.output.results
            guard output.results.provenance == reference.provenance else {
                throw fail(folder, "comes from another run than \(first.folder) (input, seed, version or time differ)")
            }
            guard output.results.configuration == reference.configuration else {
                throw fail(folder, "was made with another configuration than \(first.folder)")
            }
            bySlot[shard.index] = output
        }
        let total = count!
        let missing = (1...total).filter { bySlot[$0] == nil }
        guard missing.isEmpty else {
            throw InputError(.invalid, file: "merge", message: "shards \(missing.map { "\($0)/\(total)" }.joined(separator: ", ")) are missing")
        }
        let ordered = (1...total).map { bySlot[$0]! }
        // A single run is metric-major, then operator order; shards hold contiguous operator slices.
        let metrics = first.output.results.metrics.map(\.id)
        func interleave(_ rows: (AnalysisOutput) -> [ImprovabilityRecord]) -> [ImprovabilityRecord] {
            metrics.flatMap { metric in ordered.flatMap { rows($0).filter { $0.metric == metric } } }
        }
        var results = first.output.results
        results.shard = nil
        // Search algorithms and the subset null do not depend on the slice: shard 1 computed them for the whole run.
        results.searchAlgorithms = ordered[0].results.searchAlgorithms
        return AnalysisOutput(results: results, records: interleave(\.records), decileRecords: interleave(\.decileRecords),
                              cells: first.output.cells, nulls: ordered[0].nulls, experimentNulls: ordered[0].experimentNulls)
    }
}
