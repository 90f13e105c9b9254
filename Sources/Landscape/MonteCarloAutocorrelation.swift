import SearchSpace
import Statistics

/// A seeded Monte Carlo estimate of the random-walk autocorrelation, to cross-check the exact values.
///
/// Estimator: each walk starts at a uniformly drawn cell (the stationary distribution, so every step is
/// uniform too) and takes `walkLength` steps to uniformly chosen neighbours. For walk w and lag k,
/// r_w(k) = mean over t = 0…L−k of (f(x_t) − μ)(f(x_{t+k}) − μ) / σ², with μ and σ² the exact mean and
/// variance of f over the space; this is unbiased for ρ(k). The estimate is the mean of r_w(k) over
/// walks (every walk contributes the same number of pairs, so this is the pooled lag-k correlation), and
/// its standard error is the between-walk standard deviation of r_w(k) divided by √walks.
public struct MonteCarloAutocorrelation: Sendable, Equatable, Codable {
    public let walks: Int
    public let walkLength: Int
    public let seed: UInt64
    /// Estimated ρ(k) for k = 1…lags.
    public let estimate: [Double]
    /// Standard error of each estimate.
    public let standardError: [Double]

    /// Nil for a constant landscape. Walk w draws from `SeededGenerator(seed: seed, stream: w)`.
    public init?(fitness: FitnessFunction, neighbours: NeighbourTable, lags: Int, walks: Int, walkLength: Int, seed: UInt64) {
        precondition(walks >= 2 && lags >= 1 && walkLength >= lags, "need two walks, each longer than the largest lag")
        let values = fitness.values
        let mean = values.reduce(0, +) / Double(Cell.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Cell.count)
        guard variance > 0 else { return nil }
        var sum = [Double](repeating: 0, count: lags)
        var sumOfSquares = [Double](repeating: 0, count: lags)
        var centred = [Double](repeating: 0, count: walkLength + 1)
        for walk in 0..<walks {
            var generator = SeededGenerator(seed: seed, stream: UInt64(walk))
            var x = generator.nextInt(below: Cell.count)
            for t in 0...walkLength {
                if t > 0 { x = neighbours[x, generator.nextInt(below: NeighbourTable.degree)] }
                centred[t] = values[x] - mean
            }
            for k in 1...lags {
                var products = 0.0
                for t in 0...(walkLength - k) { products += centred[t] * centred[t + k] }
                let r = products / Double(walkLength + 1 - k) / variance
                sum[k - 1] += r
                sumOfSquares[k - 1] += r * r
            }
        }
        let n = Double(walks)
        self.walks = walks
        self.walkLength = walkLength
        self.seed = seed
        estimate = sum.map { $0 / n }
        standardError = zip(sum, sumOfSquares).map { total, squares in
            let spread = max(0, (squares - total * total / n) / (n - 1))
            return (spread / n).squareRoot()
        }
    }
}
