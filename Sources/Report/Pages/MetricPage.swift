import Support
import Analysis
import Search
import Figures

extension ReportContent {
    /// One metric: its distribution, H3's precondition, the top/bottom 10% breakdowns and its landscape's locality.
    func metricPage(_ metric: MetricSummary) -> Page {
        var sections = [
            Section("Distribution", figureBlocks(.distribution, metric: metric.id) + [.table(distributionTable(metric))]),
            Section("H3 precondition", [.paragraph(Vocabulary.h3Precondition(metric))]),
            Section("Top and bottom 10%", breakdownBlocks(metric) + figureBlocks(.topBottomBreakdown, metric: metric.id)),
            Section("Improvability by path length", figureBlocks(.improvabilityByPathLength, metric: metric.id)),
            Section("Fourier orders behind H1 and H2", spectralSentence(metric.id).map { [.paragraph($0)] + figureBlocks(.spectralShares, metric: metric.id) } ?? []),
            Section("Optimal reach", results.optimalReach.contains { $0.metric == metric.id }
                ? [.paragraph("Which reach gives the most improvability, per acceptance rule and path length: the peak of a kernel-smoothed curve of mean improvability against reach, with bootstrap bands over operators (Methods). The curves themselves are drawn over the operators on the reach scatters of the hypothesis pages.")]
                    + figureBlocks(.optimalReachByPathLength, metric: metric.id)
                : []),
        ]
        if let landscape = results.landscape[metric.id] {
            sections += localitySections(landscape, metric: metric.id)
            if let layout = landscape.isomorphism { sections.append(isomorphismSection(layout, metric: metric.id)) }
        } else {
            sections.append(Section("Locality", [.paragraph("This results file holds no landscape summary for this metric.")]))
        }
        return Page(path: Vocabulary.metricPath(metric), title: metric.id, breadcrumbs: Self.home, intro: [
            "Dataset \(metric.dataset), split \(metric.split)" + (metric.epochs.map { ", \($0) epochs" } ?? "")
                + " (source column \(metric.column)): \(NumberFormat.integer(metric.count)) cells, accuracies in percent.",
        ], sections: sections.filter { !$0.blocks.isEmpty })
    }

    /// Which Fourier orders carry the mean improvability of the top and bottom 10% at the shortest path length.
    func spectralSentence(_ metric: String) -> String? {
        guard let parts = results.spectral.first(where: { $0.metric == metric })?.decompositions.filter({ $0.operatorLabel == "isotropic-mean" }),
              let length = parts.map(\.pathLength).min() else { return nil }
        let clauses = [(StartGroupID.top10, "H1"), (.bottom10, "H2")].compactMap { group, hypothesis -> String? in
            guard let part = parts.first(where: { $0.group == group && $0.pathLength == length }), part.meanImprovability != 0 else { return nil }
            let orders = part.carryingOrders
            let share = orders.reduce(0.0) { $0 + part.contributions[$1 - 1] } / part.meanImprovability
            return "order\(orders.count == 1 ? "" : "s") \(orders.map(String.init).joined(separator: ", ")) carr\(orders.count == 1 ? "ies" : "y") \(NumberFormat.number(100 * share))% of the \(group.displayName) mean improvability (\(hypothesis), \(NumberFormat.number(part.meanImprovability)) points per iteration)" + (share > 1 ? ", the other orders pulling the other way" : "")
        }
        guard let first = parts.first, !clauses.isEmpty else { return nil }
        return "Under always-accept at L = \(length), averaged over the \(NumberFormat.integer(first.operators)) isotropic operators, " + clauses.joined(separator: "; ") + ". Order 1 is what single edges do on their own; higher orders are interactions of edges."
    }

    func distributionTable(_ metric: MetricSummary) -> Table {
        let rows: [(String, Table.Cell)] = [
            ("Cells", .integer(metric.count)),
            ("Minimum", .accuracy(metric.min)),
            ("Mean", .accuracy(metric.mean)),
            ("Median", .accuracy(metric.median)),
            ("Maximum", .accuracy(metric.max)),
            ("Standard deviation", .accuracy(metric.standardDeviation)),
            ("Skewness (biased sample skewness)", .number(metric.skewness)),
            ("10th percentile (bottom 10% cut-off)", .accuracy(metric.q10)),
            ("90th percentile (top 10% cut-off)", .accuracy(metric.q90)),
            ("Share of cells above the mean", .percent(metric.shareAboveMean)),
        ]
        return Table(caption: "Summary of \(metric.id)", columns: ["Statistic", "Value"],
                     rows: rows.map { Table.Row(header: Table.Cell($0.0), cells: [$0.1]) })
    }

    /// The acceptance rule and path length the breakdowns are shown for: always-accept (else the first
    /// rule) at the smallest path length, where the operators differ most.
    func breakdownSetting(_ metric: String) -> (acceptance: AcceptanceRule, pathLength: Int)? {
        let ofMetric = results.breakdowns.filter { $0.metric == metric }
        let rules = ofMetric.uniqueKeys(\.acceptance)
        guard let acceptance = rules.contains(.always) ? .always : rules.first,
              let pathLength = ofMetric.filter({ $0.acceptance == acceptance }).map(\.pathLength).min() else { return nil }
        return (acceptance, pathLength)
    }

    /// The lower end of a reach band `a–b`.
    static func bandStart(_ key: String) -> Int {
        Int(key.prefix { $0.isNumber }) ?? 0
    }

    func breakdownBlocks(_ metric: MetricSummary) -> [Block] {
        guard let setting = breakdownSetting(metric.id) else {
            return [.paragraph("This results file holds no breakdowns for this metric.")]
        }
        let shown = results.breakdowns.filter {
            $0.metric == metric.id && $0.acceptance == setting.acceptance && $0.pathLength == setting.pathLength
        }
        var blocks: [Block] = [.paragraph(
            "Improvability of the operators with \(setting.acceptance.label) acceptance at path length L = \(setting.pathLength), starting from the top 10% and from the bottom 10% of cells, grouped by operator family and by reach band (reach a–b: from a up to, not including, b; 6 falls in 5–6). Mean and median are over the operators' group-mean improvability (accuracy points per iteration); the fraction improved is the average over the operators of the share of starts whose expected accuracy rises.")]
        for group in [StartGroupID.top10, .bottom10] {
            for (by, label) in [(Breakdown.Dimension.family, "Family"), (.reachBand, "Reach band")] {
                // Reach bands read in order of reach; families in the order the operator set lists them.
                let rows = shown.filter { $0.group == group && $0.by == by }
                    .sorted { by == .reachBand && Self.bandStart($0.key) < Self.bandStart($1.key) }
                guard !rows.isEmpty else { continue }
                blocks.append(.table(Table(
                    caption: "\(metric.id), \(group.displayName), by \(label.lowercased()) (\(setting.acceptance.label), L = \(setting.pathLength))",
                    columns: [label, "Operators", "Mean improvability", "Median improvability", "Fraction improved"],
                    rows: rows.map { row in
                        Table.Row(header: Table.Cell(row.key), cells: [
                            .integer(row.operators), .number(row.meanImprovability), .number(row.medianImprovability),
                            .number(row.fractionImproved),
                        ])
                    })))
            }
        }
        return blocks
    }
}
