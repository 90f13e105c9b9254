import Landscape
import Search

/// Everything `analyze` computes: the content of `results.json` (schema `nasreach/results@1`).
/// The improvability rows themselves live in `tables/improvability.csv`.
public struct Results: Sendable, Equatable, Codable {
    public static let schemaID = "nasreach/results@1"

    public var schema = Results.schemaID
    public var provenance: Provenance
    public var configuration: Configuration
    public var metrics: [MetricSummary]
    /// Locality metrics by metric id.
    public var landscape: [String: LandscapeSummary]
    public var operators: [OperatorRecord]
    public var hypotheses: [HypothesisTest]
    public var breakdowns: [Breakdown]
    /// Mean improvability per decile of starts, by operator family (the decile figures).
    public var deciles: [DecileSummary]
    /// Search algorithms from the NAS literature, per metric: landscape-major, algorithms in
    /// `StandardAlgorithms` order (computed by a whole run, or by shard 1 for `merge`).
    public var searchAlgorithms: [SearchAlgorithmRecord] = []
    /// The reach at which improvability peaks, per (metric, rule, setting, group) of the hypothesis groups.
    public var optimalReach: [OptimalReach] = []
    /// Under `always`: each Fourier order's contribution to a group's mean improvability, by metric.
    public var spectral: [MetricSpectralDecomposition] = []
    /// The operators (ids, in operator-set order) whose walks on permuted landscapes give the null of the
    /// primary tests beyond `always` at fixed length (`configuration.nullSubsetOperators` of them, stratified by reach).
    public var nullSubset: [String] = []
    /// Set only for a partial result of `analyze --shard`.
    public var shard: Shard?
    /// The lab's published values beside nasreach's, by metric id; only for the metrics of the published study.
    public var reproduction: [String: LabReproduction]? = nil
}

public struct Provenance: Sendable, Equatable, Codable {
    /// The input's file or folder name (never a local path: results and sites get published), with
    /// `inputSHA256` to identify it exactly.
    public var input: String
    public var inputSHA256: String
    /// `csv`, `nats-archive` or `synthetic`.
    public var sourceKind: String
    public var synthetic: Bool
    public var seed: UInt64
    public var version: String
    /// ISO 8601, UTC; `SOURCE_DATE_EPOCH` when set, so that reruns are byte-identical.
    public var generatedAt: String
    /// How accuracies were read from the CSV: `correctly-rounded` or `pandas-2.2.1` (`--float-parsing`).
    public var floatParsing: String? = nil
}

extension Provenance {
    /// The last component of a `--data` path (`synthetic` stays `synthetic`).
    public static func publishedName(of input: String) -> String {
        let name = input.split(separator: "/").last.map(String.init) ?? input
        return name.isEmpty ? input : name
    }
}

/// One generated operator, as the contract describes it: enough to rebuild it exactly.
public struct OperatorRecord: Sendable, Equatable, Codable {
    public var id: String
    public var family: OperatorFamily
    /// Expected edit distance of one proposal, averaged over a uniform start.
    public var reach: Double
    /// P(x → y) = P(y → x).
    public var symmetric: Bool
    /// The uniform distribution is stationary under `always` acceptance.
    public var preservesUniform: Bool
    /// Last, so that `tables/operators.csv` lists the flattened parameters after the scalars.
    public var params: OperatorParameters

    public init(_ op: SearchOperator) {
        id = op.id
        family = op.family
        params = op.parameters
        reach = op.reach
        symmetric = op.isSymmetric
        preservesUniform = op.preservesUniform
    }

}

/// Which slice of the operator set a partial result holds.
public struct Shard: Sendable, Equatable, Codable {
    /// 1-based, as `--shard i/n` spells it.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// The operator positions of this shard: contiguous, sizes differing by at most one.
    public func range(of total: Int) -> Range<Int> {
        let lower = (index - 1) * total / count, upper = index * total / count
        return lower..<upper
    }
}

/// Mean improvability over the operators of one family, for one decile of starts.
public struct DecileSummary: Sendable, Equatable, Codable {
    public var metric: String
    public var acceptance: AcceptanceRule
    public var pathLength: Int
    /// 1 = the 10% least accurate cells, 10 = the most accurate.
    public var decile: Int
    public var family: OperatorFamily
    public var operators: Int
    public var meanImprovability: Double
    public var fractionImproved: Double?
}


/// The spectral decomposition of one metric (science.md, "Null landscapes").
public struct MetricSpectralDecomposition: Sendable, Equatable, Codable {
    public var metric: String
    public var decompositions: [SpectralDecomposition]
}
