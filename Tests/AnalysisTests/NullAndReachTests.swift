import Analysis
import Search
import Statistics
import Support
import Testing

struct NullAndReachTests {
    let results = SmallRun.output.results

    @Test func everyPrimaryTestWithATauHasItsNull() {
        let primary = results.hypotheses.filter(\.primary)
        let spectral = { (test: HypothesisTest) in test.acceptance == .always && test.experiment == .fixedLength }
        let expected = primary.filter { $0.tau != nil }
        // Every rule, both experiments and every group are covered, the always-accept means over all cells included.
        #expect(Set(expected.map(\.acceptance)) == Set(SmallRun.configuration.acceptanceRules))
        #expect(Set(expected.map(\.experiment)) == Set(Experiment.allCases))
        #expect(Set(expected.filter { !spectral($0) }.map(\.group)) == Set(StartGroupID.hypothesisGroups))
        #expect(Set(expected.filter(spectral).map(\.group)) == Set(StartGroupID.hypothesisGroups))
        for test in expected {
            let null = try! #require(test.null)
            // Replicates whose tau is undefined (e.g. every walk censored at the cap) are left out.
            let configured = spectral(test) ? SmallRun.configuration.nullReplicates : SmallRun.configuration.nullSubsetReplicates
            #expect(null.replicates <= configured && null.replicates > configured / 2)
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
        // The spectral null: over the isotropic operators on the top and bottom 10%, the observed tau is
        // recomputed from the table's rows; over all starts it is the test's own tau, every operator counted.
        let isotropic = Set(results.operators.filter { $0.family != .opKernel }.map(\.id))
        for test in results.hypotheses where test.null != nil && test.acceptance == .always && test.experiment == .fixedLength {
            guard test.group != .all else {
                #expect(test.null!.operators == test.n && test.n == results.operators.count)
                #expect(test.null!.observedTau == test.tau)
                continue
            }
            let rows = SmallRun.output.records.filter {
                $0.metric == test.metric && $0.acceptance == .always && $0.pathLength == test.pathLength && $0.group == test.group
                    && isotropic.contains($0.operatorID)
            }
            #expect(rows.count == test.null!.operators)
            let tau = Correlation.kendallTauB(rows.map(\.reach), rows.map { $0.meanImprovability! }).tau
            #expect(abs(tau - test.null!.observedTau) < 1e-12)
        }
        // The subset null: the configured number of operators, one per reach stratum, listed in results.json.
        let subset = results.nullSubset
        #expect(subset.count == SmallRun.configuration.nullSubsetOperators && Set(subset).count == subset.count)
        let reaches = results.operators.filter { subset.contains($0.id) }.map(\.reach).sorted()
        let all = results.operators.map(\.reach).sorted()
        #expect(reaches.first! < all[all.count / 4] && reaches.last! > all[3 * all.count / 4])
        #expect(results.hypotheses.filter { $0.null != nil && ($0.acceptance != .always || $0.experiment == .fixedThreshold) }
            .allSatisfy { $0.null!.operators == subset.count })
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
