/// Special functions behind the p-values of Pearson's r and Spearman's rho.
public enum SpecialFunctions {
    /// The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1.
    public static func incompleteBeta(_ a: Double, _ b: Double, x: Double) -> Double {
        incompleteBeta(a, b, x: x, complement: 1 - x)
    }

    /// I_x(a, b) where the caller also supplies `complement` = 1 − x. Tail probabilities are
    /// evaluated where x is close to 1, and 1 − x must not be recomputed there: it would lose
    /// every significant digit that the caller still has.
    static func incompleteBeta(_ a: Double, _ b: Double, x: Double, complement y: Double) -> Double {
        guard a > 0, b > 0, x >= 0, y >= 0, !x.isNaN, !y.isNaN else { return .nan }
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        // The continued fraction converges quickly only below the mean (a+1)/(a+b+2);
        // above it, use I_x(a, b) = 1 − I_{1−x}(b, a).
        if x > (a + 1) / (a + b + 2) {
            return 1 - incompleteBeta(b, a, x: y, complement: x)
        }
        let logFront = a * _log(x) + b * _log(y) - logBeta(a, b)
        return _exp(logFront) * continuedFraction(a, b, x) / a
    }

    /// ln B(a, b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        _lgamma(a) + _lgamma(b) - _lgamma(a + b)
    }

    /// The continued fraction of I_x(a, b) (DLMF 8.17.22), evaluated with the modified Lentz method.
    private static func continuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-15
        func guarded(_ v: Double) -> Double { abs(v) < tiny ? tiny : v }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var h = d
        for step in 1...100_000 {
            let m = Double(step)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
