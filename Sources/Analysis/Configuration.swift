import Benchmark
import Foundation
import Search

/// Everything a run can be configured with, from a JSON file (`--config FILE`); every key is optional and
/// falls back to the default documented here and in the README (a test keeps the README's example equal
/// to `Configuration.default`). Unknown keys and wrong types are errors, never ignored.
public struct Configuration: Sendable, Equatable, Codable {
    /// Number of generated operators.
    public var operatorCount = SearchSettings.default.operatorCount
    /// Fixed-path-length experiment: the path lengths L.
    public var pathLengths = SearchSettings.default.pathLengths
    /// Fixed-threshold experiment: θ at these percentiles (type 7) of the metric, for every group;
    /// `bottom10` also gets the median.
    public var thresholdPercentiles = SearchSettings.default.thresholdPercentiles
    /// Acceptance rules, by label: `always`, `improving`, `non-worsening`, `metropolis(T=…)` (T in accuracy points).
    public var acceptanceRules = SearchSettings.default.acceptanceRules
    public var monteCarlo = MonteCarloBudget()
    /// Family-wise significance level (Holm–Bonferroni over the whole report).
    public var alpha = 0.05
    /// Bootstrap replicates for the confidence interval of each primary tau.
    public var bootstrapReplicates = 200
    /// Confidence level of the bootstrap intervals.
    public var confidence = 0.95
    /// Monte Carlo estimate of the landscape autocorrelation: number of walks and their length.
    public var landscapeWalks = 200
    public var landscapeWalkLength = 100
    /// Search algorithms from the NAS literature (random search, local search, regularized evolution,
    /// simulated annealing, (1+λ) EA): seeded runs per algorithm and metric, and the query budget of the
    /// fixed-budget curves and the ERT.
    public var searchAlgorithms = SearchAlgorithmBudget()

    public struct SearchAlgorithmBudget: Sendable, Equatable, Codable {
        public var runs = 200
        public var budget = 300

        public init() {}
    }
    /// Permutation-null replicates per metric (`always`, fixed length; 0 turns the null off).
    public var nullReplicates = 100
    /// The permutation null of every other primary test (fitness-dependent rules, fixed thresholds):
    /// replicates per metric (0 turns it off) and the size of the fixed, seeded subset of operators,
    /// stratified by reach, that each replicate walks (see `ExperimentNull`).
    public var nullSubsetReplicates = 20
    public var nullSubsetOperators = 12
    /// The report's title, authors, abstract and citation; nil for nasreach's defaults. `render --config`
    /// can replace it without recomputing.
    public var site: SiteMetadata?
    /// How the figures are drawn. Presentation only: `results.json` leaves it out, so `render --config`
    /// can change it on an existing results folder.
    public var figures = FigureOptions()

    public struct FigureOptions: Sendable, Equatable {
        public enum Preset: String, Sendable, Equatable, CaseIterable {
            /// The SVG and PDF at the site's size.
            case screen
            /// The SVG and PDF one or two journal columns wide with 8–9 pt text; the site's PNGs stay screen figures.
            case paper
        }

        public var preset = Preset.screen

        public init() {}
    }

    /// Every key but `figures`, which is not a result.
    private enum CodingKeys: String, CodingKey {
        case operatorCount, pathLengths, thresholdPercentiles, acceptanceRules, monteCarlo, alpha, bootstrapReplicates,
             confidence, landscapeWalks, landscapeWalkLength, searchAlgorithms, nullReplicates, nullSubsetReplicates,
             nullSubsetOperators, site
    }

    /// Where exact methods do not apply (see the Search module), Monte Carlo spends what this asks for.
    public struct MonteCarloBudget: Sendable, Equatable, Codable {
        /// Precision target of every Monte Carlo fixed-length setting: var(true values across operators) /
        /// var(estimates), in (0, 1); a pilot on the first 64 Monte Carlo operators sets the walks per group.
        public var reliability = SearchSettings.default.monteCarloReliability
        /// Bounds of the walks per (operator, rule, group) the pilot may choose.
        public var minimumWalks = SearchSettings.default.minimumWalks
        public var maximumWalks = SearchSettings.default.maximumWalks
        /// Fixed threshold: walks per group (two per stratum of the starts below θ), the first step cap, and
        /// the largest cap it doubles to while more than 1% of the walks are censored.
        public var hittingWalks = SearchSettings.default.hittingWalks
        public var hittingTimeCap = SearchSettings.default.hittingTimeCap
        public var maximumHittingTimeCap = SearchSettings.default.maximumHittingTimeCap
        /// Largest k of `k-edit(k)` solved exactly by dynamic programming under fitness-dependent rules.
        public var dynamicProgrammingMaxK = SearchSettings.default.dynamicProgrammingMaxK
        /// Longest path length at which `k-edit(k)` with a larger k is still exact under fitness-dependent rules.
        public var exactChainMaxLength = SearchSettings.default.exactChainMaxLength

