import Algorithms
import Analysis
import Plotting
import Search
import Support

extension FigureBuilder {
    /// The algorithms of one metric, in `results.searchAlgorithms` order.
    func algorithmRecords(metric: String) -> [SearchAlgorithmRecord] {
        data.results.searchAlgorithms.filter { $0.metric == metric }
    }

    /// Mean best-so-far accuracy against queries (log x) with its 95% band, one line per algorithm, and the
    /// global maximum as a rule.
    func algorithmFixedBudget(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let records = algorithmRecords(metric: metric)
        var bands: [Mark] = [], lines: [Mark] = []
        var shown: [Double] = []
        for record in records {
            let look = FigureStyle.algorithmLook(record.algorithm)
            let curve = record.fixedBudget
            let x = curve.meanBest.indices.map { Double($0 + 1) }
            bands.append(.band(BandMark(x: x, lower: curve.lower, upper: curve.upper, color: look.color.withAlpha(0.2))))
            lines.append(.line(LineMark(x: x, y: curve.meanBest, color: look.color)))
            // Markers at 1, 10, 100, … queries tell the lines apart in print.
            let marked = x.indices.filter { [1, 3, 10, 30, 100, 300, 1000, 3000].contains($0 + 1) }
            lines.append(.scatter(ScatterMark(x: marked.map { x[$0] }, y: marked.map { curve.meanBest[$0] }, color: look.color,
                                              radius: 2.8, alpha: 1, shape: look.marker)))
            shown += curve.lower
            shown += curve.upper
        }
        var marks = bands + lines
        if let maximum = data.summary(metric: metric)?.max {
            marks.insert(.rule(RuleMark(.horizontal, at: maximum, label: "global maximum", color: .gray)), at: 0)
            shown.append(maximum)
        }
        let panel = Panel(x: Axis(label: FigureStyle.queriesLabel, scale: .log),
                          y: Axis(label: "best-so-far " + FigureStyle.accuracyLabel(metric), range: FigureStyle.rangeWithHeadroom(shown)),
                          marks: marks).notingMissingData()
        return ([panel], 1, algorithmLegend(records))
    }

    /// The ECDF of the queries to the global maximum (log x), one step line per algorithm, the budget as a rule.
    func algorithmRuntimeECDF(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let records = algorithmRecords(metric: metric)
        var marks: [Mark] = []
        if let budget = records.first?.budget {
            marks.append(.rule(RuleMark(.vertical, at: Double(budget), label: "budget", color: .gray)))
        }
        for record in records where !record.runtimesToGlobalMax.isEmpty {
            let look = FigureStyle.algorithmLook(record.algorithm)
            let runtimes = record.runtimesToGlobalMax.map(Double.init)
            let fractions = runtimes.indices.map { Double($0 + 1) / Double(runtimes.count) }
            marks.append(.line(LineMark(x: [runtimes[0]] + runtimes, y: [0] + fractions, color: look.color, curve: .stepAfter)))
            // One marker at the median run.
            let middle = (runtimes.count - 1) / 2
            marks.append(.scatter(ScatterMark(x: [runtimes[middle]], y: [fractions[middle]], color: look.color, radius: 3, alpha: 1,
                                              shape: look.marker)))
        }
        let panel = Panel(x: Axis(label: "queries to the global maximum (unique architectures, log scale)", scale: .log),
                          y: Axis(label: "fraction of runs", range: .fixed(0, 1.05)), marks: marks).notingMissingData()
        return ([panel], 1, algorithmLegend(records))
    }

    /// The algorithms as labelled points (legend) on the reach–improvability map, beside the operators
    /// (light grey, always-accept), for top 10%, bottom 10% and all starts at the algorithms' map path length.
    func algorithmMap(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let records = algorithmRecords(metric: metric)
        let length = records.first?.mapPathLength ?? data.pathLengths.first ?? 1
        let panels = StartGroupID.hypothesisGroups.enumerated().map { index, group -> Panel in
            let operators = data.records(metric: metric, acceptance: .always, setting: .pathLength(length), group: group)
                .filter { $0.meanImprovability?.isFinite == true }
            var marks: [Mark] = [.scatter(ScatterMark(x: operators.map(\.effectiveReach), y: operators.map { $0.meanImprovability! },
                                                      color: .gray, radius: 2, alpha: 0.35, shape: .circle))]
            var ys = operators.compactMap(\.meanImprovability)
            for record in records {
                guard let point = record.point(group: group, pathLength: length) else { continue }
                let look = FigureStyle.algorithmLook(record.algorithm)
                marks.append(.errorBars(ErrorBarMark(at: [point.effectiveReach], low: [point.meanImprovability - 1.96 * point.improvabilityStandardError],
                                                     high: [point.meanImprovability + 1.96 * point.improvabilityStandardError], color: look.color)))
                marks.append(.scatter(ScatterMark(x: [point.effectiveReach], y: [point.meanImprovability], color: look.color, radius: 4.5,
                                                  alpha: 1, shape: look.marker, halo: 1.5)))
                ys += [point.meanImprovability - 1.96 * point.improvabilityStandardError,
                       point.meanImprovability + 1.96 * point.improvabilityStandardError]
            }
            return Panel(title: "\(group.displayName) · L = \(length)", x: Axis(label: "effective reach (edits per iteration)"),
                         y: Axis(label: index == 0 ? FigureStyle.improvabilityLabel : "", range: FigureStyle.rangeWithHeadroom(ys, headroom: 0.08)),
                         marks: marks).notingMissingData()
        }
        return (panels, 3, algorithmLegend(records) + [LegendEntry("operators (always-accept)", color: .gray)])
    }

    private func algorithmLegend(_ records: [SearchAlgorithmRecord]) -> [LegendEntry] {
        records.map { record in
            let look = FigureStyle.algorithmLook(record.algorithm)
            return LegendEntry(record.algorithm.displayName, color: look.color, symbol: .line, marker: look.marker)
        }
    }
}

extension FigureStyle {
    static let queriesLabel = "queries (unique architectures, log scale)"

    /// Colour and marker of each algorithm, unique in both (Okabe–Ito hues, no yellow).
    static func algorithmLook(_ algorithm: AlgorithmID) -> (color: Color, marker: MarkerShape) {
        switch algorithm {
        case .randomSearch: (Palette.black, .cross)
        case .localSearch: (Palette.blue, .circle)
        case .regularizedEvolution: (Palette.vermillion, .square)
        case .simulatedAnnealing: (Palette.bluishGreen, .triangle)
        case .onePlusLambdaEA: (Palette.reddishPurple, .diamond)
        }
    }
}
