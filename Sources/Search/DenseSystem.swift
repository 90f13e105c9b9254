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
    /// X with `matrix` · X = `rhs` for a symmetric positive definite matrix (Cholesky, on the lower triangle);
    /// nil if a pivot is not positive.
    static func solvePositiveDefinite(_ matrix: [Double], _ rhs: [Double], size m: Int, columns c: Int) -> [Double]? {
        precondition(matrix.count == m * m && rhs.count == m * c)
        var l = matrix, y = rhs
        let factored = l.withUnsafeMutableBufferPointer { l -> Bool in
            for j in 0..<m {
                var diagonal = l[j * m + j]
                for k in 0..<j { diagonal -= l[j * m + k] * l[j * m + k] }
                guard diagonal > 0 else { return false }
                let root = diagonal.squareRoot()
                l[j * m + j] = root
                for i in j + 1 ..< m {
                    var sum = l[i * m + j]
                    for k in 0..<j { sum -= l[i * m + k] * l[j * m + k] }
                    l[i * m + j] = sum / root
                }
            }
            return true
        }
        guard factored else { return nil }
        l.withUnsafeBufferPointer { l in
            y.withUnsafeMutableBufferPointer { y in
                for k in 0..<c {
                    for i in 0..<m {  // L z = b
                        var sum = y[i * c + k]
                        for j in 0..<i { sum -= l[i * m + j] * y[j * c + k] }
                        y[i * c + k] = sum / l[i * m + i]
                    }
                    for i in stride(from: m - 1, through: 0, by: -1) {  // Lᵀ x = z
                        var sum = y[i * c + k]
                        for j in i + 1 ..< m { sum -= l[j * m + i] * y[j * c + k] }
                        y[i * c + k] = sum / l[i * m + i]
                    }
                }
            }
        }
        return y
    }
}
