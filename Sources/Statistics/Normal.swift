/// The standard normal distribution, accurate in the far tails.
public enum Normal {
    /// P(Z ≤ z). Goes through erfc for |z| ≥ 1 (as scipy's `ndtr` does) so that lower-tail
    /// probabilities keep full relative precision down to the underflow threshold (~1e-308).
    public static func cdf(_ z: Double) -> Double {
        let x = z * 0.5.squareRoot()
        if abs(x) < 0.5.squareRoot() { return 0.5 + 0.5 * _erf(x) }
        let tail = 0.5 * _erfc(abs(x))
        return x > 0 ? 1 - tail : tail
    }

    /// P(Z > z), with the same far-tail precision as `cdf`.
    public static func sf(_ z: Double) -> Double { cdf(-z) }
}
