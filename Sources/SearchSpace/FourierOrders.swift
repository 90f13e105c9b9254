/// The decomposition of a function on Z_5^6 (indexed by cell code) into its seven Fourier orders.
///
/// `components[j]` is the projection of f onto the characters with exactly `j` non-zero frequencies,
/// so f = Σ_j components[j] and the components are orthogonal. Per axis, order 0 is the average over
/// that edge's five operations and the rest is the deviation from it; the j-th order collects the terms
/// that deviate on exactly j axes. Every isotropic kernel (one whose transition probability depends only
/// on the edit distance) acts on component j as multiplication by one eigenvalue.
public struct FourierOrders: Sendable {
    public static let orderCount = Cell.edgeCount + 1
    public let components: [[Double]]

    public init(_ values: [Double]) {
        precondition(values.count == Cell.count, "a fitness vector has one value per cell")
        var orders = [[Double]](repeating: [Double](repeating: 0, count: Cell.count), count: FourierOrders.orderCount)
        orders[0] = values
        var scratch = [Double](repeating: 0, count: Cell.count)
        for axis in 0..<Cell.edgeCount {
            let axisStride = Cell.strides[axis]
            // Descending j so that order j−1 is still the previous axis' value when order j reads it.
            for j in stride(from: axis + 1, through: 0, by: -1) {
                for x in 0..<Cell.count { scratch[x] = 0 }
                FourierOrders.accumulate(into: &scratch, mean: orders[j], deviation: j > 0 ? orders[j - 1] : nil, stride: axisStride)
                swap(&orders[j], &scratch)
            }
        }
        components = orders
    }

    /// scratch = P0(mean) + P1(deviation) along one axis, where P0 averages the five values of the axis.
    private static func accumulate(into out: inout [Double], mean: [Double], deviation: [Double]?, stride: Int) {
        let block = stride * 5
        for base in Swift.stride(from: 0, to: Cell.count, by: block) {
            for offset in 0..<stride {
                let first = base + offset
                var meanSum = 0.0, deviationSum = 0.0
                for digit in 0..<5 {
                    meanSum += mean[first + digit * stride]
                    if let deviation { deviationSum += deviation[first + digit * stride] }
                }
                let meanAverage = meanSum / 5, deviationAverage = deviationSum / 5
                for digit in 0..<5 {
                    let x = first + digit * stride
                    out[x] = meanAverage + (deviation.map { $0[x] - deviationAverage } ?? 0)
                }
            }
        }
    }

    /// E_j = mean over cells of components[j]², so Σ_j E_j = mean(f²) and Σ_{j≥1} E_j = Var(f).
    public var energies: [Double] {
        components.map { component in component.reduce(0) { $0 + $1 * $1 } / Double(Cell.count) }
    }

    /// Σ_j weights[j] · components[j][x] for every x: the action of an isotropic kernel with eigenvalues `weights`.
    public func combine(weights: [Double]) -> [Double] {
        precondition(weights.count == FourierOrders.orderCount)
        var result = [Double](repeating: 0, count: Cell.count)
        for (j, component) in components.enumerated() where weights[j] != 0 {
            let w = weights[j]
            for x in 0..<Cell.count { result[x] += w * component[x] }
        }
        return result
    }
}