        public init() {}
    }

    public init() {}

    public static let `default` = Configuration()

    /// Loads a configuration file; `file` names it in errors.
    public static func load(path: String) throws(InputError) -> Configuration {
        let bytes = try FileBytes.read(path)
        return try parse(bytes: bytes, file: path)
    }

    public static func parse(bytes: [UInt8], file: String) throws(InputError) -> Configuration {
        guard bytes.contains(where: { !" \t\r\n".utf8.contains($0) }) else {
            throw InputError(.invalid, file: file, line: 1, column: 1, message: "the configuration file is empty",
                             hint: "write {} for the defaults, or see the README for the keys")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let offset = Self.errorOffset(error as NSError)
            let (line, column) = offset.map { Self.lineAndColumn(of: $0, in: bytes) } ?? (nil, nil)
            throw InputError(.invalid, file: file, line: line, column: column, message: "the configuration is not valid JSON")
        }
        var configuration = Configuration()
        try ConfigurationReader(file: file).apply(object, to: &configuration)
        try configuration.check(file: file)
        return configuration
    }

    /// Foundation reports where JSON parsing failed as a userInfo index on Darwin and only in the
    /// message ("… around character 21.") on Linux.
    private static func errorOffset(_ error: NSError) -> Int? {
        if let index = error.userInfo["NSJSONSerializationErrorIndex"] as? Int { return index }
        guard let text = error.userInfo[NSDebugDescriptionErrorKey] as? String,
              let range = text.range(of: "around character ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    private static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// Range checks that JSON types cannot express.
    func check(file: String) throws(InputError) {
        func fail(_ message: String) -> InputError { InputError(.invalid, file: file, message: message) }
        guard operatorCount >= 3 else { throw fail("operatorCount must be at least 3 (Kendall's tau needs several operators)") }
        guard !pathLengths.isEmpty, pathLengths.allSatisfy({ $0 >= 1 }) else { throw fail("pathLengths must be a non-empty list of positive integers") }
        for p in thresholdPercentiles where !(0...100).contains(p) {
            throw fail("threshold percentile \(p) is not between 0 and 100")
        }
        guard !acceptanceRules.isEmpty else { throw fail("acceptanceRules must name at least one rule") }
        guard alpha > 0, alpha < 1 else { throw fail("alpha must lie strictly between 0 and 1") }
        guard confidence > 0, confidence < 1 else { throw fail("confidence must lie strictly between 0 and 1") }
        guard bootstrapReplicates >= 0 else { throw fail("bootstrapReplicates must not be negative") }
        guard nullReplicates >= 0 else { throw fail("nullReplicates must not be negative") }
        guard nullSubsetReplicates >= 0 else { throw fail("nullSubsetReplicates must not be negative") }
        guard nullSubsetOperators >= 3 else { throw fail("nullSubsetOperators must be at least 3 (Kendall's tau needs several operators)") }
        let budget = monteCarlo
        // 0.999 would ask for about 100 times the walks of 0.9: out of any budget, so refused up front.
        guard budget.reliability >= 0.5, budget.reliability <= 0.99 else {
            throw fail("monteCarlo.reliability must lie between 0.5 and 0.99 (0.9 keeps every tau within about 5% of its noiseless value)")
        }
        guard budget.minimumWalks >= 4, budget.minimumWalks <= budget.maximumWalks, budget.hittingWalks >= 4,
              budget.hittingTimeCap >= 1, budget.maximumHittingTimeCap >= budget.hittingTimeCap, budget.dynamicProgrammingMaxK >= 0, budget.exactChainMaxLength >= 0 else {
            throw fail("monteCarlo: minimumWalks and hittingWalks must be at least 4, maximumWalks at least minimumWalks, hittingTimeCap positive, maximumHittingTimeCap at least hittingTimeCap, dynamicProgrammingMaxK and exactChainMaxLength not negative")
        }
        guard landscapeWalks >= 2, landscapeWalkLength > 20 else {
            throw fail("landscapeWalks must be at least 2 and landscapeWalkLength above 20 (the autocorrelation goes to lag 20)")
        }
        guard searchAlgorithms.runs >= 2, searchAlgorithms.budget >= 1 else {
            throw fail("searchAlgorithms.runs must be at least 2 and searchAlgorithms.budget at least 1")
        }
        if let url = site?.url {
            // A link readers follow from print and from citation managers: it must be absolute.
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(where: \.isWhitespace) else {
                throw fail("site.url must be an absolute http:// or https:// address without spaces, found '\(url)'")
            }
        }
        if site?.title?.allSatisfy(\.isWhitespace) == true { throw fail("site.title must not be empty") }
    }
}

