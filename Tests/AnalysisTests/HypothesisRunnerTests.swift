import Benchmark
import Search
import Statistics
import Testing
@testable import Analysis

@Suite struct HypothesisRunnerTests {
    static func record(_ op: Int, group: StartGroupID, reach: Double, mean: Double?, acceptance: AcceptanceRule = .always,
                       pathLength: Int = 1, metric: String = "m") -> ImprovabilityRecord {
        ImprovabilityRecord(metric: metric, row: ImprovabilityRow(
            operatorID: "op-\(op)", family: .kEdit, acceptance: acceptance, experiment: .fixedLength, pathLength: pathLength,
            threshold: nil, thresholdLabel: nil, group: group, reach: reach, effectiveReach: reach / 2, meanImprovability: mean,
            medianImprovability: mean, fractionImproved: mean.map { $0 > 0 ? 1 : 0 }, meanHittingTime: nil, censoredFraction: nil,
            starts: 10, standardError: nil, method: .exact))
    }

    let runner = HypothesisRunner(alpha: 0.05, bootstrapReplicates: 50, confidence: 0.95, seed: 1)

    @Test func verdictsFollowTheHypothesisedSigns() {
        let reaches = (0..<30).map { Double($0) / 5 }
        let records = reaches.enumerated().flatMap { i, r in [
            Self.record(i, group: .top10, reach: r, mean: -r),         // H1 predicts tau < 0: supported
            Self.record(i, group: .bottom10, reach: r, mean: -r),      // H2 predicts tau > 0: falsified
            Self.record(i, group: .all, reach: r, mean: Double((i * 7) % 5)),  // no trend: inconclusive
        ] }
        let primary = runner.run(records).filter(\.primary)
        #expect(primary.map(\.hypothesis) == [.h1, .h2, .h3])
        #expect(primary.map(\.verdict) == [.supported, .falsified, .inconclusive])
        #expect(primary[0].tau == -1 && primary[1].tau == -1)
        #expect(primary[0].ciLower! <= -0.9)
        #expect(primary[0].pOneSided! < primary[0].pValue!)
    }

    @Test func holmAdjustsOverTheWholeFamily() {
        let reaches = (0..<12).map(Double.init)
        let records = reaches.enumerated().flatMap { i, r in [
            Self.record(i, group: .top10, reach: r, mean: -r + (i == 3 ? 5 : 0)),
            Self.record(i, group: .top10, reach: r, mean: Double(i % 3), pathLength: 10),
        ] }
        let tests = runner.run(records)
        let withTau = tests.filter { $0.pValue != nil }
        #expect(withTau.map { $0.pAdjusted! } == holmAdjusted(withTau.map { $0.pValue! }))
    }

    @Test func constantImprovabilityIsUndefinedWithAReason() {
        let records = (0..<10).map { Self.record($0, group: .all, reach: Double($0), mean: 0) }
        let primary = runner.run(records).first { $0.primary }!
        #expect(primary.verdict == .undefined && primary.tau == nil && primary.pValue == nil && primary.pAdjusted == nil)
        #expect(primary.reason!.contains("exactly 0") && primary.reason!.contains("stationary"))
    }

    @Test func exactZerosBesideNonZeroValuesAreTestedAndCounted() {
        let records = (0..<10).map { Self.record($0, group: .all, reach: Double($0), mean: $0 < 6 ? 0 : -Double($0)) }
        let primary = runner.run(records).first { $0.primary }!
        #expect(primary.tau != nil && primary.nonZeroOperators == 4)
    }

    @Test func tooFewOperatorsIsUndefined() {
        let records = (0..<2).map { Self.record($0, group: .top10, reach: Double($0), mean: Double($0)) }
        #expect(runner.run(records).allSatisfy { $0.verdict == .undefined && $0.reason!.contains("at least 3") })
    }

    @Test func fitnessDependentRulesAlsoTestEffectiveReach() {
        let records = (0..<8).map { Self.record($0, group: .top10, reach: Double($0), mean: -Double($0), acceptance: .improving) }
        let statistics = Set(runner.run(records).map(\.statistic))
        #expect(statistics.contains(TestStatistic(reachMeasure: .effectiveReach, improvability: .meanImprovability)) && statistics.contains(TestStatistic(reachMeasure: .reach, improvability: .fractionImproved)))
    }

    @Test func hittingTimeDirectionIsReversed() {
        let records = (0..<10).map { i in
            ImprovabilityRecord(metric: "m", row: ImprovabilityRow(
                operatorID: "op-\(i)", family: .uniform, acceptance: .always, experiment: .fixedThreshold, pathLength: nil,
                threshold: 90, thresholdLabel: "p90", group: .top10, reach: Double(i), effectiveReach: Double(i), meanImprovability: nil,
                medianImprovability: nil, fractionImproved: nil, meanHittingTime: Double(i), censoredFraction: 0, starts: 10,
                standardError: nil, method: .exact))
        }
        let test = runner.run(records)[0]
        #expect(test.statistic == TestStatistic(reachMeasure: .reach, improvability: .meanHittingTime) && test.direction == .positive && test.verdict == .supported)
    }
}

@Suite struct HypothesisJSONTests {
    @Test func undefinedTestsCarryExplicitNulls() throws {
        let records = (0..<4).map { HypothesisRunnerTests.record($0, group: .all, reach: Double($0), mean: 0) }
        let test = HypothesisRunner(alpha: 0.05, bootstrapReplicates: 0, confidence: 0.95, seed: 0).run(records)[0]
        let json = String(decoding: try AnalysisOutput.encode(test), as: UTF8.self)
        for key in ["tau", "pValue", "pAdjusted"] { #expect(json.contains("\"\(key)\" : null"), "\(json)") }
    }
}
