import SearchSpace

/// The exact engine for isotropic operators with `always` acceptance.
///
/// With f = Σ_j f_j (Fourier orders) and λ_j the operator's eigenvalues, E[f(X_L) | X_0 = x] = Σ_j λ_j^L f_j(x),
/// so the improvability (E[f(X_L) | x] − f(x))/L = Σ_{j≥1} w_j f_j(x) with w_j = (λ_j^L − 1)/L.
public struct SpectralEngine: Sendable {
    public let orders: FourierOrders

    public init(fitness: FitnessFunction) {
        orders = FourierOrders(fitness.values)
    }

    /// w_j = (λ_j^L − 1)/L for j = 0…6 (w_0 = 0 since λ_0 = 1).
    public static func improvabilityWeights(eigenvalues: [Double], pathLength: Int) -> [Double] {
        eigenvalues.enumerated().map { j, lambda in j == 0 ? 0 : (integerPower(lambda, pathLength) - 1) / Double(pathLength) }
    }

    /// The improvability of every start cell, indexed by code.
    public func improvability(eigenvalues: [Double], pathLength: Int) -> [Double] {
        let weights = SpectralEngine.improvabilityWeights(eigenvalues: eigenvalues, pathLength: pathLength)
        var result = [Double](repeating: 0, count: Cell.count)
        result.withUnsafeMutableBufferPointer { out in
            for j in 1..<FourierOrders.orderCount where weights[j] != 0 {
                let w = weights[j]
                orders.components[j].withUnsafeBufferPointer { component in
                    for x in 0..<Cell.count { out[x] += w * component[x] }
                }
            }
        }
        return result
    }

    /// The mean of each Fourier order over a group: with it a group's mean improvability for any operator
    /// and L costs seven multiply-adds (`groupMean`).
    public func orderMeans(over members: [Int]) -> [Double] {
        orders.components.map { component in members.reduce(0.0) { $0 + component[$1] } / Double(members.count) }
    }

    /// Σ_j w_j · orderMeans[j]: a group's mean improvability.
    @inlinable
    public static func groupMean(weights: [Double], orderMeans: [Double]) -> Double {
        var sum = 0.0
        for j in 1..<FourierOrders.orderCount { sum += weights[j] * orderMeans[j] }
        return sum
    }
}
