import Foundation
import Search
import Statistics
import Support

/// Turns the improvability table into the report's family of Kendall tests, with Holm's adjustment
/// and verdicts (science.md, "Hypotheses").
public struct HypothesisRunner: Sendable {
    public let alpha: Double
    public let bootstrapReplicates: Int
    public let confidence: Double
    public let seed: UInt64

    /// The configuration's test settings, with the run's seed for the bootstrap.
    public init(_ configuration: Configuration, seed: UInt64) {
        alpha = configuration.alpha
        bootstrapReplicates = configuration.bootstrapReplicates
        confidence = configuration.confidence
        self.seed = seed
    }

    init(alpha: Double, bootstrapReplicates: Int, confidence: Double, seed: UInt64) {
        (self.alpha, self.bootstrapReplicates, self.confidence, self.seed) = (alpha, bootstrapReplicates, confidence, seed)
    }

    public func run(_ records: [ImprovabilityRecord], threads: Int = 1) -> [HypothesisTest] {
        run(records, settings: Self.settings(of: records), threads: threads)
    }

    /// `settings` as `settings(of: records)` gives them (shared with the optimal reach).
    func run(_ records: [ImprovabilityRecord], settings: [[Int]], threads: Int) -> [HypothesisTest] {
        var specs: [TestSpec] = []
        for setting in settings {
            let first = records[setting[0]]
            let measures: [ReachMeasure] = first.acceptance == .always ? [.reach] : [.reach, .effectiveReach]
            for measure in measures {
                for statistic in first.experiment.statistics {
                    specs.append(TestSpec(setting: setting, statistic: TestStatistic(reachMeasure: measure, improvability: statistic)))
                }
            }
        }
        let allSpecs = specs
        let tests = Parallel.map(count: allSpecs.count, threads: threads) { index in
            let spec = allSpecs[index]
            return test(spec.setting, of: records, statistic: spec.statistic, index: index)
        }
        return adjust(tests)
    }

    /// Each primary test's permutation null, or why it has none, and `beyondNull`: the spectral null
    /// (`nulls` by metric id) for `always` at fixed length (on `all`, the exact linear form over every
    /// operator), the subset null (`experimentNulls`) for the others.
    public func attach(nulls: [String: PermutationNull], experimentNulls: [String: ExperimentNull] = [:],
                       to tests: [HypothesisTest]) -> [HypothesisTest] {
        tests.map { test in
            var test = test
            guard test.primary else { return test }
            test.nullReason = Self.nullReason(of: test, nulls: nulls, experimentNulls: experimentNulls)
            guard test.nullReason == nil, let (operators, distribution) = Self.nullDistribution(of: test, nulls: nulls, experimentNulls: experimentNulls),
                  let comparison = NullComparison(observed: distribution.observedTau, null: distribution.taus,
                                                  negative: test.direction == .negative) else {
                if test.nullReason == nil, test.tau != nil { test.nullReason = "no replicate of the null has a defined tau" }
                return test
            }
            test.null = NullSummary(replicates: comparison.replicates, operators: operators, observedTau: distribution.observedTau,
                                    meanTau: comparison.meanTau, sdTau: comparison.sdTau, pValue: comparison.pValue,
                                    pOneSided: comparison.pOneSided)
            test.beyondNull = test.tau == nil ? nil : comparison.pOneSided < alpha
            return test
        }
    }

    /// The null distribution of a test and how many operators each of its replicates has.
    static func nullDistribution(of test: HypothesisTest, nulls: [String: PermutationNull], experimentNulls: [String: ExperimentNull])
        -> (operators: Int, distribution: (observedTau: Double, taus: [Double]))? {
        if ExperimentNull.covers(acceptance: test.acceptance, experiment: test.experiment) {
            let key = ExperimentNull.Key(acceptance: test.acceptance, pathLength: test.pathLength, thresholdLabel: test.thresholdLabel,
                                         group: test.group)
            guard let null = experimentNulls[test.metric], let distribution = null.distribution(key) else { return nil }
            return (null.operatorIDs.count, (distribution.observedTau, distribution.taus))
        }
        guard let null = nulls[test.metric], let pathLength = test.pathLength,
              let distribution = null.distribution(pathLength: pathLength, group: test.group) else { return nil }
        return (distribution.operators, (distribution.observedTau, distribution.taus))
    }

    /// Why a primary test has no permutation null, or nil when it has one.
    static func nullReason(of test: HypothesisTest, nulls: [String: PermutationNull], experimentNulls: [String: ExperimentNull]) -> String? {
        guard test.tau != nil else { return "the test has no tau" }
        if ExperimentNull.covers(acceptance: test.acceptance, experiment: test.experiment) {
            guard let null = experimentNulls[test.metric], null.replicates(for: test.acceptance) > 0 else {
                return "the permutation null of the operator subset was not computed (\(test.acceptance == .always ? "nullReplicates" : "nullSubsetReplicates") = 0)"
            }
            return nil
        }
        guard let null = nulls[test.metric], null.replicates > 0 else { return "the permutation null was not computed (nullReplicates = 0)" }
        if let pathLength = test.pathLength, let distribution = null.distribution(pathLength: pathLength, group: test.group),
           distribution.operators < 3 {
            return "fewer than 3 isotropic operators: the null of this group needs the spectral engine"
        }
        return nil
    }

