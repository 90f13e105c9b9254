import Analysis
import Search
import Plotting
import Support

extension FigureBuilder {
    /// Small multiples of reach against mean improvability: groups (rows) × shown path lengths
    /// (columns), one point per operator coloured by family, tau and verdict in each panel.
    func reachVsImprovability(metric: String, acceptance: AcceptanceRule) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let lengths = FigureCatalog.shownPathLengths(data.results.configuration.pathLengths)
        var panels: [Panel] = []
        for (row, hypothesis) in Hypothesis.allCases.enumerated() {
            for (column, length) in lengths.enumerated() {
                let records = data.records(metric: metric, acceptance: acceptance, setting: .pathLength(length), group: hypothesis.group)
                let points = records.filter { $0.meanImprovability?.isFinite == true }
                var marks = operatorPoints(points, y: { $0.meanImprovability! })
                if !points.isEmpty {
                    let test = data.test(metric: metric, acceptance: acceptance, setting: .pathLength(length), group: hypothesis.group)
                    marks.append(.annotation(TextAnnotation(FigureStyle.tauText(test), corner: .topRight)))
                }
                panels.append(Panel(
                    title: "\(hypothesis.group.displayName) · L = \(length)",
                    x: Axis(label: row == Hypothesis.allCases.count - 1 ? "reach" : ""),
                    y: Axis(label: column == 0 ? "mean improvability" : "",
                            range: FigureStyle.rangeWithHeadroom(points.compactMap(\.meanImprovability))),
                    marks: marks).notingMissingData())
            }
        }
        return (panels, max(1, lengths.count), FigureStyle.familyLegend(FigureStyle.families(of: data.results.operators)))
    }

    /// Mean hitting time against reach under always-accept, one panel per threshold and group.
    func hittingTime(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let settings = data.thresholdSettings(metric: metric)
        var panels: [Panel] = settings.map { setting in
            let records = data.records(metric: metric, acceptance: .always, setting: .threshold(label: setting.label), group: setting.hypothesis.group)
            let points = records.filter { $0.meanHittingTime?.isFinite == true }
            var marks = operatorPoints(points, y: { $0.meanHittingTime! })
            if !points.isEmpty {
                let test = data.test(metric: metric, acceptance: .always, setting: .threshold(label: setting.label), group: setting.hypothesis.group)
                marks.append(.annotation(TextAnnotation(FigureStyle.tauText(test), corner: .topRight)))
            }
            return Panel(title: "θ = \(setting.label) · \(setting.hypothesis.group.displayName)", x: Axis(label: "reach"),
                         y: Axis(label: "mean hitting time", scale: .log,
                                 range: FigureStyle.rangeWithHeadroom(points.compactMap(\.meanHittingTime), log: true)),
                         marks: marks).notingMissingData()
        }
        if panels.isEmpty {
            panels = [Panel(x: Axis(label: "reach"), y: Axis(label: "mean hitting time", scale: .log)).notingMissingData()]
        }
        return (panels, min(3, panels.count), FigureStyle.familyLegend(FigureStyle.families(of: data.results.operators)))
    }

    /// One translucent point per operator, coloured by family; small families (the k-edit and uniform
    /// anchors) are drawn last so the large ones do not bury them.
    private func operatorPoints(_ points: [ImprovabilityRecord], y: (ImprovabilityRecord) -> Double) -> [Mark] {
        guard !points.isEmpty else { return [] }
        var sizes: [OperatorFamily: Int] = [:]
        for record in points { sizes[record.family, default: 0] += 1 }
        let familySize = points.map { sizes[$0.family]! }
        let records = points.indices.sorted { a, b in
            familySize[a] != familySize[b] ? familySize[a] > familySize[b] : a < b
        }.map { points[$0] }
        return [.scatter(ScatterMark(x: records.map(\.reach), y: records.map(y),
                                     colors: records.map { FigureStyle.familyColor($0.family) }, radius: 2.4, alpha: 0.6))]
    }
}
