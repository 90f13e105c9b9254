import Analysis
import Search
import Testing
@testable import Report

@Suite("Findings")
struct FindingsTests {
    static let results = ReportFixtures.synthetic.results

    @Test("one paragraph per hypothesis, counting the primary tests as the results have them")
    func countsFollowTheResults() {
        let paragraphs = Findings.paragraphs(Self.results)
        #expect(paragraphs.map(\.hypothesis) == Hypothesis.allCases)
        for (hypothesis, text) in paragraphs {
            let tests = Self.results.hypotheses.filter { $0.primary && $0.hypothesis == hypothesis }
            #expect(text.contains("\(tests.count { $0.verdict == .supported }) of \(tests.count) primary tests support it."))
        }
        #expect(Findings.terminalLines(Self.results).count >= 3 && Findings.terminalLines(Self.results).count <= 5)
    }

    @Test("the text changes when the results do, and names each failure and the null")
    func textChangesWithTheResults() {
        var changed = Self.results
        for i in changed.hypotheses.indices where changed.hypotheses[i].primary && changed.hypotheses[i].hypothesis == .h1
            && changed.hypotheses[i].tau != nil {
            changed.hypotheses[i].verdict = .falsified
            changed.hypotheses[i].beyondNull = changed.hypotheses[i].null == nil ? nil : false
        }
        let before = Findings.paragraphs(Self.results)[0].text, after = Findings.paragraphs(changed)[0].text
        #expect(before != after)
        #expect(after.contains("It fails under always"))
        let withNull = changed.hypotheses.filter { $0.primary && $0.hypothesis == .h1 && $0.null != nil && $0.tau != nil }
        #expect(!withNull.isEmpty)
        #expect(after.contains("0 of \(withNull.count) tests go beyond what regression to the mean gives"))
        #expect(Findings.terminalLines(changed) != Findings.terminalLines(Self.results))
    }

    @Test("a falsified fixed-threshold test is explained by its measured tau, not by a fixed sentence")
    func hittingTimeFailureFollowsTau() throws {
        var tests = Self.results.hypotheses.filter { $0.primary && $0.experiment == .fixedThreshold && $0.tau != nil }
        try #require(tests.count >= 2)
        tests = Array(tests.prefix(2))
        for i in tests.indices { tests[i].verdict = .falsified }
        tests[0].tau = -0.31
        tests[1].tau = -0.12
        let sooner = try #require(Findings.failureSentence(tests))
        #expect(sooner.contains("Larger-reach operators reached θ sooner in 2 of the 2 falsified fixed-threshold tests (tau from −0.310 to −0.120)."))
        #expect(!sooner.contains("later"))
        tests[1].tau = 0.25
        let mixed = try #require(Findings.failureSentence(tests))
        #expect(mixed.contains("Larger-reach operators reached θ sooner in 1 of the 2 falsified fixed-threshold tests (tau = −0.310)."))
        #expect(mixed.contains("Larger-reach operators reached θ later in 1 of the 2 falsified fixed-threshold tests (tau = 0.250)."))
        // A falsified fixed-length test is not a hitting time: it gets a failure sentence but none about θ,
        // and beside fixed-threshold ones it is not counted among them.
        var fixedLength = try #require(Self.results.hypotheses.first { $0.primary && $0.experiment == .fixedLength && $0.tau != nil })
        fixedLength.verdict = .falsified
        fixedLength.tau = -0.4
        let alone = try #require(Findings.failureSentence([fixedLength]))
        #expect(alone.contains("It fails under \(fixedLength.acceptance.label) with a \(fixedLength.experiment.displayName)"))
        #expect(!alone.contains("hitting time") && !alone.contains("θ"))
        let beside = try #require(Findings.failureSentence([fixedLength, tests[0]]))
        #expect(beside.contains("Larger-reach operators reached θ sooner in 1 of the 1 falsified fixed-threshold test (tau = −0.310)."))
    }

