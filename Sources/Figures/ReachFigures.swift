import Analysis
import Support
import Search
import Plotting

extension FigureBuilder {
    /// Small multiples of reach against mean improvability: groups (rows) × shown path lengths
    /// (columns), one point per operator coloured by family, tau and verdict in each panel.
    func reachVsImprovability(metric: String, acceptance: AcceptanceRule) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let lengths = FigureCatalog.shownPathLengths(data.results.configuration.pathLengths)
        let panels = reachVsImprovabilitySettings(metric: metric, acceptance: acceptance).enumerated().map { index, setting -> Panel in
            let (row, column) = (index / max(1, lengths.count), index % max(1, lengths.count))
            var marks = operatorPoints(setting.points, y: { $0.meanImprovability! })
            if !setting.points.isEmpty {
                marks.append(.annotation(TextAnnotation(FigureStyle.tauText(data.test(metric: metric, acceptance: acceptance,
                                                                                      setting: .pathLength(setting.length), group: setting.hypothesis.group)),
                                                        corner: .topRight)))
            }
            return Panel(
                title: "\(setting.hypothesis.group.displayName) · L = \(setting.length)",
                x: Axis(label: row == Hypothesis.allCases.count - 1 ? FigureStyle.reachLabel : ""),
                y: Axis(label: column == 0 ? FigureStyle.improvabilityLabel : "",
                        range: FigureStyle.rangeWithHeadroom(setting.points.compactMap(\.meanImprovability))),
                marks: marks).notingMissingData()
        }
        return (panels, max(1, lengths.count), FigureStyle.familyLegend(FigureStyle.families(of: data.results.operators)))
    }

    /// The panels of `reachVsImprovability` in order (groups by rows, shown path lengths by columns), each
    /// with the records it plots: those with a finite mean improvability.
    private func reachVsImprovabilitySettings(metric: String, acceptance: AcceptanceRule)
        -> [(hypothesis: Hypothesis, length: Int, points: [ImprovabilityRecord])] {
        let lengths = FigureCatalog.shownPathLengths(data.results.configuration.pathLengths)
        return Hypothesis.allCases.flatMap { hypothesis in
            lengths.map { length in
                let records = data.records(metric: metric, acceptance: acceptance, setting: .pathLength(length), group: hypothesis.group)
                return (hypothesis, length, records.filter { $0.meanImprovability?.isFinite == true })
            }
        }
    }

    /// Mean hitting time against reach under always-accept, one panel per threshold and group, with the
    /// Monte Carlo cap marked: a mean at the cap is a lower bound.
    func hittingTime(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let cap = data.results.configuration.monteCarlo.hittingTimeCap
        var panels: [Panel] = hittingTimeSettings(metric: metric).map { setting in
            let points = setting.points
            var marks = operatorPoints(points, y: { $0.meanHittingTime! })
            var shown = points.compactMap(\.meanHittingTime)
            // Only Monte Carlo walks are capped, and only they report a censored fraction.
            if points.contains(where: { $0.censoredFraction != nil }) {
                marks.insert(.rule(RuleMark(.horizontal, at: Double(cap), label: "cap \(cap) iterations", color: .gray)), at: 0)
                shown.append(Double(cap))
            }
            if !points.isEmpty {
                let test = data.test(metric: metric, acceptance: .always, setting: .threshold(label: setting.label), group: setting.hypothesis.group)
                marks.append(.annotation(TextAnnotation(FigureStyle.tauText(test), corner: .topRight)))
            }
            return Panel(title: "θ = \(setting.label) · \(setting.hypothesis.group.displayName)", x: Axis(label: FigureStyle.reachLabel),
                         y: Axis(label: FigureStyle.hittingTimeLabel, scale: .log,
                                 range: FigureStyle.rangeWithHeadroom(shown, log: true)),
                         marks: marks).notingMissingData()
        }
        if panels.isEmpty {
            panels = [Panel(x: Axis(label: FigureStyle.reachLabel), y: Axis(label: FigureStyle.hittingTimeLabel, scale: .log)).notingMissingData()]
        }
        return (panels, min(3, panels.count), FigureStyle.familyLegend(FigureStyle.families(of: data.results.operators)))
    }

    /// The panels of `hittingTime` in order (thresholds, then groups), each with the records it plots:
    /// those with a finite mean hitting time.
    private func hittingTimeSettings(metric: String) -> [(label: String, hypothesis: Hypothesis, points: [ImprovabilityRecord])] {
        data.thresholdSettings(metric: metric).map { setting in
            let records = data.records(metric: metric, acceptance: .always, setting: .threshold(label: setting.label), group: setting.hypothesis.group)
            return (setting.label, setting.hypothesis, records.filter { $0.meanHittingTime?.isFinite == true })
        }
    }

    /// The operator points of each panel of a reach scatter figure, in panel order, and the value each
    /// point shows up the y axis (x is the record's reach); nil for figures of other kinds. The figure
    /// and its point-data file (`ScatterDataFile`) both read them, so the two cannot disagree.
    func operatorScatter() -> (panels: [[ImprovabilityRecord]], y: (ImprovabilityRecord) -> Double)? {
        let metric = entry.metric ?? ""
        switch entry.kind {
        case .reachVsImprovability:
            return (reachVsImprovabilitySettings(metric: metric, acceptance: entry.acceptance ?? .always).map { $0.points }, { $0.meanImprovability! })
        case .hittingTime:
            return (hittingTimeSettings(metric: metric).map { $0.points }, { $0.meanHittingTime! })
        default:
            return nil
        }
    }

    /// One point per operator, one mark per family in its colour and marker. Families are drawn
    /// largest first; a family with at most a tenth of the largest one's operators (the k-edit and
    /// uniform anchors) is drawn last, larger, opaque and with a halo, so the large ones do not bury it.
    private func operatorPoints(_ points: [ImprovabilityRecord], y: (ImprovabilityRecord) -> Double) -> [Mark] {
        let families = FigureStyle.families(of: data.results.operators)
        let byFamily = Dictionary(grouping: points, by: \.family)
        let largest = byFamily.values.map(\.count).max() ?? 0
        let isSmall = { (family: OperatorFamily) in byFamily[family]!.count * 10 <= largest }
        let order = byFamily.keys.sorted { a, b in
            if isSmall(a) != isSmall(b) { return !isSmall(a) }
            if byFamily[a]!.count != byFamily[b]!.count { return byFamily[a]!.count > byFamily[b]!.count }
            return (families.firstIndex(of: a) ?? .max) < (families.firstIndex(of: b) ?? .max)
        }
        return order.map { family in
            let records = byFamily[family]!
            let small = isSmall(family)
            return .scatter(ScatterMark(x: records.map(\.reach), y: records.map(y), color: FigureStyle.familyColor(family),
                                        radius: small ? 3.6 : 2.4, alpha: small ? 1 : 0.6,
                                        shape: FigureStyle.familyMarker(family), halo: small ? 1.2 : 0))
        }
    }
}
