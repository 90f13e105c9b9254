import Analysis
import Support
import Search
import Plotting

extension FigureBuilder {
    static let groupColors: [StartGroupID: Color] = [.top10: Palette.blue, .bottom10: Palette.vermillion, .all: Palette.bluishGreen]

    /// The optimal reach against path length, one panel per acceptance rule, one line per group with its CI.
    func optimalReachByPathLength(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let rules = data.results.configuration.acceptanceRules
        let lengths = data.pathLengths
        var panels: [Panel] = rules.map { rule in
            var marks: [Mark] = []
            for hypothesis in Hypothesis.allCases {
                let entries = lengths.map { length in
                    data.results.optimalReach.first {
                        $0.metric == metric && $0.acceptance == rule && $0.pathLength == length && $0.group == hypothesis.group
                    }
                }
                let x = lengths.map(Double.init)
                let y = entries.map { $0?.reach ?? .nan }
                guard y.contains(where: \.isFinite) else { continue }
                let color = Self.groupColors[hypothesis.group] ?? Palette.blue
                marks.append(.band(BandMark(x: x, lower: entries.map { $0?.ciLower ?? .nan }, upper: entries.map { $0?.ciUpper ?? .nan },
                                            color: color.withAlpha(0.18))))
                marks.append(.line(LineMark(x: x, y: y, color: color)))
                let monotone = entries.map { $0?.monotone == true }
                marks.append(.scatter(ScatterMark(x: x, y: y, color: color, radius: 3.2, alpha: 1, shape: .circle)))
                let open = zip(x, zip(y, monotone)).filter { $0.1.1 }
                marks.append(.scatter(ScatterMark(x: open.map(\.0), y: open.map(\.1.0), color: .white, radius: 1.8, alpha: 1, shape: .circle)))
            }
            return Panel(title: rule.label, x: Axis(label: FigureStyle.pathLengthLabel, scale: .log),
                         y: Axis(label: "optimal reach (edits per proposal)", range: .fixed(0, 6)), marks: marks).notingMissingData()
        }
        if panels.isEmpty { panels = [Panel().notingMissingData()] }
        let legend = Hypothesis.allCases.map { LegendEntry($0.group.displayName, color: Self.groupColors[$0.group] ?? Palette.blue, symbol: .line) }
            + [LegendEntry("band: bootstrap CI of the peak; open point: monotone curve (peak at an end)", color: .darkGray)]
        return (panels, min(4, panels.count), legend)
    }

    /// Each Fourier order's contribution to the mean improvability of the top and bottom 10% (always,
    /// averaged over the isotropic operators) against path length.
    func spectralShares(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let colors = [Palette.blue, Palette.orange, Palette.bluishGreen, Palette.vermillion, Palette.skyBlue, Palette.reddishPurple]
        let parts = data.results.spectral.first { $0.metric == metric }?.decompositions.filter { $0.operatorLabel == "isotropic-mean" } ?? []
        let panels = [StartGroupID.top10, .bottom10].map { group -> Panel in
            let ofGroup = parts.filter { $0.group == group }.sorted { $0.pathLength < $1.pathLength }
            let x = ofGroup.map { Double($0.pathLength) }
            var marks: [Mark] = [.rule(RuleMark(.horizontal, at: 0, color: .gray, dash: []))]
            for j in 0..<6 where !ofGroup.isEmpty {
                marks.append(.line(LineMark(x: x, y: ofGroup.map { $0.contributions[j] }, color: colors[j])))
                marks.append(.scatter(ScatterMark(x: x, y: ofGroup.map { $0.contributions[j] }, color: colors[j], radius: 2.6, alpha: 1,
                                                  shape: MarkerShape.shape(j))))
            }
            if !ofGroup.isEmpty { marks.append(.line(LineMark(x: x, y: ofGroup.map(\.meanImprovability), color: .black, dash: [4, 3]))) }
            return Panel(title: group.displayName, x: Axis(label: FigureStyle.pathLengthLabel, scale: .log),
                         y: Axis(label: "contribution to mean improvability"), marks: marks).notingMissingData()
        }
        return (panels, 2, (0..<6).map { LegendEntry("order \($0 + 1)", color: colors[$0], symbol: .line, marker: MarkerShape.shape($0)) }
            + [LegendEntry("dashed: total (their sum)", color: .black)])
    }

    /// The permutation nulls of one line's tests (by path length) as a band (mean ± 2 SD of the null tau)
    /// and, dashed, the observed tau over the null's operators that the band is compared with; empty where
    /// no test has a null.
    func nullMarks(_ nulls: [NullSummary?], lengths: [Int], color: Color) -> [Mark] {
        guard nulls.contains(where: { $0 != nil }) else { return [] }
        let x = lengths.map(Double.init)
        return [
            .band(BandMark(x: x, lower: nulls.map { $0.map { max(-1, $0.meanTau - 2 * $0.sdTau) } ?? .nan },
                           upper: nulls.map { $0.map { min(1, $0.meanTau + 2 * $0.sdTau) } ?? .nan }, color: color.withAlpha(0.18))),
            .line(LineMark(x: x, y: nulls.map { $0?.observedTau ?? .nan }, color: color, dash: [4, 3])),
        ]
    }
}
