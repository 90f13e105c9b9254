import SearchSpace

/// The fast application v ↦ P v, (P v)(x) = Σ_y P(x, y) v(y) = E[v(X_1) | X_0 = x], of an operator with
/// `always` acceptance, for the Krylov solvers.
///
/// Product kernels (`op-kernel`, and the isotropic operators that are products: `per-edge`, `uniform`,
/// `k-edit(6)`): the 5×5 per-edge kernel along each of the six axes. Other isotropic operators:
/// P = Σ_j λ_j E_j with E_j the projector on Fourier order j, so the input is split into its seven orders
/// (axis by axis) and recombined with the eigenvalues. Inner loops run along contiguous memory so they vectorise.
struct TransitionOperator {
    enum Action {
        case isotropic(eigenvalues: [Double])
        case product(kernel: [Double])
    }

    let action: Action
    /// Order components (isotropic, 6·N: order 6 is never stored) or the ping-pong buffer (product, N).
    private var scratch: [Double]

    init(_ op: SearchOperator) {
        if let kernel = TransitionOperator.perEdgeKernel(op) {
            action = .product(kernel: kernel)
            scratch = [Double](repeating: 0, count: Cell.count)
        } else {
            action = .isotropic(eigenvalues: op.eigenvalues!)
            scratch = [Double](repeating: 0, count: Cell.edgeCount * Cell.count)
        }
    }

    /// The 5×5 per-edge kernel when P is a product over the edges: (1 − p)·I + p·M for `op-kernel`,
    /// (1 − p)·I + p·(J − I)/4 for `per-edge(p)`, J/5 for `uniform`, (J − I)/4 for `k-edit(6)`.
    static func perEdgeKernel(_ op: SearchOperator) -> [Double]? {
        func moving(_ p: Double) -> [Double] { (0..<25).map { $0 / 5 == $0 % 5 ? 1 - p : p / 4 } }
        switch op.kind {
        case .opKernel: return op.perEdgeKernel
        case .perEdge(let p): return moving(p)
        case .kEdit(let k) where k == Cell.edgeCount: return moving(1)
        case .uniform: return [Double](repeating: 0.2, count: 25)
        default: return nil
        }
    }

    /// output = P · input (both of length N, not overlapping).
    mutating func apply(_ input: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>) {
        switch action {
        case .isotropic(let eigenvalues):
            scratch.withUnsafeMutableBufferPointer { orders in
                TransitionOperator.applyIsotropic(eigenvalues, input, output, orders: orders.baseAddress!)
            }
        case .product(let kernel):
            scratch.withUnsafeMutableBufferPointer { buffer in
                kernel.withUnsafeBufferPointer { kernel in
                    TransitionOperator.applyProduct(kernel.baseAddress!, input, output, buffer: buffer.baseAddress!)
                }
            }
        }
    }

