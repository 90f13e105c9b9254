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
    public var h3Precondition: H3Precondition

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
        h3Precondition = H3Precondition(skewness: summary.skewness, shareAboveMean: summary.shareAboveMean)
    }
}

/// H3 assumes "many accurate architectures". The seed calls that "skewed right"; in the usual
/// convention a pile-up of high accuracies with a long tail of poor cells is *negative* skewness.
/// The precondition holds when the skewness is negative and most cells lie above the mean.
public struct H3Precondition: Sendable, Equatable, Codable {
    public var holds: Bool
    public var negativeSkewness: Bool
    public var majorityAboveMean: Bool
    public var sentence: String

    public init(skewness: Double, shareAboveMean: Double) {
        negativeSkewness = skewness < 0
        majorityAboveMean = shareAboveMean > 0.5
        holds = negativeSkewness && majorityAboveMean
        let skew = NumberText.fixed(skewness, digits: 2)
        let share = NumberText.fixed(100 * shareAboveMean, digits: 1)
        let shape = negativeSkewness
            ? "The skewness is \(skew): a long tail of poor cells below a pile-up of accurate ones (negative skewness in the usual convention, what the seed calls \"skewed right\")"
            : "The skewness is \(skew): the accuracies are not piled up at the high end (not negatively skewed, so not \"skewed right\" in the seed's sense)"
        sentence = shape + "; \(share)% of cells lie above the mean, so the precondition \"many accurate architectures\" "
            + (holds ? "holds." : "does not hold.")
    }
}

/// Plain number formatting for sentences (locale-independent).
enum NumberText {
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "undefined" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(abs(rounded))"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            text += String(repeating: "0", count: Swift.max(0, digits - decimals))
            if decimals > digits { text = String(text.prefix(text.distance(from: text.startIndex, to: dot) + 1 + digits)) }
        } else if digits > 0 {
            text += "." + String(repeating: "0", count: digits)
        }
        return (rounded < 0 ? "−" : "") + text
    }
}

extension MetricSummary {
    public static let columns = ["id", "dataset", "split", "epochs", "column", "count", "min", "mean", "median", "max",
                                 "standardDeviation", "skewness", "q10", "q90", "shareAboveMean", "h3PreconditionHolds"]

    public var fields: [String] {
        [id, dataset, split, CSVText.number(epochs), column, "\(count)", CSVText.number(min), CSVText.number(mean),
         CSVText.number(median), CSVText.number(max), CSVText.number(standardDeviation), CSVText.number(skewness),
         CSVText.number(q10), CSVText.number(q90), CSVText.number(shareAboveMean), "\(h3Precondition.holds)"]
    }
}
