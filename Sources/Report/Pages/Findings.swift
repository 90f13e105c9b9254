import Analysis
import Figures
import Search
import Support

/// What the results say, in words: one paragraph per hypothesis for the index and a few lines for the
/// terminal. Every sentence is a template filled from the results; none assumes an outcome.
public enum Findings {
    /// One paragraph per hypothesis that has a primary test.
    public static func paragraphs(_ results: Results) -> [(hypothesis: Hypothesis, text: String)] {
        Hypothesis.allCases.compactMap { hypothesis in
            let tests = results.hypotheses.filter { $0.primary && $0.hypothesis == hypothesis }
            guard !tests.isEmpty else { return nil }
            var sentences = [countSentence(hypothesis, tests)]
            if let failures = failureSentence(tests) { sentences.append(failures) }
            if let undefined = undefinedSentence(hypothesis, results) { sentences.append(undefined) }
            sentences.append(nullSentence(tests, results))
            if let reach = reachSentence(hypothesis, results) { sentences.append(reach) }
            return (hypothesis, sentences.joined(separator: " "))
        }
    }

    /// The same findings in at most five lines.
    public static func terminalLines(_ results: Results) -> [String] {
        var lines = Hypothesis.allCases.compactMap { hypothesis -> String? in
            let tests = results.hypotheses.filter { $0.primary && $0.hypothesis == hypothesis }
            guard !tests.isEmpty else { return nil }
            var line = "\(hypothesis.rawValue): " + counts(tests)
            let withNull = tests.filter { $0.beyondNull != nil }
            if !withNull.isEmpty {
                line += "; beyond the permutation null \(withNull.count { $0.beyondNull == true })/\(withNull.count)"
            }
            return line
        }
        let curves = results.optimalReach.filter { $0.curve != nil && $0.reach != nil }
        let inside = curves.filter { $0.reach != $0.curve!.reach.first && $0.reach != $0.curve!.reach.last }
        if !curves.isEmpty {
            var line = "optimal reach: \(inside.count) of \(curves.count) curves peak inside the reach range"
            if let median = median(inside.compactMap(\.reach)) { line += " (median peak at reach \(NumberFormat.number(median)))" }
            lines.append(line)
        }
        return lines
    }

    static func counts(_ tests: [HypothesisTest]) -> String {
        let total = tests.count
        return Verdict.allCases.compactMap { verdict in
            let n = tests.count { $0.verdict == verdict }
            return n == 0 ? nil : "\(verdict.rawValue) \(n)/\(total)"
        }.joined(separator: ", ")
    }

    /// The supported count first, then the other verdicts: one claim per sentence.
    static func countSentence(_ hypothesis: Hypothesis, _ tests: [HypothesisTest]) -> String {
        let n = { (verdict: Verdict) in tests.count { $0.verdict == verdict } }
        var others = [n(.falsified) == 0 ? "none falsifies it" : "\(n(.falsified)) \(n(.falsified) == 1 ? "falsifies" : "falsify") it"]
        if n(.inconclusive) > 0 { others.append("\(n(.inconclusive)) \(n(.inconclusive) == 1 ? "is" : "are") inconclusive") }
        if n(.undefined) > 0 { others.append("\(n(.undefined)) \(n(.undefined) == 1 ? "is" : "are") undefined") }
        let claim = "\(hypothesis.rawValue) (\(Vocabulary.shortClaim(hypothesis))): \(n(.supported)) of \(NumberFormat.integer(tests.count)) primary tests support it."
        return n(.supported) == tests.count ? claim + " None falsifies it." : claim + " Of the others, " + list(others) + "."
    }