    /// Along an axis, order j becomes the line mean of order j plus the deviation of order j − 1 from its line
    /// mean; descending j reads order j − 1 before it changes, so the split runs in place. The last axis is
    /// fused with the recombination: P v = Σ_j λ_j O_j' = w + linemean(z) with w = Σ_{j<6} λ_{j+1} O_j and
    /// z = Σ_{j<6} (λ_j − λ_{j+1}) O_j (O_j before the last axis, λ_7 = 0).
    private static func applyIsotropic(_ lambda: [Double], _ input: UnsafePointer<Double>,
                                       _ output: UnsafeMutablePointer<Double>, orders: UnsafeMutablePointer<Double>) {
        let n = Cell.count
        // Axis 0 (stride 1): orders 0 and 1 from the input.
        for line in stride(from: 0, to: n, by: 5) {
            let mean = (input[line] + input[line + 1] + input[line + 2] + input[line + 3] + input[line + 4]) * 0.2
            for k in line ..< line + 5 {
                orders[k] = mean
                orders[n + k] = input[k] - mean
            }
        }
        for axis in 1 ..< Cell.edgeCount - 1 {
            let s = Cell.strides[axis]
            for j in stride(from: axis + 1, through: 0, by: -1) {
                let current = orders + j * n, previous = orders + (j - 1) * n
                // Separate branch-free loops along contiguous `first`, so each one vectorises.
                for base in stride(from: 0, to: n, by: 5 * s) {
                    if j == axis + 1 {
                        // Order axis + 1 is still zero: it is the deviation of order `axis` alone.
                        for first in base ..< base + s {
                            let previousMean = (previous[first] + previous[first + s] + previous[first + 2 * s]
                                + previous[first + 3 * s] + previous[first + 4 * s]) * 0.2
                            for digit in 0..<5 { current[first + digit * s] = previous[first + digit * s] - previousMean }
                        }
                    } else if j > 0 {
                        for first in base ..< base + s {
                            let mean = (current[first] + current[first + s] + current[first + 2 * s]
                                + current[first + 3 * s] + current[first + 4 * s]) * 0.2
                            let previousMean = (previous[first] + previous[first + s] + previous[first + 2 * s]
                                + previous[first + 3 * s] + previous[first + 4 * s]) * 0.2
                            let shift = mean - previousMean
                            for digit in 0..<5 { current[first + digit * s] = previous[first + digit * s] + shift }
                        }
                    } else {
                        for first in base ..< base + s {
                            let mean = (current[first] + current[first + s] + current[first + 2 * s]
                                + current[first + 3 * s] + current[first + 4 * s]) * 0.2
                            for digit in 0..<5 { current[first + digit * s] = mean }
                        }
                    }
                }
            }
        }
        let s = Cell.strides[Cell.edgeCount - 1]
        let up = (1...6).map { lambda[$0] }, down = (0..<6).map { lambda[$0] - lambda[$0 + 1] }
        for first in 0..<s {
            var z = 0.0
            for digit in 0..<5 {
                let x = first + digit * s
                var w = 0.0, zx = 0.0
                for j in 0..<6 {
                    w += up[j] * orders[j * n + x]
                    zx += down[j] * orders[j * n + x]
                }
                output[x] = w
                z += zx
            }
            z *= 0.2
            for digit in 0..<5 { output[first + digit * s] += z }
        }
    }

    private static func applyProduct(_ kernel: UnsafePointer<Double>, _ input: UnsafePointer<Double>,
                                     _ output: UnsafeMutablePointer<Double>, buffer: UnsafeMutablePointer<Double>) {
        let n = Cell.count
        let k00 = kernel[0], k01 = kernel[1], k02 = kernel[2], k03 = kernel[3], k04 = kernel[4]
        let k10 = kernel[5], k11 = kernel[6], k12 = kernel[7], k13 = kernel[8], k14 = kernel[9]
        let k20 = kernel[10], k21 = kernel[11], k22 = kernel[12], k23 = kernel[13], k24 = kernel[14]
        let k30 = kernel[15], k31 = kernel[16], k32 = kernel[17], k33 = kernel[18], k34 = kernel[19]
        let k40 = kernel[20], k41 = kernel[21], k42 = kernel[22], k43 = kernel[23], k44 = kernel[24]
        // Six axes alternate between the buffer and the output, ending in the output.
        for axis in 0..<Cell.edgeCount {
            let source = axis == 0 ? input : UnsafePointer(axis % 2 == 1 ? buffer : output)
            let target = axis % 2 == 0 ? buffer : output
            let s = Cell.strides[axis]
            for base in stride(from: 0, to: n, by: 5 * s) {
                for first in base ..< base + s {
                    let v0 = source[first], v1 = source[first + s], v2 = source[first + 2 * s]
                    let v3 = source[first + 3 * s], v4 = source[first + 4 * s]
                    target[first] = k00 * v0 + k01 * v1 + k02 * v2 + k03 * v3 + k04 * v4
                    target[first + s] = k10 * v0 + k11 * v1 + k12 * v2 + k13 * v3 + k14 * v4
                    target[first + 2 * s] = k20 * v0 + k21 * v1 + k22 * v2 + k23 * v3 + k24 * v4
                    target[first + 3 * s] = k30 * v0 + k31 * v1 + k32 * v2 + k33 * v3 + k34 * v4
                    target[first + 4 * s] = k40 * v0 + k41 * v1 + k42 * v2 + k43 * v3 + k44 * v4
                }
            }
        }
    }
}
