import Analysis
import Search
import Support
import Testing

struct NullAndReachTests {
    let results = SmallRun.output.results

    @Test func everyPrimaryAlwaysFixedLengthTestOfTheTopAndBottomHasItsNull() {
        let primary = results.hypotheses.filter(\.primary)
        let expected = primary.filter { $0.acceptance == .always && $0.experiment == .fixedLength && $0.group != .all && $0.tau != nil }
        #expect(!expected.isEmpty)
        for test in expected {
            let null = try! #require(test.null)
            #expect(null.replicates == SmallRun.configuration.nullReplicates)
            #expect(null.pValue > 0 && null.pValue <= 1 && null.sdTau >= 0)
            #expect(test.beyondNull == (null.pOneSided < SmallRun.configuration.alpha))
            #expect(test.nullReason == nil)
        }
        for test in primary where !expected.contains(test) {
            #expect(test.null == nil && test.beyondNull == nil)
            #expect(test.nullReason != nil)
        }
        #expect(results.hypotheses.filter { !$0.primary }.allSatisfy { $0.null == nil && $0.nullReason == nil })
    }

    @Test func theNullIsComparedWithTheTauOfItsOwnOperators() {
        // Over the isotropic operators only, the observed tau is recomputed from the table's rows.
        let isotropic = Set(results.operators.filter { $0.family != .opKernel }.map(\.id))
        for test in results.hypotheses where test.null != nil {
            let rows = SmallRun.output.records.filter {
                $0.metric == test.metric && $0.acceptance == .always && $0.pathLength == test.pathLength && $0.group == test.group
                    && isotropic.contains($0.operatorID)
            }
            #expect(rows.count == test.null!.operators)
        }
    }

    @Test func theHypothesesTableFlattensTheNullUnderPrefixedColumns() throws {
        let csv = String(decoding: try CSVRecordEncoder.table(results.hypotheses), as: UTF8.self)
        let header = csv.prefix { $0 != "\n" }
        #expect(header.contains("null.replicates,null.operators,null.observedTau,null.meanTau,null.sdTau,null.pValue,null.pOneSided,beyondNull"))
    }

    @Test func everySettingOfTheHypothesisGroupsHasAnOptimalReach() {
        let settings = Set(SmallRun.output.records.filter { Hypothesis(group: $0.group) != nil }.map(SettingKey.init))
        #expect(Set(results.optimalReach.map(\.settingKey)) == settings)
        #expect(results.optimalReach.count == settings.count)
        for entry in results.optimalReach {
            if let reach = entry.reach {
                #expect(entry.ciLower! <= entry.ciUpper!)
                #expect(entry.monotone != nil && entry.curve != nil)
                #expect((0...6).contains(reach))
            } else {
                #expect(entry.reason != nil)
            }
        }
    }

    @Test func theSpectralDecompositionMatchesTheTableForTheAnchors() {
        for metric in results.metrics {
            let parts = results.spectral.first { $0.metric == metric.id }!.decompositions
            for part in parts where part.operatorLabel == "k-edit(1)" {
                let row = SmallRun.output.records.first {
                    $0.metric == metric.id && $0.acceptance == .always && $0.pathLength == part.pathLength && $0.group == part.group
                        && $0.family == .kEdit && $0.reach == 1
                }!
                #expect(abs(row.meanImprovability! - part.meanImprovability) <= 1e-12 * 100)
            }
        }
    }
}