    /// Where it is falsified, one sentence per (acceptance, experiment) with the settings and metrics;
    /// `tests` are all the hypothesis's primary tests, so that "all metrics" can be said when it is so.
    static func failureSentence(_ tests: [HypothesisTest]) -> String? {
        let falsified = tests.filter { $0.verdict == .falsified }
        guard !falsified.isEmpty else { return nil }
        struct Place: Hashable {
            var acceptance: String
            var experiment: Experiment
        }
        let allMetrics = tests.uniqueKeys(\.metric).count
        let places = falsified.uniqueKeys { Place(acceptance: $0.acceptance.label, experiment: $0.experiment) }
        var sentences = places.prefix(3).enumerated().map { index, place -> String in
            let here = falsified.filter { $0.acceptance.label == place.acceptance && $0.experiment == place.experiment }
            let metrics = here.uniqueKeys(\.metric)
            // Path lengths ascending, then thresholds ascending, whatever order the tests come in.
            let settings = here.sorted { ($0.pathLength ?? .max, $0.threshold ?? 0) < ($1.pathLength ?? .max, $1.threshold ?? 0) }
                .uniqueKeys { $0.setting.displayName }
            let on = allMetrics > 1 && metrics.count == allMetrics ? "all \(allMetrics) metrics" : list(metrics.prefix(3).map { $0 }, more: metrics.count - 3)
            return "It \(index == 0 ? "" : "also ")fails under \(place.acceptance) with a \(place.experiment.displayName) (\(list(settings.prefix(4).map { $0 }, more: settings.count - 4))) on \(on): \(here.count) \(here.count == 1 ? "test" : "tests")."
        }
        if places.count > 3 { sentences.append("It fails in \(places.count - 3) more combinations of rule and experiment.") }
        if let hitting = hittingTimeFailureSentence(falsified) { sentences.append(hitting) }
        return sentences.joined(separator: " ")
    }

    /// What the falsified fixed-threshold tests measured: their statistic is the mean hitting time, so the
    /// sign of tau says whether larger-reach operators reached θ sooner or later there.
    static func hittingTimeFailureSentence(_ falsified: [HypothesisTest]) -> String? {
        let taus = falsified.filter { $0.experiment == .fixedThreshold }.compactMap(\.tau)
        guard !taus.isEmpty else { return nil }
        let of = "of the \(taus.count) falsified fixed-threshold \(taus.count == 1 ? "test" : "tests")"
        let outcomes = [("sooner", taus.filter { $0 < 0 }), ("later", taus.filter { $0 > 0 })].compactMap { word, here -> String? in
            here.isEmpty ? nil : "Larger-reach operators reached θ \(word) in \(here.count) \(of) (\(tauRange(here)))."
        }
        return (["With a fixed threshold the statistic is the mean hitting time (the restricted mean up to the cap where Monte Carlo walks stayed censored)."]
            + outcomes).joined(separator: " ")
    }

    static func tauRange(_ taus: [Double]) -> String {
        let low = taus.min()!, high = taus.max()!
        return low == high ? "tau = \(NumberFormat.number(low))" : "tau from \(NumberFormat.number(low)) to \(NumberFormat.number(high))"
    }

    /// Exact zeros by construction, and what the median and fraction tests say beside them.
    static func undefinedSentence(_ hypothesis: Hypothesis, _ results: Results) -> String? {
        let all = results.hypotheses.filter { $0.hypothesis == hypothesis }
        let zeros = all.filter(isExactZeroTest)
        guard !zeros.isEmpty else { return nil }
        let undefined = zeros.filter { $0.verdict == .undefined }
        let partial = zeros.filter { $0.nonZeroOperators != nil }
        var sentences = ["Under always-accept the mean improvability over all cells is exactly 0, undefined by construction, for every operator that leaves the uniform distribution stationary."]
        if !undefined.isEmpty {
            sentences.append("\(undefined.count) \(undefined.count == 1 ? "test is" : "tests are") undefined because every operator's mean is exactly 0.")
        }
        if let first = partial.first, let nonZero = first.nonZeroOperators {
            sentences.append("In \(partial.count) \(partial.count == 1 ? "test" : "tests") tau rests on the \(NumberFormat.integer(nonZero)) of \(NumberFormat.integer(first.n)) operators that do not preserve it; their verdicts: \(counts(partial)).")
        }
        let keys = Set(zeros.map(\.settingKey))
        let beside = all.filter { !$0.primary && keys.contains($0.settingKey) && $0.reachMeasure == .reach
            && ($0.improvabilityStatistic == .medianImprovability || $0.improvabilityStatistic == .fractionImproved) }
        if !beside.isEmpty { sentences.append("The median and fraction-improved tests of the same settings give " + counts(beside) + ".") }
        return sentences.joined(separator: " ")
    }

