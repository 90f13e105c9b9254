import Benchmark
import Landscape
import SearchSpace

/// Per-cell data of one metric for the figures (`tables/cells-<metric>.csv`): accuracy, edit distance
/// to the global maximum, and whether the cell is a strict local maximum. Rows in API order.
public struct CellTable: Sendable, Equatable {
    public let metricID: String
    public let slug: String
    public var architectures: [String]
    public var accuracy: [Double]
    public var distanceToGlobalMaximum: [Int]
    public var isLocalMaximum: [Bool]

    public static let columns = ["apiIndex", "arch", "accuracy", "distanceToGlobalMax", "localMaximum"]

    init(metric: Metric, benchmark: Benchmark, landscape: LandscapeAnalysis) {
        metricID = metric.id
        slug = metric.slug
        let best = Cell(code: landscape.globalMaximum)
        let maxima = Set(landscape.localMaxima)
        architectures = benchmark.cells.map(ArchString.format)
        accuracy = metric.values
        distanceToGlobalMaximum = benchmark.cells.map { $0.distance(to: best) }
        isLocalMaximum = benchmark.cells.map { maxima.contains($0.code) }
    }

    public init(metricID: String, slug: String, architectures: [String], accuracy: [Double], distanceToGlobalMaximum: [Int], isLocalMaximum: [Bool]) {
        self.metricID = metricID
        self.slug = slug
        self.architectures = architectures
        self.accuracy = accuracy
        self.distanceToGlobalMaximum = distanceToGlobalMaximum
        self.isLocalMaximum = isLocalMaximum
    }

    public var rows: [[String]] {
        accuracy.indices.map { i in
            ["\(i)", architectures[i], CSVText.number(accuracy[i]), "\(distanceToGlobalMaximum[i])", isLocalMaximum[i] ? "1" : "0"]
        }
    }

    public var fileName: String { "cells-\(slug).csv" }
}