    /// Indices of the records grouped by (metric, experiment, acceptance, setting, group) for the
    /// hypothesis groups, in first-appearance order so the output order follows the table's. Indices,
    /// not copies: the table has hundreds of thousands of rows.
    static func settings(of records: [ImprovabilityRecord]) -> [[Int]] {
        var order: [SettingKey] = []
        var groups: [SettingKey: [Int]] = [:]
        for (index, record) in records.enumerated() where Hypothesis(group: record.group) != nil {
            let key = SettingKey(record)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.map { groups[$0]! }
    }

    func test(_ setting: [Int], of records: [ImprovabilityRecord], statistic: TestStatistic, index: Int) -> HypothesisTest {
        let first = records[setting[0]]
        let hypothesis = Hypothesis(group: first.group)!
        let predictedSign = hypothesis.improvabilitySign * (statistic.improvability.higherIsBetter ? 1 : -1)
        let pairs: [(Double, Double)] = setting.compactMap { row in
            let record = records[row]
            guard let y = record.row.value(of: statistic.improvability) else { return nil }
            return (record.row.value(of: statistic.reachMeasure), y)
        }
        let x = pairs.map(\.0), y = pairs.map(\.1)
        var result = HypothesisTest(
            hypothesis: hypothesis, metric: first.metric, experiment: first.experiment, acceptance: first.acceptance,
            pathLength: first.pathLength, threshold: first.threshold, thresholdLabel: first.thresholdLabel, group: first.group,
            statistic: statistic, primary: statistic.isPrimary, n: pairs.count,
            direction: predictedSign < 0 ? .negative : .positive, verdict: .undefined)
        if let reason = Self.degeneracy(x: x, y: y, statistic: statistic.improvability, record: first) {
            result.reason = reason
            return result
        }
        let zeros = y.count { $0 == 0 }
        if zeros > 0, statistic.improvability == .meanImprovability { result.nonZeroOperators = y.count - zeros }
        let kendall = Correlation.kendallTauB(x, y)
        guard !kendall.tau.isNaN else {
            result.reason = "tau-b is undefined for these values"
            return result
        }
        result.tau = kendall.tau
        // The standard errors of the values in `y`, in its order.
        let errors: [Double?] = setting.filter { records[$0].row.value(of: statistic.improvability) != nil }.map { records[$0].standardError }
        if statistic.improvability.isPrimary, let reliability = Reliability.of(y, standardErrors: errors) {
            result.reliability = reliability
            result.tauDisattenuated = Reliability.disattenuated(tau: kendall.tau, reliability: reliability)
        }
        result.pValue = kendall.pValue
        result.pOneSided = predictedSign < 0 ? kendall.pLess : kendall.pGreater
        if result.primary, bootstrapReplicates > 0 {
            let interval = Correlation.kendallTauBBootstrap(x, y, replicates: bootstrapReplicates, confidence: confidence,
                                                            generator: SeededGenerator(seed: seed, stream: 0xB007_0000 + UInt64(index)))
            if !interval.lower.isNaN {
                result.ciLower = interval.lower
                result.ciUpper = interval.upper
            }
        }
        return result
    }

    /// Why a test carries no information, or nil when it does.
    static func degeneracy(x: [Double], y: [Double], statistic: ImprovabilityStatistic, record: ImprovabilityRecord) -> String? {
        guard y.count >= 3 else {
            return y.isEmpty
                ? (record.experiment == .fixedThreshold ? "no start of this group lies below the threshold" : "no operator has this statistic")
                : "only \(y.count) operator(s) have this statistic; Kendall's tau needs at least 3"
        }
        guard let low = x.min(), let high = x.max(), low != high else { return "every operator has the same reach" }
        guard let minimum = y.min(), let maximum = y.max() else { return nil }
        if minimum == maximum {
            if minimum == 0, statistic == .meanImprovability, record.group == .all, record.acceptance == .always {
                return "for every operator the mean improvability over all starts is exactly 0: with always-accept, a symmetric (or doubly stochastic) operator leaves the uniform distribution stationary"
            }
            return "\(statistic.rawValue) is the same (\(minimum)) for every operator"
        }
        return nil
    }

    /// Holm over every test with a tau, then the verdicts.
    func adjust(_ tests: [HypothesisTest]) -> [HypothesisTest] {
        let tested = tests.indices.filter { tests[$0].pValue != nil }
        let adjusted = holmAdjusted(tested.map { tests[$0].pValue! })
        var result = tests
        for (slot, index) in tested.enumerated() {
            result[index].pAdjusted = adjusted[slot]
            let significant = adjusted[slot] < alpha
            let predictedNegative = result[index].direction == .negative
            let tau = result[index].tau!
            result[index].verdict = !significant || tau == 0 ? .inconclusive
                : ((tau < 0) == predictedNegative ? .supported : .falsified)
        }
        return result
    }
}

/// One test to run: a setting's record indices and the two columns to correlate.
struct TestSpec: Sendable {
    let setting: [Int]
    let statistic: TestStatistic
}