    @Test("each place of failure is its own sentence, and a failure on every metric says so")
    func failurePlaces() throws {
        let primary = Self.results.hypotheses.filter { $0.primary && $0.hypothesis == .h1 }
        let metrics = Set(primary.map(\.metric))
        try #require(metrics.count > 1)
        var tests = primary
        for i in tests.indices where tests[i].acceptance == .always && tests[i].experiment == .fixedLength && tests[i].tau != nil {
            tests[i].verdict = .falsified
        }
        let falsified = tests.filter { $0.verdict == .falsified && $0.acceptance == .always && $0.experiment == .fixedLength }
        let everywhere = try #require(Findings.failureSentence(tests))
        #expect(everywhere.contains("fails under always with a fixed path length (") && everywhere.contains("on all \(metrics.count) metrics: \(falsified.count) tests."))
        // Settings in ascending order whatever order the tests come in.
        let reversed = try #require(Findings.failureSentence(tests.reversed()))
        #expect(reversed.contains("fails under always with a fixed path length (L = 1 and L = 10)"))
        let one = metrics.sorted()[0]
        let onOne = try #require(Findings.failureSentence(tests.map { test in
            var test = test
            if test.metric != one && test.acceptance == .always && test.experiment == .fixedLength { test.verdict = .supported }
            return test
        }))
        let here = falsified.count { $0.metric == one }
        #expect(onOne.contains("fails under always with a fixed path length (") && onOne.contains("on \(one): \(here) \(here == 1 ? "test" : "tests")."))
        #expect(!onOne.contains("on all \(metrics.count) metrics: \(falsified.count) tests."))
    }

    @Test("the null sentence names the operators of each null: isotropic ones on the top 10%, all of them on all starts")
    func nullOperators() {
        let paragraphs = Findings.paragraphs(Self.results)
        let h1 = paragraphs.first { $0.hypothesis == .h1 }!.text, h3 = paragraphs.first { $0.hypothesis == .h3 }!.text
        let top = Self.results.hypotheses.first { $0.primary && $0.group == .top10 && $0.acceptance == .always && $0.experiment == .fixedLength && $0.null != nil }!
        #expect(top.null!.operators < Self.results.operators.count)
        #expect(h1.contains("exact permutations for always-accept at a fixed path length, over the \(top.null!.operators) isotropic operators"))
        #expect(h3.contains("exact permutations for always-accept at a fixed path length, over all \(Self.results.operators.count) operators"))
    }

    @Test("exact zeros are named undefined by construction, with the median and fraction tests beside them")
    func exactZeros() {
        let h3 = Findings.paragraphs(Self.results).first { $0.hypothesis == .h3 }!.text
        let zeros = Self.results.hypotheses.filter(Findings.isExactZeroTest)
        #expect(!zeros.isEmpty)
        #expect(h3.contains("undefined by construction"))
        #expect(h3.contains("The median and fraction-improved tests of the same settings give"))
        var none = Self.results
        none.hypotheses.removeAll(where: Findings.isExactZeroTest)
        #expect(!(Findings.paragraphs(none).first { $0.hypothesis == .h3 }?.text.contains("undefined by construction") ?? false))
    }

    @Test("the optimal reach sentence follows the curves")
    func optimalReach() {
        var atLow = Self.results
        for i in atLow.optimalReach.indices { if let curve = atLow.optimalReach[i].curve { atLow.optimalReach[i].reach = curve.reach[0] } }
        let curves = atLow.optimalReach.filter { $0.group == .top10 && $0.curve != nil }.count
        #expect(curves > 0)
        #expect(Findings.paragraphs(atLow)[0].text.contains("Of \(curves) smoothed curves of improvability against reach, \(curves) are best at the smallest reach of the set, 0 at the largest and 0 inside the range"))
        var inside = atLow
        for i in inside.optimalReach.indices where inside.optimalReach[i].curve != nil { inside.optimalReach[i].reach = inside.optimalReach[i].curve!.reach[20] }
        #expect(Findings.paragraphs(inside)[0].text.contains("0 are best at the smallest reach of the set, 0 at the largest and \(curves) inside the range"))
    }
}
