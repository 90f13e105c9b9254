/// The p-values of scipy.stats.kendalltau with method='auto'.
extension KendallCounts {
    /// scipy's choice: the exact permutation distribution when neither input has ties and either
    /// n ≤ 33 or at most one pair is discordant (or concordant); the normal approximation with the
    /// tie-corrected variance otherwise.
    var result: KendallResult {
        guard isDefined else { return .undefined(n: n) }
        let exact = xTies == 0 && yTies == 0 && (n <= 33 || min(discordant, totalPairs - discordant) <= 1)
        let p = exact ? exactPValues() : asymptoticPValues()
        return KendallResult(tau: tauB, pValue: p.twoSided, pLess: p.less, pGreater: p.greater, n: n)
    }

    /// Normal approximation of concordant − discordant (Kendall 1970, Noether 1967).
    private func asymptoticPValues() -> (twoSided: Double, less: Double, greater: Double) {
        let size = Double(n)
        let m = size * (size - 1)
        let variance = (m * (2 * size + 5) - xTieVariance - yTieVariance) / 18
            + (2 * Double(xTies) * Double(yTies)) / m
            + xTieCubic * yTieCubic / (9 * m * (size - 2))
        let z = Double(concordantMinusDiscordant) / variance.squareRoot()
        return (2 * Normal.sf(abs(z)), Normal.cdf(z), Normal.sf(z))
    }

    /// The exact null distribution of the concordant count c (no ties), scipy's `_kendall_p_exact`:
    /// it is symmetric, so the lower tail up to min(c, tot − c) gives all three p-values.
    private func exactPValues() -> (twoSided: Double, less: Double, greater: Double) {
        let concordant = totalPairs - discordant
        let inRightTail = concordant >= totalPairs - concordant
        let c = min(concordant, totalPairs - concordant)
        // prob = twice the lower tail P(C ≤ c); mass = P(C = c). n! overflows to +inf beyond 170,
        // which turns both into 0 exactly where scipy returns 0.
        let prob: Double
        let mass: Double
        if n == 2 {
            (prob, mass) = (1, 0.5)
        } else if c == 0 {
            prob = 2 / factorial(n)
            mass = prob / 2
        } else if c == 1 {
            prob = 2 / factorial(n - 1)
            mass = Double(n - 1) / factorial(n)
        } else {
            let lower = mahonianLowerTail(n: n, upTo: c)
            prob = 2 * lower.cumulative / factorial(n)
            mass = lower.last / factorial(n)
        }
        let agreeing = prob / 2
        let opposing = 1 - prob / 2 + mass
        func clipped(_ p: Double) -> Double { min(1, max(0, p)) }
        return (clipped(prob),
                clipped(inRightTail ? opposing : agreeing),
                clipped(inRightTail ? agreeing : opposing))
    }

    /// Σ_{k ≤ c} M(n, k) and M(n, c), with M(n, k) the number of permutations of n items with k
    /// inversions, by scipy's recurrence (same order of floating-point operations).
    private func mahonianLowerTail(n: Int, upTo c: Int) -> (cumulative: Double, last: Double) {
        var counts = [Double](repeating: 0, count: c + 1)
        counts[0] = 1
        counts[1] = 1
        for j in 3...n {  // n ≥ 4 here: c ≥ 2 needs at least 4 pairs
            for k in 1...c { counts[k] += counts[k - 1] }
            if j <= c {
                for k in stride(from: c, through: j, by: -1) { counts[k] -= counts[k - j] }
            }
        }
        return (counts.reduce(0, +), counts[c])
    }

    private func factorial(_ k: Int) -> Double {
        (1...max(1, k)).reduce(1.0) { $0 * Double($1) }
    }
}
