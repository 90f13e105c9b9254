import Foundation
import Statistics

/// How far Monte Carlo noise attenuates a test's tau (science.md, "Monte Carlo where nothing exact applies").
///
/// Reliability is estimated from the calibrated standard errors: R = 1 − mean(SE²) / var(estimates) over
/// the operators of the test (exact values count with SE 0), clipped to [0, 1]. The disattenuated tau
/// corrects Kendall's tau through Greiner's relation ρ = sin(πτ/2), which holds for bivariate normal
/// values: ρ/√R, clipped to [−1, 1], and back to τ = (2/π)·asin(ρ). For small tau this is τ/√R; for the
/// large taus of the report it is the correction that recovers the noiseless tau (τ/√R alone undercorrects
/// by about 0.05 at τ = −0.6 and R = 0.5).
enum Reliability {
    /// R of values with standard errors (nil entries: exact), or nil when no value is Monte Carlo or
    /// the values do not vary.
    static func of(_ values: [Double], standardErrors: [Double?]) -> Double? {
        guard values.count >= 3, standardErrors.contains(where: { $0 != nil }) else { return nil }
        let spread = Descriptive.standardDeviation(values)
        guard spread > 0 else { return nil }
        let noise = standardErrors.reduce(0.0) { $0 + ($1 ?? 0) * ($1 ?? 0) } / Double(standardErrors.count)
        return min(1, max(0, 1 - noise / (spread * spread)))
    }

    /// tau corrected for reliability R; nil when R is 0 (the values are all noise).
    static func disattenuated(tau: Double, reliability: Double) -> Double? {
        guard reliability > 0 else { return nil }
        let rho = min(1, max(-1, sin(Double.pi * tau / 2) / reliability.squareRoot()))
        return 2 / Double.pi * asin(rho)
    }
}
