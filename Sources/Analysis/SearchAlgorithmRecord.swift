import Algorithms
import Search
import Support

/// One search algorithm on one metric, as `results.json` holds it (`searchAlgorithms[]`): the contract's
/// fields first (id, algorithm, params, metric, runs, budget, queriesToGlobalMax, ert, effectiveReach,
/// meanImprovability), then the fixed-budget curve, the runtimes behind the ECDF and every map point.
public struct SearchAlgorithmRecord: Sendable, Equatable, Codable {
    /// `<algorithm>@<metric>`, unique in `searchAlgorithms[]`.
    public var id: String
    public var algorithm: AlgorithmID
    public var params: [String: Double]
    public var metric: String
    public var runs: Int
    public var budget: Int
    /// Queries (unique architectures) until the global maximum is first queried; never censored.
    public var queriesToGlobalMax: QueriesSummary
    /// One per target, the global maximum first, then the 99.9th and 99th percentiles.
    public var ert: [ERTEntry]
    /// The algorithm's point on the reach–improvability map for `mapGroup` at `mapPathLength`: starts in
    /// `all` at the smallest configured path length (L = 1 by default), as the H3 panels of the operators.
    public var effectiveReach: Double
    public var meanImprovability: Double
    public var mapGroup: StartGroupID
    public var mapPathLength: Int
    /// Every (start group, path length) point: top10, bottom10, all × the configured path lengths.
    public var reachImprovability: [ReachImprovabilityRecord]
    /// Best-so-far accuracy after q = 1…budget queries (index q − 1), mean with its 95% band.
    public var fixedBudget: FixedBudgetRecord
    /// Every run's queries to the global maximum, ascending: the runtime ECDF is (i + 1)/runs at runtimes[i].
    public var runtimesToGlobalMax: [Int]
    /// Per run until the global maximum: iterations completed and restarts taken.
    public var meanIterations: Double
    public var meanRestarts: Double
    /// Random search only: (N + 1)/(m + 1) for m global maxima among N cells, the exact expectation
    /// of `queriesToGlobalMax.mean` (sampling without replacement).
    public var closedFormQueriesToGlobalMax: Double?

    public struct QueriesSummary: Sendable, Equatable, Codable {
        public var mean: Double
        /// Sample standard deviation / √runs.
        public var standardError: Double
        public var median: Double
    }

    /// A fixed target: queries until it is first hit (mean, SE, median over the uncensored runs) and the
    /// ERT under the budget (Σ min(T, budget) / successes) with its 95% percentile-bootstrap interval.
    /// `queries` is null when no run hit the target within the budget; a null bound is unbounded.
    public struct ERTEntry: Sendable, Equatable, Codable, WritesNullFields {
        /// `global-max`, `p99.9`, `p99`.
        public var target: String
        /// The accuracy a query must reach.
        public var threshold: Double
        public var queries: Double?
        public var successRate: Double
        public var ciLower: Double?
        public var ciUpper: Double?
        public var meanQueries: Double
        public var standardError: Double
        public var medianQueries: Double
    }

    public struct ReachImprovabilityRecord: Sendable, Equatable, Codable {
        public var group: StartGroupID
        public var pathLength: Int
        public var runs: Int
        public var effectiveReach: Double
        public var reachStandardError: Double
        public var meanImprovability: Double
        public var improvabilityStandardError: Double
    }

    public struct FixedBudgetRecord: Sendable, Equatable, Codable {
        public var meanBest: [Double]
        public var lower: [Double]
        public var upper: [Double]
        public var meanRegret: [Double]
    }
}

extension SearchAlgorithmRecord {
    init(_ measurement: AlgorithmMeasurement, closedForm: Double?) {
        id = "\(measurement.algorithm.rawValue)@\(measurement.metric)"
        algorithm = measurement.algorithm
        params = measurement.parameters
        metric = measurement.metric
        runs = measurement.runs
        budget = measurement.budget
        let toMaximum = measurement.queriesToGlobalMaximum
        queriesToGlobalMax = QueriesSummary(mean: toMaximum.mean, standardError: toMaximum.standardError, median: toMaximum.median)
        ert = measurement.fixedTargets.map { summary in
            ERTEntry(target: summary.target.label, threshold: summary.target.threshold, queries: summary.expectedRunningTime,
                     successRate: summary.successRate, ciLower: summary.ertLower, ciUpper: summary.ertUpper,
                     meanQueries: summary.mean, standardError: summary.standardError, medianQueries: summary.median)
        }
        reachImprovability = measurement.reachImprovability.map { point in
            ReachImprovabilityRecord(group: StartGroupID(rawValue: point.group) ?? .all, pathLength: point.pathLength, runs: point.runs,
                                     effectiveReach: point.effectiveReach, reachStandardError: point.reachStandardError,
                                     meanImprovability: point.meanImprovability,
                                     improvabilityStandardError: point.improvabilityStandardError)
        }
        let shortest = measurement.reachImprovability.map(\.pathLength).min() ?? 1
        let point = reachImprovability.first { $0.group == .all && $0.pathLength == shortest }
        mapGroup = .all
        mapPathLength = shortest
        effectiveReach = point?.effectiveReach ?? .nan
        meanImprovability = point?.meanImprovability ?? .nan
        let curve = measurement.fixedBudget
        fixedBudget = FixedBudgetRecord(meanBest: curve.meanBest, lower: curve.lower, upper: curve.upper, meanRegret: curve.meanRegret)
        runtimesToGlobalMax = toMaximum.runtimes
        meanIterations = measurement.meanIterations
        meanRestarts = measurement.meanRestarts
        closedFormQueriesToGlobalMax = closedForm
    }

    /// The map point of `group` at `pathLength`, if measured.
    public func point(group: StartGroupID, pathLength: Int) -> ReachImprovabilityRecord? {
        reachImprovability.first { $0.group == group && $0.pathLength == pathLength }
    }
}

/// One row of `tables/search-algorithms.csv`: one algorithm, metric and fixed target.
struct SearchAlgorithmRow: Codable {
    var metric: String
    var algorithm: AlgorithmID
    var runs: Int, budget: Int
    /// The fixed target (`global-max` or a quantile) and its accuracy.
    var target: String, threshold: Double
    /// Queries to the target: mean ± standard error, and the median.
    var meanQueries: Double, standardError: Double, medianQueries: Double
    /// Expected running time with its bootstrap interval; nil when no run reached the target.
    var ert: Double?, ertLower: Double?, ertUpper: Double?
    var successRate: Double
    var effectiveReach: Double
    var meanImprovability: Double
    var closedFormQueries: Double?

    static func rows(_ records: [SearchAlgorithmRecord]) -> [SearchAlgorithmRow] {
        records.flatMap { record in
            record.ert.map { entry in
                SearchAlgorithmRow(metric: record.metric, algorithm: record.algorithm, runs: record.runs, budget: record.budget,
                                   target: entry.target, threshold: entry.threshold, meanQueries: entry.meanQueries,
                                   standardError: entry.standardError, medianQueries: entry.medianQueries, ert: entry.queries,
                                   ertLower: entry.ciLower, ertUpper: entry.ciUpper, successRate: entry.successRate,
                                   effectiveReach: record.effectiveReach, meanImprovability: record.meanImprovability,
                                   closedFormQueries: entry.target == "global-max" ? record.closedFormQueriesToGlobalMax : nil)
            }
        }
    }
}
