import Statistics

/// Monte Carlo starts as a stratified sample of a set of cells: the cells ordered by fitness (ties by
/// code) and cut into `strata` consecutive strata of nearly equal size, two walks per stratum, each from a
/// start drawn uniformly (with replacement) within its stratum from the walk's own stream.
///
/// Improvability depends strongly on the start's fitness (regression to the mean), so strata by fitness
/// remove most of the between-start variance; two independent walks per stratum give an unbiased
/// estimate of the estimator's variance, so the standard errors are calibrated by construction.
struct StratifiedStarts: Sendable {
    /// The cells in fitness order; stratum h is `ordered[bounds[h] ..< bounds[h + 1]]`.
    let ordered: [Int]
    let bounds: [Int]

    init(cells: [Int], fitness: [Double], strata requested: Int) {
        self.init(ordered: StratifiedStarts.fitnessOrder(cells, fitness: fitness), strata: requested)
    }

    /// `ordered`: cells already in `fitnessOrder` (the experiment sorts each group once, not per operator).
    init<Cells: Collection<Int>>(ordered cells: Cells, strata requested: Int) {
        ordered = Array(cells)
        let count = cells.count, strata = max(1, min(requested, count))
        bounds = (0...strata).map { $0 * count / strata }
    }

    /// The cells by fitness, ties by code.
    static func fitnessOrder(_ cells: [Int], fitness: [Double]) -> [Int] {
        cells.sorted { fitness[$0] != fitness[$1] ? fitness[$0] < fitness[$1] : $0 < $1 }
    }

    var strata: Int { bounds.count - 1 }
    /// Walks the sample takes: two per stratum.
    var walks: Int { 2 * strata }

    /// N_h / N, the weight of stratum h.
    func weight(_ h: Int) -> Double { Double(bounds[h + 1] - bounds[h]) / Double(ordered.count) }

    /// The start of walk w (stratum w / 2).
    func start(walk w: Int, using generator: inout SeededGenerator) -> Int {
        let h = w / 2
        return ordered[bounds[h] + generator.nextInt(below: bounds[h + 1] - bounds[h])]
    }

    /// The stratified mean Σ_h W_h (y_h1 + y_h2)/2 of one value per walk (walk w in stratum w / 2) and
    /// its standard error, from Σ_h W_h² (y_h1 − y_h2)²/4 (unbiased for the variance of the estimate).
    func meanAndStandardError(_ values: [Double]) -> (mean: Double, standardError: Double) {
        var mean = 0.0, variance = 0.0
        for h in 0..<strata {
            let (a, b, w) = (values[2 * h], values[2 * h + 1], weight(h))
            mean += w * (a + b) / 2
            variance += w * w * (a - b) * (a - b) / 4
        }
        return (mean, variance.squareRoot())
    }

    /// The weighted median and the weighted fraction of positive values over the walks (each walk
    /// carries half its stratum's weight): summaries of the sampled starts' single-walk values.
    func medianAndFractionPositive(_ values: [Double]) -> (median: Double, fractionPositive: Double) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var cumulative = 0.0, median = values[order[order.count - 1]]
        for index in order {
            cumulative += weight(index / 2) / 2
            if cumulative >= 0.5 - 1e-12 {
                median = values[index]
                break
            }
        }
        let positive = values.indices.reduce(0.0) { $0 + (values[$1] > 0 ? weight($1 / 2) / 2 : 0) }
        return (median, positive)
    }

    /// The Kaplan–Meier median of hitting times where the walks not `hit` are censored at the common final
    /// cap (at or above every observed time): then the estimate is the weighted empirical distribution
    /// function of the hits, and the median is the first time it reaches 1/2; nil when it never does.
    func kaplanMeierMedian(_ times: [Double], hit: [Bool]) -> Double? {
        var cumulative = 0.0
        for index in times.indices.filter({ hit[$0] }).sorted(by: { times[$0] < times[$1] }) {
            cumulative += weight(index / 2) / 2
            if cumulative >= 0.5 - 1e-12 { return times[index] }
        }
        return nil
    }
}
