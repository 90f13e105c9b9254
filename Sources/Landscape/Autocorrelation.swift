import Foundation
import SearchSpace

/// Random-walk autocorrelation of a fitness function, exact from its Fourier order energies.
///
/// The simple random walk (uniform move to one of the 24 neighbours) is an isotropic kernel with
/// eigenvalue λ_j = 1 − 5j/24 on Fourier order j, so its lag-k autocorrelation from the stationary
/// (uniform) start is ρ(k) = Σ_{j≥1} λ_j^k E_j / Σ_{j≥1} E_j.
public struct Autocorrelation: Sendable, Equatable {
    /// E_j for j = 0…6 (`FourierOrders.energies`); Σ_{j≥1} E_j is the variance of f.
    public let energies: [Double]
    /// E_j / Var(f) for j = 0…6; entry 0 is 0 because order 0 is the mean. Nil for a constant landscape.
    public let varianceShares: [Double]?
    /// ρ(k) for k = 1…lags; nil for a constant landscape, whose autocorrelation is undefined.
    public let exact: [Double]?
    /// ℓ = −1/ln ρ(1); nil when ρ(1) ≤ 0 or undefined.
    public let correlationLength: Double?

    public init(fitness: FitnessFunction, lags: Int) {
        energies = FourierOrders(fitness.values).energies
        let values = fitness.values
        guard values.contains(where: { $0 != values[0] }) else {
            varianceShares = nil
            exact = nil
            correlationLength = nil
            return
        }
        let energies = energies
        let variance = energies.dropFirst().reduce(0, +)
        varianceShares = energies.indices.map { $0 == 0 ? 0 : energies[$0] / variance }
        let walkEigenvalues = (0..<FourierOrders.orderCount).map { Combinatorics.sphereEigenvalue(distance: 1, order: $0) }
        let rho = (1...lags).map { k in
            (1..<FourierOrders.orderCount).reduce(0.0) { sum, j in sum + pow(walkEigenvalues[j], Double(k)) * energies[j] } / variance
        }
        exact = rho
        correlationLength = rho[0] > 0 ? -1 / log(rho[0]) : nil
    }
}
