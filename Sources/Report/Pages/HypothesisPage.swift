import Support
import Analysis
import Figures
import Search

extension ReportContent {
    /// The caption of the primary-test table of one acceptance rule: also the verdict grids' link target.
    static func evidenceCaption(acceptance: AcceptanceRule) -> String {
        "Primary tests under \(acceptance.label)"
    }

    /// The verdicts at a glance, the claim, one section per acceptance rule with its primary tests (the
    /// further tests folded beneath), then per metric the optimal reach and the figures.
    func hypothesisPage(_ hypothesis: Hypothesis) -> Page {
        var claim: [Block] = [
            .paragraph(Vocabulary.claim(hypothesis)),
            .paragraph("For the fixed-threshold experiment improvability is the mean hitting time, where shorter means more improvable, so the predicted sign of tau is the opposite one; where Monte Carlo walks stayed censored at the largest cap, the value is the restricted mean up to that cap (column hittingTimeEstimator of tables/improvability.csv), a lower bound of the mean. The primary test of a setting correlates reach with the mean statistic; the further tests use the median improvability, the fraction of improving starts and, for fitness-dependent acceptance rules, the effective reach. All are in the Holm family."),
        ]
        if hypothesis == .h3 {
            claim.append(.paragraph("H3 presupposes many accurate architectures. Whether that holds, per metric:"))
            claim.append(.definitions(results.metrics.map { Definition($0.id, Vocabulary.h3Precondition($0)) }))
        }
        let tests = results.hypotheses.filter { $0.hypothesis == hypothesis }
        let ruleSections = tests.uniqueKeys(\.acceptance).map { rule in
            let ofRule = tests.filter { $0.acceptance == rule }
            var blocks: [Block] = [.table(testTable(ofRule.filter(\.primary), primary: true, caption: Self.evidenceCaption(acceptance: rule)))]
            let further = ofRule.filter { !$0.primary }
            if !further.isEmpty {
                var table = testTable(further, primary: false, caption: "Further tests under \(rule.label)")
                let statistics = further.uniqueKeys(\.statistic.displayName).joined(separator: ", ")
                table.foldedSummary = "Further tests under \(rule.label): \(NumberFormat.integer(further.count)) rows (\(statistics))"
                blocks.append(.table(table))
            }
            return Section("Acceptance: \(rule.label)", blocks)
        }
        let metricSections = results.metrics.compactMap { metric -> Section? in
            let reach = results.optimalReach.filter { $0.metric == metric.id && $0.group == hypothesis.group }
            var reachTable = optimalReachTable(reach, caption: "\(metric.id): optimal reach, \(hypothesis.group.displayName)")
            // One row per rule, setting and statistic: the figures show the curves, the table backs them up.
            reachTable.foldedSummary = "Optimal reach of \(metric.id), \(hypothesis.group.displayName): \(NumberFormat.integer(reach.count)) rows"
            let blocks = (reach.isEmpty ? [] : [Block.table(reachTable)])
                + figureBlocks(.reachVsImprovability, metric: metric.id, linkedFrom: tests)
                + figureBlocks(.hittingTime, metric: metric.id, linkedFrom: tests)
            return blocks.isEmpty ? nil : Section("\(metric.id): optimal reach and figures", blocks)
        }
        let primary = tests.filter(\.primary)
        func verdicts(linkingInto page: Page?) -> Section {
            let anchors = page?.tableAnchorsByCaption ?? [:]
            let lines = VerdictGrid.lines(primary, combinations: VerdictGrid.combinations(primary), metrics: results.metrics.map(\.id)) { combination in
                Vocabulary.hypothesisPath(hypothesis) + (anchors[Self.evidenceCaption(acceptance: combination.acceptance)].map { "#" + $0 } ?? "")
            }
            let table = Table(caption: "Verdicts of the primary tests of \(hypothesis.rawValue) by experiment, acceptance rule and metric",
                              columns: ["Experiment", "Acceptance"] + results.metrics.map(\.id), rows: lines.map { line in
                Table.Row(header: Table.Cell(line.combination.experiment.displayName), cells: [Table.Cell(line.combination.acceptance.label)] + line.cells)
            })
            return Section("Verdicts", lines.isEmpty ? [.paragraph("This results file holds no test of \(hypothesis.rawValue).")] : [
                .paragraph("Each cell counts the verdicts of the primary tests over the settings of one experiment and links to them."),
                .table(table),
            ])
        }
        var page = Page(path: Vocabulary.hypothesisPath(hypothesis), title: "\(hypothesis.rawValue): \(Vocabulary.shortClaim(hypothesis))",
                        breadcrumbs: Self.home, intro: ["Every Kendall test of \(hypothesis.rawValue) in this report, per acceptance rule, metric, experiment and setting, with the figures that show them."],
                        sections: [verdicts(linkingInto: nil), Section("Claim", claim)] + ruleSections + metricSections)
        // Links only change no id, so the grid can link the anchors of the page it heads.
        page.sections[0] = verdicts(linkingInto: page)
        return page
    }

