import SearchSpace

/// The exact engine for `op-kernel` with `always` acceptance: the chain moves every edge independently
/// with the per-edge kernel K = (1 − p)·I + p·M, so E[f(X_L) | x] applies K^L along each of the six axes.
public struct ProductKernelEngine: Sendable {
    /// K, row-major 5×5.
    public let kernel: [Double]

    public init(kernel: [Double]) {
        precondition(kernel.count == 25)
        self.kernel = kernel
    }

    /// K^power, row-major.
    public func kernelPower(_ power: Int) -> [Double] {
        var result = (0..<25).map { $0 / 5 == $0 % 5 ? 1.0 : 0.0 }
        for _ in 0..<power { result = ProductKernelEngine.multiply(result, kernel) }
        return result
    }

    static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
        (0..<25).map { index in
            let (row, column) = (index / 5, index % 5)
            return (0..<5).reduce(0.0) { $0 + a[row * 5 + $1] * b[$1 * 5 + column] }
        }
    }

    /// E[g(X_steps) | X_0 = x] for every x: the 5×5 matrix K^steps applied along each axis of g.
    public func propagate(_ g: [Double], steps: Int) -> [Double] {
        let matrix = kernelPower(steps)
        var current = g, next = g
        for axis in 0..<Cell.edgeCount {
            let axisStride = Cell.strides[axis]
            current.withUnsafeBufferPointer { input in
                next.withUnsafeMutableBufferPointer { output in
                    for base in stride(from: 0, to: Cell.count, by: axisStride * 5) {
                        for offset in 0..<axisStride {
                            let first = base + offset
                            for a in 0..<5 {
                                var sum = 0.0
                                for b in 0..<5 { sum += matrix[a * 5 + b] * input[first + b * axisStride] }
                                output[first + a * axisStride] = sum
                            }
                        }
                    }
                }
            }
            swap(&current, &next)
        }
        return current
    }

    /// How many members carry each operation on each edge (`counts[5·edge + op]`): all `effectiveReach` needs of a group.
    public static func operationCounts(of members: [Int]) -> [Double] {
        var counts = [Double](repeating: 0, count: Cell.edgeCount * 5)
        for x in members {
            for edge in 0..<Cell.edgeCount { counts[edge * 5 + (x / Cell.strides[edge]) % 5] += 1 }
        }
        return counts
    }

    /// The expected number of edges that change per step over the first `pathLength` steps, averaged over
    /// starts drawn uniformly from a group with these `operationCounts`: each edge follows the chain K on its own.
    public func effectiveReach(operationCounts counts: [Double], pathLength: Int) -> Double {
        let members = (0..<5).reduce(0.0) { $0 + counts[$1] }
        var power = kernelPower(0), total = 0.0
        for _ in 0..<pathLength {
            for edge in 0..<Cell.edgeCount {
                for a in 0..<5 where counts[edge * 5 + a] > 0 {
                    for b in 0..<5 { total += counts[edge * 5 + a] * power[a * 5 + b] * (1 - kernel[b * 5 + b]) }
                }
            }
            power = ProductKernelEngine.multiply(power, kernel)
        }
        return total / (members * Double(pathLength))
    }
}
