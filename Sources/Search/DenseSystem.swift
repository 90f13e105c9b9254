/// Gaussian elimination with partial pivoting for the small dense systems of the exact engines.
enum DenseSystem {
    /// X with `matrix` · X = `rhs` (matrix m×m row-major, rhs m×c row-major); nil if a pivot is zero.
    static func solve(_ matrix: [Double], _ rhs: [Double], size m: Int, columns c: Int) -> [Double]? {
        precondition(matrix.count == m * m && rhs.count == m * c)
        var a = matrix, y = rhs
        for column in 0..<m {
            let pivot = (column..<m).max { abs(a[$0 * m + column]) < abs(a[$1 * m + column]) }!
            guard a[pivot * m + column] != 0 else { return nil }
            for k in 0..<m { a.swapAt(column * m + k, pivot * m + k) }
            for k in 0..<c { y.swapAt(column * c + k, pivot * c + k) }
            for row in column + 1 ..< m {
                let factor = a[row * m + column] / a[column * m + column]
                for k in column..<m { a[row * m + k] -= factor * a[column * m + k] }
                for k in 0..<c { y[row * c + k] -= factor * y[column * c + k] }
            }
        }
        for row in stride(from: m - 1, through: 0, by: -1) {
            for k in 0..<c {
                var sum = 0.0
                for l in row + 1 ..< m { sum += a[row * m + l] * y[l * c + k] }
                y[row * c + k] = (y[row * c + k] - sum) / a[row * m + row]
            }
        }
        return y
    }
}

extension DenseSystem {
    typealias Quad = SIMD4<Double>

    /// X_k with A_k · X_k = B_k for four symmetric positive definite systems at once, system k in lane k of
    /// every entry (Cholesky): `matrix` is the lower triangle packed by rows, entry (i, j ≤ i) at
    /// i(i + 1)/2 + j; `rhs` is m×c row-major. Every lane does the operations of a one-system Cholesky in
    /// the same order, so its numbers do not depend on the other lanes; four rows are reduced at a time so
    /// that the chains of subtractions overlap. `failed` marks the lanes with a pivot that is not positive
    /// (their solution is meaningless).
    static func solvePositiveDefinite(packed matrix: [Quad], _ rhs: [Quad], size m: Int,
                                      columns c: Int) -> (solution: [Quad], failed: SIMDMask<SIMD4<Int64>>) {
        precondition(matrix.count == m * (m + 1) / 2 && rhs.count == m * c)
        var l = matrix, y = rhs, failed = SIMDMask<SIMD4<Int64>>(repeating: false)
        @inline(__always) func row(_ i: Int) -> Int { i * (i + 1) / 2 }
        l.withUnsafeMutableBufferPointer { l in
            for j in 0..<m {
                let rj = row(j)
                var diagonal = l[rj + j]
                for k in 0..<j { diagonal -= l[rj + k] * l[rj + k] }
                failed .|= .!(diagonal .> 0)
                let root = diagonal.squareRoot()
                l[rj + j] = root
                var i = j + 1
                while i + 4 <= m {
                    let (r0, r1, r2, r3) = (row(i), row(i + 1), row(i + 2), row(i + 3))
                    var (s0, s1, s2, s3) = (l[r0 + j], l[r1 + j], l[r2 + j], l[r3 + j])
                    for k in 0..<j {
                        let b = l[rj + k]
                        s0 -= l[r0 + k] * b
                        s1 -= l[r1 + k] * b
                        s2 -= l[r2 + k] * b
                        s3 -= l[r3 + k] * b
                    }
                    (l[r0 + j], l[r1 + j], l[r2 + j], l[r3 + j]) = (s0 / root, s1 / root, s2 / root, s3 / root)
                    i += 4
                }
                for i in i..<m {
                    let ri = row(i)
                    var sum = l[ri + j]
                    for k in 0..<j { sum -= l[ri + k] * l[rj + k] }
                    l[ri + j] = sum / root
                }
            }
        }
        l.withUnsafeBufferPointer { l in
            y.withUnsafeMutableBufferPointer { y in
                for k in 0..<c {
                    for i in 0..<m {  // L z = b
                        var sum = y[i * c + k]
                        for j in 0..<i { sum -= l[row(i) + j] * y[j * c + k] }
                        y[i * c + k] = sum / l[row(i) + i]
                    }
                    for i in stride(from: m - 1, through: 0, by: -1) {  // Lᵀ x = z
                        var sum = y[i * c + k]
                        for j in i + 1 ..< m { sum -= l[row(j) + i] * y[j * c + k] }
                        y[i * c + k] = sum / l[row(i) + i]
                    }
                }
            }
        }
        return (y, failed)
    }
}
