import Statistics

/// Queries until a target is first hit, over the runs. Runs go on until the global maximum, so every
/// runtime is observed: the mean, SE and median are uncensored. The budget only enters the ERT.
public struct FixedTargetSummary: Sendable, Equatable, Codable {
    public let target: FixedTarget
    /// Every run's runtime, ascending: the ECDF is P(T ≤ runtimes[i]) = (i + 1)/runs.
    public let runtimes: [Int]
    public let mean: Double
    /// Sample standard deviation / √runs.
    public let standardError: Double
    public let median: Double
    public let budget: Int
    /// ERT under the budget (see `ExpectedRunningTime`); nil when no run hit the target within it.
    public let expectedRunningTime: Double?
    public let successRate: Double
    /// 95% percentile-bootstrap interval of the ERT over resampled runs; a nil bound is unbounded (the
    /// bootstrap distribution puts more than 2.5% on resamples without a success).
    public let ertLower: Double?
    public let ertUpper: Double?

    init(target: FixedTarget, runtimes: [Int], budget: Int, bootstrapReplicates: Int, generator: SeededGenerator) {
        self.target = target
        self.budget = budget
        let sorted = runtimes.sorted()
        self.runtimes = sorted
        let values = sorted.map(Double.init)
        mean = Descriptive.mean(values)
        standardError = Descriptive.standardDeviation(values) / Double(values.count).squareRoot()
        median = Descriptive.median(values)
        let ert = ExpectedRunningTime(runtimes: sorted, budget: budget)
        expectedRunningTime = ert.queries
        successRate = ert.successRate
        (ertLower, ertUpper) = ExpectedRunningTime.bootstrapInterval(
            runtimes: sorted, budget: budget, replicates: bootstrapReplicates, generator: generator)
    }
}

/// The expected running time of COCO and IOHanalyzer (Hansen et al. 2021, "COCO: a platform for comparing
/// continuous optimizers in a black-box setting"; Wang et al. 2022, "IOHanalyzer"): the queries spent over all runs,
/// each run capped at the budget, divided by the number of runs that hit the target within the budget,
/// ERT = Σ_r min(T_r, B) / #{r : T_r ≤ B}. It estimates the queries a restarted algorithm would need.
public struct ExpectedRunningTime: Sendable, Equatable {
    /// nil when no run succeeded (ERT = ∞).
    public let queries: Double?
    /// #{r : T_r ≤ B} / runs.
    public let successRate: Double

    public init(runtimes: [Int], budget: Int) {
        precondition(!runtimes.isEmpty && budget > 0)
        var spent = 0, successes = 0
        for runtime in runtimes {
            spent += min(runtime, budget)
            if runtime <= budget { successes += 1 }
        }
        queries = successes > 0 ? Double(spent) / Double(successes) : nil
        successRate = Double(successes) / Double(runtimes.count)
    }

    /// Percentile bootstrap (type 7 quantiles) of the ERT; replicate r resamples from `generator.stream(r)`.
    static func bootstrapInterval(runtimes: [Int], budget: Int, replicates: Int, confidence: Double = 0.95,
                                  generator: SeededGenerator) -> (lower: Double?, upper: Double?) {
        guard replicates > 0 else { return (nil, nil) }
        var estimates = [Double]()
        estimates.reserveCapacity(replicates)
        let count = runtimes.count
        for replicate in 0..<replicates {
            var random = generator.stream(UInt64(replicate))
            var spent = 0, successes = 0
            for _ in 0..<count {
                let runtime = runtimes[random.nextInt(below: count)]
                spent += min(runtime, budget)
                if runtime <= budget { successes += 1 }
            }
            estimates.append(successes > 0 ? Double(spent) / Double(successes) : .infinity)
        }
        estimates.sort()
        let alpha = 1 - confidence
        return (finiteQuantile(estimates, alpha / 2), finiteQuantile(estimates, 1 - alpha / 2))
    }

    /// Type 7 quantile of ascending values that may end in +∞; nil when the quantile touches an infinite value.
    private static func finiteQuantile(_ sorted: [Double], _ p: Double) -> Double? {
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down)), above = min(below + 1, sorted.count - 1)
        let gamma = position - Double(below)
        guard sorted[below].isFinite else { return nil }
        if gamma == 0 { return sorted[below] }
        guard sorted[above].isFinite else { return nil }
        return sorted[below] + gamma * (sorted[above] - sorted[below])
    }
}
