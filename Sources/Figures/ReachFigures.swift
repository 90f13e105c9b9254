import Analysis
import Support
import Search
import Plotting

extension FigureBuilder {
    /// Small multiples of reach against mean improvability: groups (rows) × shown path lengths
    /// (columns), one point per operator coloured by family, tau and verdict in each panel, and over the
    /// points the smoothed mean improvability against reach with its bootstrap band and its peak (the
    /// optimal reach), so the cloud and the answer read together.
    func reachVsImprovability(metric: String, acceptance: AcceptanceRule) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let lengths = FigureCatalog.shownPathLengths(data.results.configuration.pathLengths)
        let panels = reachVsImprovabilitySettings(metric: metric, acceptance: acceptance).enumerated().map { index, setting -> Panel in
            let (row, column) = (index / max(1, lengths.count), index % max(1, lengths.count))
            let optimum = data.results.optimalReach.first {
                $0.metric == metric && $0.acceptance == acceptance && $0.pathLength == setting.length && $0.group == setting.hypothesis.group
            }
            let curve = optimum.map(Self.smoothedCurve) ?? (under: [], over: [])
            var marks = curve.under + operatorPoints(setting.points, y: { $0.meanImprovability! }) + curve.over
            if !setting.points.isEmpty {
                marks.append(.annotation(TextAnnotation(FigureStyle.tauText(data.test(metric: metric, acceptance: acceptance,
                                                                                      setting: .pathLength(setting.length), group: setting.hypothesis.group)),
                                                        corner: .topRight)))
            }
            let peak = optimum.flatMap { entry in entry.monotone == true ? " · monotone" : entry.reach.map { " · peak at \(NumberFormat.number($0))" } } ?? ""
            return Panel(
                title: "\(setting.hypothesis.group.displayName) · L = \(setting.length)" + peak,
                x: Axis(label: row == Hypothesis.allCases.count - 1 ? FigureStyle.reachLabel : ""),
                y: Axis(label: column == 0 ? FigureStyle.improvabilityLabel : "",
                        range: FigureStyle.rangeWithHeadroom(setting.points.compactMap(\.meanImprovability))),
                marks: marks).notingMissingData()
        }
        let smoothed = data.results.optimalReach.contains { $0.metric == metric && $0.acceptance == acceptance && $0.curve != nil }
        return (panels, max(1, lengths.count), FigureStyle.familyLegend(FigureStyle.families(of: data.results.operators))
            + (smoothed ? [Self.smoothedLegend] : []))
    }

    static let smoothedLegend = LegendEntry("smoothed mean, 95% band; dashed: its peak", color: .darkGray, symbol: .line)

    /// An optimal-reach entry's kernel-smoothed curve: the band under the points, the curve and the
    /// reach at its peak over them.
    private static func smoothedCurve(_ entry: OptimalReach) -> (under: [Mark], over: [Mark]) {
        guard let curve = entry.curve else { return ([], []) }
        var over: [Mark] = [.line(LineMark(x: curve.reach, y: curve.estimate, color: .darkGray, width: 1.6))]
        if let peak = entry.reach, entry.monotone != true { over.append(.rule(RuleMark(.vertical, at: peak, color: .darkGray))) }
        return ([.band(BandMark(x: curve.reach, lower: curve.lower, upper: curve.upper, color: Color.darkGray.withAlpha(0.16)))], over)
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

    /// Per threshold and group a row of two panels: the mean hitting time against reach (log y), one point
    /// per operator, and the runtime ECDF (COCO style): per family, the fraction of operators whose hitting
    /// time is at most t, against t (log x). Each row's value is its censoring-aware statistic
    /// (`hittingTimeEstimator`): a restricted mean, a lower bound, is marked as censored in both panels.
    /// Only Monte Carlo rows have a cap, so only panels holding them draw one, at their largest cap (walks that
    /// censor more get a higher one).
    func hittingTime(metric: String, acceptance: AcceptanceRule) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        var anyCensored = false
        var panels: [Panel] = hittingTimeSettings(metric: metric, acceptance: acceptance).flatMap { setting -> [Panel] in
            let points = setting.points
            let censored = points.filter { $0.hittingTimeEstimator == .restrictedMean }
            var scatter = operatorPoints(points, y: { $0.meanHittingTime! })
            var ecdf = runtimeECDF(points)
            var shown = points.compactMap(\.meanHittingTime)
            if let cap = points.compactMap(\.hittingTimeCap).max() {
                let label = "cap \(cap)"
                scatter.insert(.rule(RuleMark(.horizontal, at: Double(cap), label: label, color: .gray)), at: 0)
                ecdf.insert(.rule(RuleMark(.vertical, at: Double(cap), label: label, color: .gray)), at: 0)
                shown.append(Double(cap))
            }
            if !censored.isEmpty {
                anyCensored = true
                scatter.append(Self.censoredMark(x: censored.map(\.reach), y: censored.map { $0.meanHittingTime! }))
                let height = Self.ecdfHeights(points)
                ecdf.append(Self.censoredMark(x: censored.map { $0.meanHittingTime! }, y: censored.map(height)))
            }
            if !points.isEmpty {
                let test = data.test(metric: metric, acceptance: acceptance, setting: .threshold(label: setting.label), group: setting.hypothesis.group)
                scatter.append(.annotation(TextAnnotation(FigureStyle.tauText(test), corner: .topRight)))
            }
            let title = "θ = \(setting.label) · \(setting.hypothesis.group.displayName)"
            let time = FigureStyle.rangeWithHeadroom(shown, log: true)
            return [
                Panel(title: title, x: Axis(label: FigureStyle.reachLabel), y: Axis(label: FigureStyle.hittingTimeLabel, scale: .log, range: time),
                      marks: scatter).notingMissingData(),
                Panel(title: title + " · runtime ECDF", x: Axis(label: FigureStyle.hittingTimeAxisLabel, scale: .log, range: time),
                      y: Axis(label: "fraction of operators", range: .fixed(0, 1.05)), marks: ecdf).notingMissingData(),
            ]
        }
        if panels.isEmpty {
            panels = [Panel(x: Axis(label: FigureStyle.reachLabel), y: Axis(label: FigureStyle.hittingTimeLabel, scale: .log)).notingMissingData()]
        }
        let legend = FigureStyle.familyLegend(FigureStyle.families(of: data.results.operators))
        return (panels, min(2, panels.count), legend + (anyCensored ? [Self.censoredLegend] : []))
    }

    /// The settings of `hittingTime` in order (thresholds, then groups), each with the records it plots:
    /// those with a finite, positive mean hitting time (both its panels have a log time axis).
    private func hittingTimeSettings(metric: String, acceptance: AcceptanceRule)
        -> [(label: String, hypothesis: Hypothesis, points: [ImprovabilityRecord])] {
        FigureCatalog.hittingTimeSettings(data.results, metric: metric, acceptance: acceptance).map { setting in
            let records = data.records(metric: metric, acceptance: acceptance, setting: .threshold(label: setting.label), group: setting.hypothesis.group)
            return (setting.label, setting.hypothesis, records.filter { $0.meanHittingTime.map { $0.isFinite && $0 > 0 } == true })
        }
    }

    /// One step line per family of the fraction of its operators with a hitting time at most t, with the
    /// family's marker at its median operator so the lines stay apart in print.
    private func runtimeECDF(_ points: [ImprovabilityRecord]) -> [Mark] {
        let byFamily = Dictionary(grouping: points, by: \.family)
        return FigureStyle.families(of: data.results.operators).compactMap { family -> [Mark]? in
            guard let records = byFamily[family] else { return nil }
            let times = records.map { $0.meanHittingTime! }.sorted()
            let fractions = times.indices.map { Double($0 + 1) / Double(times.count) }
            let middle = (times.count - 1) / 2
            let color = FigureStyle.familyColor(family)
            return [.line(LineMark(x: [times[0]] + times, y: [0] + fractions, color: color, curve: .stepAfter)),
                    .scatter(ScatterMark(x: [times[middle]], y: [fractions[middle]], color: color, radius: 3, alpha: 1,
                                         shape: FigureStyle.familyMarker(family)))]
        }.flatMap { $0 }
    }

    /// Where a record of `points` sits on its family's ECDF in `runtimeECDF`: the top of its step (ties
    /// share the highest), by binary search in the family's sorted times.
    private static func ecdfHeights(_ points: [ImprovabilityRecord]) -> (ImprovabilityRecord) -> Double {
        let times = Dictionary(grouping: points, by: \.family).mapValues { $0.map { $0.meanHittingTime! }.sorted() }
        return { record in
            let family = times[record.family] ?? [], time = record.meanHittingTime!
            var (low, high) = (0, family.count)
            while low < high {
                let middle = (low + high) / 2
                if family[middle] <= time { low = middle + 1 } else { high = middle }
            }
            return Double(low) / Double(max(1, family.count))
        }
    }

    static let censoredLegend = LegendEntry("censored: restricted mean, a lower bound", color: Palette.vermillion, marker: .plus)

    /// Censored rows marked over their points: their value is the restricted mean to the cap.
    private static func censoredMark(x: [Double], y: [Double]) -> Mark {
        .scatter(ScatterMark(x: x, y: y, color: censoredLegend.color, radius: 3.4, alpha: 1, shape: censoredLegend.marker!))
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
            // Each scatter panel is followed by its ECDF panel, which plots no operator points.
            return (hittingTimeSettings(metric: metric, acceptance: entry.acceptance ?? .always).flatMap { [$0.points, []] },
                    { $0.meanHittingTime! })
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
