import Benchmark
import Landscape
import SearchSpace

/// Per-cell data of one metric for the figures (`tables/cells-<metric>.csv`): accuracy, edit distance
/// to the global maximum, and whether the cell is a strict local maximum. Rows in API order.
public struct CellTable: Sendable, Equatable {
    public let metricID: String
    public let slug: String
    public var rows: [CellRow]

    init(metric: Metric, benchmark: Benchmark, landscape: LandscapeAnalysis) {
        metricID = metric.id
        slug = metric.slug
        let best = Cell(code: landscape.globalMaximum)
        let maxima = Set(landscape.localMaxima)
        rows = benchmark.cells.indices.map { i in
            let cell = benchmark.cells[i]
            return CellRow(apiIndex: i, arch: ArchString.format(cell), accuracy: metric.values[i],
                           distanceToGlobalMax: cell.distance(to: best), localMaximum: maxima.contains(cell.code))
        }
    }

    public init(metricID: String, slug: String, rows: [CellRow]) {
        self.metricID = metricID
        self.slug = slug
        self.rows = rows
    }

    public var fileName: String { "cells-\(slug).csv" }

    public var accuracy: [Double] { rows.map(\.accuracy) }
    public var distanceToGlobalMaximum: [Int] { rows.map(\.distanceToGlobalMax) }
    public var isLocalMaximum: [Bool] { rows.map(\.localMaximum) }
}

/// One row of `tables/cells-<metric>.csv`.
public struct CellRow: Sendable, Equatable, Codable {
    public var apiIndex: Int
    public var arch: String
    public var accuracy: Double
    public var distanceToGlobalMax: Int
    public var localMaximum: Bool
}
