// API agreed between the modules; the statistics issue (#5) fills in the bodies.

/// Kendall's tau-b with its p-values (scipy.stats.kendalltau's default method choices).
public struct KendallResult: Sendable, Equatable, Codable {
    /// tau-b; NaN when undefined (n < 2 or either input constant).
    public let tau: Double
    /// Two-sided p-value; NaN when tau is undefined.
    public let pValue: Double
    /// One-sided p-value for the alternative tau < 0.
    public let pLess: Double
    /// One-sided p-value for the alternative tau > 0.
    public let pGreater: Double
    public let n: Int
}

/// A correlation coefficient with its two-sided p-value.
public struct CorrelationResult: Sendable, Equatable, Codable {
    /// The coefficient; NaN when undefined.
    public let statistic: Double
    public let pValue: Double
    public let n: Int
}

public enum Correlation {
    /// Kendall's tau-b in O(n log n) (Knight's algorithm), ties handled.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> KendallResult {
        fatalError("Kendall tau-b arrives with issue #5")
    }

    /// Pearson's r with the two-sided p-value of scipy.stats.pearsonr.
    public static func pearson(_ x: [Double], _ y: [Double]) -> CorrelationResult {
        fatalError("Pearson arrives with issue #5")
    }

    /// Spearman's rho (average ranks for ties) with the two-sided p-value of scipy.stats.spearmanr.
    public static func spearman(_ x: [Double], _ y: [Double]) -> CorrelationResult {
        fatalError("Spearman arrives with issue #5")
    }
}
