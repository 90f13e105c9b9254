import Support
import Analysis
import Figures
import Search

extension ReportContent {
    /// The caption of the primary-test table of one metric and experiment: also the index's link target.
    static func evidenceCaption(metric: String, experiment: Experiment) -> String {
        "\(metric), \(experiment.displayName): primary tests"
    }

    static func furtherTestsCaption(metric: String, experiment: Experiment) -> String {
        "\(metric), \(experiment.displayName): further tests"
    }

    /// What the hypothesis claims and every Kendall test of it, one section per metric.
    func hypothesisPage(_ hypothesis: Hypothesis) -> Page {
        var claim: [Block] = [
            .paragraph(Vocabulary.claim(hypothesis)),
            .paragraph("For the fixed-threshold experiment improvability is the mean hitting time, where shorter means more improvable, so the predicted sign of tau is the opposite one. The primary test of a setting correlates reach with the mean statistic; the further tests use the median improvability, the fraction of improving starts and, for fitness-dependent acceptance rules, the effective reach. All are in the Holm family."),
        ]
        if hypothesis == .h3 {
            claim.append(.paragraph("H3 presupposes many accurate architectures. Whether that holds, per metric:"))
            claim.append(.definitions(results.metrics.map { Definition($0.id, Vocabulary.h3Precondition($0)) }))
        }
        let tests = results.hypotheses.filter { $0.hypothesis == hypothesis }
        let metricSections = results.metrics.map { metric in
            let ofMetric = tests.filter { $0.metric == metric.id }
            var blocks: [Block] = []
            for experiment in Experiment.allCases where ofMetric.contains(where: { $0.experiment == experiment }) {
                let ofExperiment = ofMetric.filter { $0.experiment == experiment }
                blocks.append(.table(testTable(ofExperiment.filter(\.primary), primary: true,
                                               caption: Self.evidenceCaption(metric: metric.id, experiment: experiment))))
                let further = ofExperiment.filter { !$0.primary }
                if !further.isEmpty {
                    blocks.append(.table(testTable(further, primary: false,
                                                   caption: Self.furtherTestsCaption(metric: metric.id, experiment: experiment))))
                }
            }
            if blocks.isEmpty { blocks.append(.paragraph("This results file holds no test of \(hypothesis.rawValue) for this metric.")) }
            let reach = results.optimalReach.filter { $0.metric == metric.id && $0.group == hypothesis.group }
            if !reach.isEmpty { blocks.append(.table(optimalReachTable(reach, caption: "\(metric.id): optimal reach, \(hypothesis.group.displayName)"))) }
            blocks += figureBlocks(.reachVsImprovability, metric: metric.id) + figureBlocks(.hittingTime, metric: metric.id)
            return Section(metric.id, blocks)
        }
        return Page(path: Vocabulary.hypothesisPath(hypothesis), title: "\(hypothesis.rawValue): \(Vocabulary.shortClaim(hypothesis))",
                    breadcrumbs: Self.home, intro: ["Every Kendall test of \(hypothesis.rawValue) in this report, per metric, experiment, acceptance rule and setting, with the figures that show them."],
                    sections: [Section("Claim", claim)] + metricSections)
    }

    /// Kendall tests, one row per test; primary tables carry the bootstrap interval, further ones name the test.
    func testTable(_ tests: [HypothesisTest], primary: Bool, caption: String) -> Table {
        let confidence = Vocabulary.plain(100 * results.configuration.confidence) + "% CI"
        let columns = ["Acceptance", "Setting"] + (primary ? [] : ["Test"])
            + ["n", "τ", "p", "p (1-sided)", "p (Holm)"] + (primary ? [confidence, "Null τ (mean ± SD)", "p (null)"] : []) + ["Verdict", "Note"]
        return Table(caption: caption, columns: columns, rows: tests.map { test in
            var cells: [Table.Cell] = [Table.Cell(test.setting.displayName)]
            if !primary { cells.append(Table.Cell(test.statistic.displayName)) }
            cells += [.integer(test.n), .number(test.tau), .pValue(test.pValue), .pValue(test.pOneSided), .pValue(test.pAdjusted)]
            if primary {
                cells.append(.interval(test.ciLower, test.ciUpper))
                cells.append(Table.Cell(test.null.map { "\(NumberFormat.number($0.meanTau)) ± \(NumberFormat.number($0.sdTau))" } ?? NumberFormat.missing))
                cells.append(.pValue(test.null?.pValue))
            }
            cells += [.verdict(test.verdict, beyondNull: test.beyondNull), .note(note(test))]
            return Table.Row(header: Table.Cell(test.acceptance.label), cells: cells)
        })
    }

    /// The reach at the peak of each setting's smoothed curve, with its bootstrap interval.
    func optimalReachTable(_ entries: [OptimalReach], caption: String) -> Table {
        Table(caption: caption, columns: ["Acceptance", "Setting", "Statistic", "n", "Optimal reach", "Interval", "Curve", "Note"],
              rows: entries.map { entry in
                  let shape = entry.monotone.map { $0 ? "monotone within its band" : "not monotone" } ?? NumberFormat.missing
                  return Table.Row(header: Table.Cell(entry.acceptance.label), cells: [
                      Table.Cell(entry.setting.displayName), Table.Cell(entry.statistic.improvability.displayName), .integer(entry.n),
                      .number(entry.reach), .interval(entry.ciLower, entry.ciUpper), Table.Cell(shape), .note(entry.reason ?? ""),
                  ])
              })
    }

    /// Why a test is undefined, or which operators carry a tau computed over exact zeros.
    private func note(_ test: HypothesisTest) -> String {
        if let reason = test.reason { return reason }
        if let null = test.null, null.observedTau != test.tau {
            return "null over the \(NumberFormat.integer(null.operators)) isotropic operators, observed τ there \(NumberFormat.number(null.observedTau))"
        }
        if let nonZero = test.nonZeroOperators {
            let why = test.acceptance == .always && test.group == .all ? " (stationary, see Methods)" : ""
            return "\(NumberFormat.integer(nonZero)) of \(NumberFormat.integer(test.n)) non-zero, \(NumberFormat.integer(test.n - nonZero)) exactly 0\(why)"
        }
        return ""
    }
}