    /// Kendall tests of one acceptance rule, one row per test; primary tables carry the disattenuated tau
    /// and reliability of Monte Carlo values, the bootstrap interval and the null, further ones name the test.
    /// A primary row links its setting to the figure panel that shows it, and the panel links back to the row.
    func testTable(_ tests: [HypothesisTest], primary: Bool, caption: String) -> Table {
        let confidence = Vocabulary.plain(100 * results.configuration.confidence) + "% CI"
        let columns = ["Metric", "Experiment", "Setting"] + (primary ? [] : ["Test"])
            + ["n", "τ"] + (primary ? ["τ disattenuated", "Reliability"] : []) + ["p", "p (1-sided)", "p (Holm)"] + (primary ? [confidence, "Null τ (mean ± SD)", "p (null)"] : []) + ["Verdict", "Note"]
        return Table(caption: caption, columns: columns, rows: tests.map { test in
            var setting = Table.Cell(test.setting.displayName)
            if primary, let figure = figureShowing(test) {
                setting.link = "#" + Self.panelAnchor(of: test, in: figure)
            }
            var cells: [Table.Cell] = [Table.Cell(test.experiment.displayName), setting]
            if !primary { cells.append(Table.Cell(test.statistic.displayName)) }
            cells += [.integer(test.n), .number(test.tau)]
            // Monte Carlo values only: how much noise attenuated tau, and tau corrected for it.
            if primary { cells += [.number(test.tauDisattenuated), .number(test.reliability)] }
            cells += [.pValue(test.pValue), .pValue(test.pOneSided), .pValue(test.pAdjusted)]
            if primary {
                cells.append(.interval(test.ciLower, test.ciUpper))
                cells.append(Table.Cell(test.null.map { "\(NumberFormat.number($0.meanTau)) ± \(NumberFormat.number($0.sdTau))" } ?? NumberFormat.missing))
                cells.append(.pValue(test.null?.pValue))
            }
            cells += [.verdict(test.verdict, beyondNull: test.beyondNull), .note(note(test))]
            return Table.Row(header: Table.Cell(test.metric), cells: cells, id: primary ? Self.rowID(of: test) : nil)
        })
    }

    /// The element id of a primary test's row on its hypothesis page (one group per page, one primary
    /// statistic per setting: metric, rule and setting tell the rows apart).
    static func rowID(of test: HypothesisTest) -> String {
        "test-" + Slug.make("\(test.metric) \(test.acceptance.label) \(test.setting.displayName)", fallback: "row")
    }

    /// The figure with a panel for `test`'s setting and group, if the page shows it: the reach scatter of its
    /// rule for a fixed length, the hitting-time figure of its rule for a threshold.
    func figureShowing(_ test: HypothesisTest) -> FigureEntry? {
        let kind: FigureEntry.Kind = test.experiment == .fixedLength ? .reachVsImprovability : .hittingTime
        return figures.first { $0.kind == kind && $0.metric == test.metric && $0.acceptance == test.acceptance }
            .flatMap { $0.hasPanel(for: test.setting, pathLengths: results.configuration.pathLengths) ? $0 : nil }
    }

    /// The id of the element that stands for `test`'s panel inside `figure` on the page.
    static func panelAnchor(of test: HypothesisTest, in figure: FigureEntry) -> String {
        "panel-" + Slug.make(figure.path.replacingOccurrences(of: "figures/", with: ""), fallback: "figure")
            + "-" + FigurePanelKey.of(setting: test.setting, group: test.group)
    }

    /// The figure blocks of `kind` for `metric`, each holding the anchors of the panels that `tests`' rows link to.
    func figureBlocks(_ kind: FigureEntry.Kind, metric: String, linkedFrom tests: [HypothesisTest]) -> [Block] {
        figureBlocks(kind, metric: metric).map { block in
            guard case .figure(var figure) = block else { return block }
            figure.panels = tests.compactMap { test in
                guard test.primary, let entry = figureShowing(test), entry.path == figure.basePath else { return nil }
                return FigureRef.PanelAnchor(id: Self.panelAnchor(of: test, in: entry), key: FigurePanelKey.of(setting: test.setting, group: test.group),
                                             rowID: Self.rowID(of: test))
            }
            return .figure(figure)
        }
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
        if let null = test.null, null.operators < test.n {
            return "null over \(NumberFormat.integer(null.operators)) of the \(NumberFormat.integer(test.n)) operators, observed τ there \(NumberFormat.number(null.observedTau))"
        }
        if let nonZero = test.nonZeroOperators {
            let why = test.acceptance == .always && test.group == .all ? " (stationary, see Methods)" : ""
            return "\(NumberFormat.integer(nonZero)) of \(NumberFormat.integer(test.n)) non-zero, \(NumberFormat.integer(test.n - nonZero)) exactly 0\(why)"
        }
        return ""
    }
}