    /// A primary always-accept test of the mean over all cells: exact zeros for every stationary operator.
    static func isExactZeroTest(_ test: HypothesisTest) -> Bool {
        test.primary && test.acceptance == .always && test.group == .all && test.experiment == .fixedLength
            && test.improvabilityStatistic == .meanImprovability && (test.verdict == .undefined || test.nonZeroOperators != nil)
    }

    /// How the tests compare with their permutation nulls, overall and by acceptance rule, and which nulls they are.
    static func nullSentence(_ tests: [HypothesisTest], _ results: Results) -> String {
        let withNull = tests.filter { $0.null != nil && $0.tau != nil }
        guard !withNull.isEmpty else {
            return "No primary test of it has a permutation null (see Methods)."
        }
        let beyond = withNull.count { $0.beyondNull == true }
        var sentences = ["\(beyond) of \(withNull.count) tests go beyond what regression to the mean gives on permuted landscapes.",
                         "The null tau averages \(range(withNull.map { $0.null!.meanTau })); the landscape gives \(range(withNull.map { $0.null!.observedTau }))."]
        let rules = withNull.uniqueKeys(\.acceptance.label)
        if rules.count > 1 {
            sentences.append("Beyond it by rule: " + list(rules.map { rule in
                let here = withNull.filter { $0.acceptance.label == rule }
                return "\(rule) \(here.count { $0.beyondNull == true })/\(here.count)"
            }) + ".")
        }
        let coverage = NullCoverage(withNull)
        var sources: [String] = []
        if let null = coverage.spectralGroups ?? coverage.spectralAllStarts {
            sources.append("\(NumberFormat.integer(null.replicates)) exact permutations for always-accept at a fixed path length, over \(list(coverage.spectralOperatorsDisplayName))")
        }
        for (tests, null) in [("always-accept at a fixed threshold", coverage.walkedAlways), ("the fitness-dependent rules", coverage.walkedFitnessDependent)] {
            guard let null else { continue }
            sources.append("\(NumberFormat.integer(null.replicates)) for \(tests), walked by \(NumberFormat.integer(null.operators)) operators stratified by reach")
        }
        if !sources.isEmpty { sentences.append("The nulls: " + sources.joined(separator: "; ") + ".") }
        return sentences.joined(separator: " ")
    }

    /// Where the best reach lies: at the smallest or largest reach of the set, or inside (then by rule).
    static func reachSentence(_ hypothesis: Hypothesis, _ results: Results) -> String? {
        let curves = results.optimalReach.filter { $0.group == hypothesis.group && $0.curve != nil && $0.reach != nil }
        guard !curves.isEmpty else { return nil }
        let atLow = curves.filter { $0.reach == $0.curve!.reach.first }, atHigh = curves.filter { $0.reach == $0.curve!.reach.last }
        let inside = curves.filter { $0.reach != $0.curve!.reach.first && $0.reach != $0.curve!.reach.last }
        let monotone = curves.count { $0.monotone == true }
        var sentence = "Of \(curves.count) smoothed curves of improvability against reach, \(atLow.count) are best at the smallest reach of the set, \(atHigh.count) at the largest and \(inside.count) inside the range."
            + " \(monotone) of them are monotone within their bootstrap band."
        guard !inside.isEmpty else { return sentence }
        let rules = inside.uniqueKeys(\.acceptance.label)
        let parts = rules.prefix(4).map { rule -> String in
            let here = inside.filter { $0.acceptance.label == rule }
            return "\(rule) \(NumberFormat.number(median(here.compactMap(\.reach))!)) (\(here.count) \(here.count == 1 ? "curve" : "curves"))"
        }
        sentence += " The median reach of the inside peaks is " + list(parts, more: rules.count - 4) + "."
        return sentence
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    static func range(_ values: [Double]) -> String {
        let low = values.min()!, high = values.max()!
        return low == high ? NumberFormat.number(low) : "\(NumberFormat.number(low)) to \(NumberFormat.number(high))"
    }

    static func list(_ items: [String], more: Int = 0) -> String {
        var items = items
        if more > 0 { items.append("\(more) more") }
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
