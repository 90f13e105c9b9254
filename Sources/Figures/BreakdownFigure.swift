import Analysis
import Search
import Plotting
import Statistics

extension FigureBuilder {
    /// Box and strip of the operators' mean improvability per family, for the top and bottom 10% of
    /// starts, always-accept, at the smallest path length.
    func topBottomBreakdown(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let length = data.pathLengths.first ?? 1
        let families = FigureStyle.families(of: data.results.operators)
        let panels = Hypothesis.allCases.prefix(2).enumerated().map { groupIndex, hypothesis -> Panel in
            let records = data.records(metric: metric, acceptance: .always, setting: .pathLength(length), group: hypothesis.group)
            var marks: [Mark] = []
            for (index, family) in families.enumerated() {
                let values = records.filter { $0.family == family }.compactMap(\.meanImprovability).filter(\.isFinite).sorted()
                guard !values.isEmpty else { continue }
                // Jitter from a stream per (group, family), so each strip is reproducible on its own.
                var generator = SeededGenerator(seed: data.results.provenance.seed, stream: 0xB0C5_0000 + UInt64(groupIndex * 64 + index))
                let summary = FiveNumberSummary(sorted: values) { Descriptive.quantile(values, $0) }
                marks.append(.box(BoxMark(at: Double(index), summary: summary, strip: values,
                                          jitter: values.map { _ in 0.8 * (generator.nextUniform() - 0.5) },
                                          color: FigureStyle.familyColor(family))))
            }
            return Panel(title: "\(hypothesis.group.displayName) · L = \(length) · always", x: .categorical(families.map(\.rawValue), label: "operator family"),
                         y: Axis(label: FigureStyle.improvabilityLabel), marks: marks).notingMissingData()
        }
        return (panels, 2, [])
    }
}
