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

    /// The result for degenerate input: tau and every p-value NaN.
    public static func undefined(n: Int) -> KendallResult {
        KendallResult(tau: .nan, pValue: .nan, pLess: .nan, pGreater: .nan, n: n)
    }
}

/// A correlation coefficient with its two-sided p-value.
public struct CorrelationResult: Sendable, Equatable, Codable {
    /// The coefficient; NaN when undefined.
    public let statistic: Double
    public let pValue: Double
    public let n: Int
}

/// Correlation tests agreeing with scipy.stats. Inputs must have equal lengths; an input holding NaN
/// gives an undefined (NaN) result, as scipy's default nan_policy='propagate' does.
public enum Correlation {
    /// Kendall's tau-b in O(n log n) (a Fenwick tree over the y ranks in x order), ties handled.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> KendallResult {
        precondition(x.count == y.count, "Kendall's tau needs paired samples")
        guard !containsNaN(x, y) else { return .undefined(n: x.count) }
        let sample = KendallSample(x, y)
        var counter = KendallCounter()
        let counts = counter.count(xRank: sample.xRank, yRank: sample.yRank,
                                   weight: Array(repeating: 1, count: sample.count), yDistinct: sample.yDistinct)
        return counts.result
    }

    /// Pearson's r with the two-sided p-value of scipy.stats.pearsonr.
    public static func pearson(_ x: [Double], _ y: [Double]) -> CorrelationResult {
        precondition(x.count == y.count, "Pearson's r needs paired samples")
        let n = x.count
        let r = pearsonCoefficient(x, y)
        guard !r.isNaN else { return CorrelationResult(statistic: .nan, pValue: .nan, n: n) }
        if n == 2 { return CorrelationResult(statistic: r.rounded(), pValue: 1, n: n) }
        // Under the null, r is beta(n/2 − 1, n/2 − 1) on (−1, 1); scipy evaluates the survival function
        // at (|r| + 1)/2, whose complement is exact in floating point.
        let a = Double(n) / 2 - 1
        let upper = (abs(r) + 1) / 2
        let p = 2 * SpecialFunctions.incompleteBeta(a, a, x: 1 - upper, complement: upper)
        return CorrelationResult(statistic: r, pValue: p, n: n)
    }

    /// Spearman's rho (average ranks for ties) with the two-sided p-value of scipy.stats.spearmanr.
    public static func spearman(_ x: [Double], _ y: [Double]) -> CorrelationResult {
        precondition(x.count == y.count, "Spearman's rho needs paired samples")
        let n = x.count
        guard !containsNaN(x, y) else { return CorrelationResult(statistic: .nan, pValue: .nan, n: n) }
        guard n >= 2, !isConstant(x), !isConstant(y) else {
            return CorrelationResult(statistic: .nan, pValue: .nan, n: n)
        }
        let rho = rankCorrelation(Ranking.averageRanks(x), Ranking.averageRanks(y))
        // Student's t with n − 2 degrees of freedom, as scipy: t² / (dof + t²) is the tail argument.
        // With n = 2 there are no degrees of freedom: scipy's p-value is NaN.
        guard n > 2 else { return CorrelationResult(statistic: rho, pValue: .nan, n: n) }
        let dof = Double(n - 2)
        let t = rho * max(0, dof / ((rho + 1) * (1 - rho))).squareRoot()
        let p: Double
        if t.isInfinite {
            p = 0
        } else {
            let t2 = t * t
            p = SpecialFunctions.incompleteBeta(dof / 2, 0.5, x: dof / (dof + t2), complement: t2 / (dof + t2))
        }
        return CorrelationResult(statistic: rho, pValue: p, n: n)
    }

    /// Pearson's r, NaN for n < 2, NaN input or a constant input. Deviations are scaled by their
    /// largest magnitude before the norms, as scipy does, so huge values cannot overflow.
    static func pearsonCoefficient(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count >= 2, !containsNaN(x, y), !isConstant(x), !isConstant(y) else { return .nan }
        let xd = deviationsOverNorm(x)
        let yd = deviationsOverNorm(y)
        var r = 0.0
        for index in xd.indices { r += xd[index] * yd[index] }
        return min(1, max(-1, r))
    }

    /// Pearson's r of two rank vectors. Ranks are multiples of 1/2 with mean (n + 1)/2, so every
    /// deviation and (for n up to ~10^5) every sum below is exact: a perfectly monotone sample gets
    /// rho = ±1 exactly, and with it the p-value 0, instead of a p-value made of rounding noise.
    private static func rankCorrelation(_ xRanks: [Double], _ yRanks: [Double]) -> Double {
        let center = Double(xRanks.count + 1) / 2
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for index in xRanks.indices {
            let dx = xRanks[index] - center
            let dy = yRanks[index] - center
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        let denominator = sxx == syy ? sxx : sxx.squareRoot() * syy.squareRoot()
        return min(1, max(-1, sxy / denominator))
    }

    /// (v − mean) / ‖v − mean‖.
    private static func deviationsOverNorm(_ values: [Double]) -> [Double] {
        let mean = Descriptive.mean(values)
        let deviations = values.map { $0 - mean }
        let largest = deviations.reduce(0) { max($0, abs($1)) }
        let norm = largest * deviations.reduce(0) { $0 + ($1 / largest) * ($1 / largest) }.squareRoot()
        return deviations.map { $0 / norm }
    }

    private static func isConstant(_ values: [Double]) -> Bool {
        values.allSatisfy { $0 == values[0] }
    }

    static func containsNaN(_ x: [Double], _ y: [Double]) -> Bool {
        x.contains { $0.isNaN } || y.contains { $0.isNaN }
    }
}
