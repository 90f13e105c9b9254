import Benchmark
import Statistics

/// The distribution of one metric and H3's precondition on it.
public struct MetricSummary: Sendable, Equatable, Codable {
    public var id: String
    public var slug: String
    public var dataset: String
    public var split: String
    public var epochs: Int?
    public var column: String
    public var count: Int
    public var min: Double
    public var mean: Double
    public var median: Double
    public var max: Double
    public var standardDeviation: Double
    /// Biased sample skewness (scipy.stats.skew's default).
    public var skewness: Double
    /// Type-7 percentiles.
    public var q10: Double
    public var q90: Double
    public var shareAboveMean: Double
    /// H3 assumes "many accurate architectures". The seed calls that "skewed right"; in the usual
    /// convention a pile-up of high accuracies with a long tail of poor cells is *negative* skewness.
    /// The precondition holds when the skewness is negative and most cells lie above the mean.
    public var h3PreconditionHolds: Bool

    public init(_ metric: Metric) {
        let summary = Summary(metric.values)
        id = metric.id
        slug = metric.slug
        dataset = metric.dataset
        split = metric.split
        epochs = metric.epochs
        column = metric.column
        count = summary.count
        min = summary.min
        mean = summary.mean
        median = summary.median
        max = summary.max
        standardDeviation = summary.standardDeviation
        skewness = summary.skewness
        q10 = summary.q10
        q90 = summary.q90
        shareAboveMean = summary.shareAboveMean
        h3PreconditionHolds = summary.skewness < 0 && summary.shareAboveMean > 0.5
    }
}

