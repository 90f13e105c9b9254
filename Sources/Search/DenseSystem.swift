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
