import Analysis
import Support
import Search
import Plotting

extension FigureBuilder {
    /// The anchor operators: k-edit(k) by increasing k, then uniform, each with its own colour and marker.
    var anchors: [(id: String, label: String, color: Color, marker: MarkerShape)] {
        let kEdit = data.results.operators.filter { $0.family == .kEdit }.sorted { ($0.params.k ?? 0) < ($1.params.k ?? 0) }
        let uniform = data.results.operators.filter { $0.family == .uniform }
        // Yellow is skipped (faint on white); uniform is black.
        let colors = [Palette.blue, Palette.orange, Palette.bluishGreen, Palette.vermillion, Palette.skyBlue, Palette.reddishPurple]
        return kEdit.enumerated().map { i, op in
            (op.id, "k-edit(\(op.params.k.map(String.init) ?? "?"))", colors[i % colors.count], MarkerShape.shape(i))
        } + uniform.map { ($0.id, "uniform", Palette.black, MarkerShape.shape(kEdit.count)) }
    }

    /// Mean improvability against L for the anchor operators (always-accept), one panel per group,
    /// with ±2 SE bands where the values are Monte Carlo estimates.
    func improvabilityByPathLength(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let anchors = self.anchors
        let lengths = data.pathLengths
        let panels = Hypothesis.allCases.enumerated().map { index, hypothesis -> Panel in
            var bands: [Mark] = [], lines: [Mark] = []
            let byLength = lengths.map { length in
                Dictionary(data.records(metric: metric, acceptance: .always, setting: .pathLength(length), group: hypothesis.group)
                    .map { ($0.operatorID, $0) }, uniquingKeysWith: { first, _ in first })
            }
            for anchor in anchors {
                let records = byLength.map { $0[anchor.id] }
                let x = lengths.map(Double.init)
                let y = records.map { $0?.meanImprovability ?? .nan }
                guard y.contains(where: \.isFinite) else { continue }
                lines.append(.line(LineMark(x: x, y: y, color: anchor.color)))
                lines.append(.scatter(ScatterMark(x: x, y: y, color: anchor.color, radius: 2.8, alpha: 1, shape: anchor.marker)))
                let se = records.map { $0?.standardError }
                if se.contains(where: { $0 != nil }) {
                    // Exact values (no SE) get a zero-width band, so the band follows the line throughout.
                    bands.append(.band(BandMark(x: x, lower: zip(y, se).map { $0 - 2 * ($1 ?? 0) },
                                                upper: zip(y, se).map { $0 + 2 * ($1 ?? 0) }, color: anchor.color.withAlpha(0.2))))
                }
            }
            return Panel(title: hypothesis.group.displayName, x: Axis(label: FigureStyle.pathLengthLabel, scale: .log),
                         y: Axis(label: index == 0 ? FigureStyle.improvabilityLabel : ""),
                         marks: bands + lines).notingMissingData()
        }
        return (panels, 3, anchors.map { LegendEntry($0.label, color: $0.color, symbol: .line, marker: $0.marker) })
    }

    /// Across metrics and acceptance rules: tau of reach vs mean improvability against L for H1–H3, one
    /// row of panels per rule and one column per metric, each test's permutation null behind it; filled
    /// points where Holm's adjustment gives a verdict, open ones otherwise.
    func tauByPathLength() -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let colors = [Palette.blue, Palette.vermillion, Palette.bluishGreen]
        let markers: [MarkerShape] = [.circle, .square, .triangle]
        let lengths = data.pathLengths
        let metrics = data.results.metrics
        var panels: [Panel] = data.results.configuration.acceptanceRules.flatMap { rule in
            metrics.enumerated().map { column, metric in
                var marks: [Mark] = [.rule(RuleMark(.horizontal, at: 0, color: .gray, dash: []))]
                var any = false
                for (hypothesis, (color, marker)) in zip(Hypothesis.allCases, zip(colors, markers)) {
                    let tests = lengths.map { data.test(metric: metric.id, acceptance: rule, setting: .pathLength($0), group: hypothesis.group) }
                    let x = lengths.map(Double.init), tau = tests.map { $0?.tau ?? .nan }
                    guard tau.contains(where: \.isFinite) else { continue }
                    any = true
                    marks.insert(contentsOf: nullMarks(tests.map { $0?.null }, lengths: lengths, color: color), at: 1)
                    let decided = tests.map { $0?.verdict == .supported || $0?.verdict == .falsified }
                    let open = zip(x, zip(tau, decided)).filter { !$0.1.1 }
                    marks.append(.line(LineMark(x: x, y: tau, color: color)))
                    marks.append(.scatter(ScatterMark(x: x, y: tau, color: color, radius: 3.5, alpha: 1, shape: marker)))
                    // An open point: the white centre punched into the filled one.
                    marks.append(.scatter(ScatterMark(x: open.map(\.0), y: open.map(\.1.0), color: .white, radius: 2, alpha: 1, shape: marker)))
                }
                if !any { marks.append(.annotation(FigureStyle.noData)) }
                return Panel(title: "\(metric.id) · \(rule.label)", x: Axis(label: FigureStyle.pathLengthLabel, scale: .log),
                             y: Axis(label: column == 0 ? "Kendall's τ" : "", range: .fixed(-1, 1)), marks: marks)
            }
        }
        if panels.isEmpty { panels = [Panel().notingMissingData()] }
        let legend = zip(Hypothesis.allCases, zip(colors, markers)).map {
            LegendEntry("\($0.rawValue) (\($0.group.displayName))", color: $1.0, symbol: .line, marker: $1.1)
        }
            + [LegendEntry("filled: supported or falsified after Holm; open: inconclusive", color: .darkGray)]
            + (data.results.hypotheses.contains { $0.null != nil } ? [LegendEntry("band: permutation null, mean ± 2 SD; dashed: τ over the operators it is compared with", color: .darkGray)] : [])
        return (panels, max(1, metrics.count), legend)
    }
}
