/// Exact counting on the Hamming scheme H(6, 5).
public enum Combinatorics {
    public static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<min(k, n - k) { result = result * (n - i) / (i + 1) }
        return result
    }

    /// Cells at edit distance `k` from any cell: C(6,k)·4^k.
    public static func sphereSize(_ k: Int) -> Int {
        binomial(Cell.edgeCount, k) * (0..<k).reduce(1) { product, _ in product * 4 }
    }

    /// Krawtchouk number K_d(j) = Σ_i (−1)^i 4^(d−i) C(j,i) C(6−j, d−i) for q = 5, n = 6.
    ///
    /// K_d(j)/K_d(0) is the eigenvalue, on characters with `j` non-zero frequencies, of the kernel
    /// "move to a uniformly chosen cell at distance d".
    public static func krawtchouk(distance d: Int, order j: Int) -> Int {
        var sum = 0
        for i in 0...d {
            let term = pow4(d - i) * binomial(j, i) * binomial(Cell.edgeCount - j, d - i)
            sum += i % 2 == 0 ? term : -term
        }
        return sum
    }

    /// Eigenvalue on order `j` of the uniform move to distance `d`.
    public static func sphereEigenvalue(distance d: Int, order j: Int) -> Double {
        Double(krawtchouk(distance: d, order: j)) / Double(krawtchouk(distance: d, order: 0))
    }

    private static func pow4(_ e: Int) -> Int { e < 0 ? 0 : (0..<e).reduce(1) { p, _ in p * 4 } }
}
