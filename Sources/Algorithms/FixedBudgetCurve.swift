/// Best-so-far fitness against queries 1…budget over the runs, with a 95% confidence band for the mean.
///
/// The band is mean ± 1.96·SE (SE = sample standard deviation / √runs): it says where the *mean* curve
/// lies, not where single runs go. Regret is the global maximum's fitness minus best-so-far; its mean
/// is `maximumFitness − meanBest[q]`, with the same standard error.
public struct FixedBudgetCurve: Sendable, Equatable, Codable {
    /// Index q − 1 holds the value after q queries.
    public let meanBest: [Double]
    public let standardError: [Double]
    public let lower: [Double]
    public let upper: [Double]
    public let meanRegret: [Double]

    init(bestSoFar runs: [[Double]], maximumFitness: Double) {
        let budget = runs.first?.count ?? 0
        let count = Double(runs.count)
        var mean = [Double](repeating: 0, count: budget), error = mean
        for query in 0..<budget {
            var sum = 0.0
            for run in runs { sum += run[query] }
            let center = sum / count
            var squares = 0.0
            for run in runs { squares += (run[query] - center) * (run[query] - center) }
            mean[query] = center
            error[query] = runs.count > 1 ? (squares / (count - 1) / count).squareRoot() : .nan
        }
        meanBest = mean
        standardError = error
        lower = zip(mean, error).map { $0 - 1.96 * $1 }
        upper = zip(mean, error).map { $0 + 1.96 * $1 }
        meanRegret = mean.map { maximumFitness - $0 }
    }
}
