import Support
import SearchSpace

/// A benchmark table: the 15,625 cells in NATS-Bench API order and one or more accuracy metrics.
public struct Benchmark: Sendable {
    /// Where the data came from, for provenance.
    public let source: SourceDescription
    /// `cells[i]` is the cell at API index i.
    public let cells: [Cell]
    public let metrics: [Metric]
    /// Isomorphism-class key per API index (the lab's `UniqueString` column), when the input has one.
    public let isomorphismClasses: [String]?

    public init(source: SourceDescription, cells: [Cell], metrics: [Metric], isomorphismClasses: [String]? = nil) {
        precondition(cells.count == Cell.count && metrics.allSatisfy { $0.values.count == Cell.count })
        self.source = source
        self.cells = cells
        self.metrics = metrics
        self.isomorphismClasses = isomorphismClasses
    }

    /// API index of every cell, by cell code.
    public var apiIndexByCode: [Int32] {
        var index = [Int32](repeating: 0, count: Cell.count)
        for (api, cell) in cells.enumerated() { index[cell.code] = Int32(api) }
        return index
    }

    /// A metric's accuracies laid out by cell code.
    public func fitness(_ metric: Metric) -> FitnessFunction {
        var values = [Double](repeating: 0, count: Cell.count)
        for (api, cell) in cells.enumerated() { values[cell.code] = metric.values[api] }
        return FitnessFunction(values: values, apiIndex: apiIndexByCode)
    }

    /// Isomorphism classes laid out by cell code, when known.
    public var isomorphismClassesByCode: [String]? {
        isomorphismClasses.map { classes in
            var byCode = [String](repeating: "", count: Cell.count)
            for (api, cell) in cells.enumerated() { byCode[cell.code] = classes[api] }
            return byCode
        }
    }
}

/// Where a benchmark came from.
public struct SourceDescription: Sendable, Equatable {
    public enum Kind: String, Sendable { case csv, natsArchive = "nats-archive", synthetic }
    public let kind: Kind
    /// The path as the user gave it, or `synthetic`.
    public let input: String
    /// SHA-256 of the input bytes (for an archive: of its files' digests in order; for synthetic: of the model's description).
    public let sha256: String
    /// How accuracies were read from text (CSV only; other sources hold binary doubles).
    public let floatParsing: FloatParsing
}

/// One (dataset, split) pair's accuracies, in percent, in API order.
public struct Metric: Sendable, Equatable {
    public let dataset: String
    public let split: String
    /// Training schedule in epochs (NATS-Bench has 12 and 200); nil when the source does not say.
    public let epochs: Int?
    /// The source column (or archive key) the values came from.
    public let column: String
    public let values: [Double]

    /// `dataset/split`, with `@epochs` for any schedule other than the default 200.
    public var id: String {
        let base = "\(dataset)/\(split)"
        guard let epochs, epochs != 200 else { return base }
        return "\(base)@\(epochs)"
    }

    /// A file-name-safe form of `id`.
    public var slug: String { Slug.make(id, fallback: "metric") }
}
