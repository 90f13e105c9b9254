import Plotting
import Support
import Statistics

extension FigureBuilder {
    /// Accuracy against edit distance to the global maximum; local maxima on top in a contrasting
    /// colour and shape, the global maximum last, at distance 0 exactly, drawn as its legend shows it.
    func fitnessDistance(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let cells = data.cells(metric: metric)
        let accuracy = cells?.accuracy ?? []
        let distance = cells?.distanceToGlobalMaximum ?? []
        let isLocalMaximum = cells?.isLocalMaximum ?? []
        // Integer distances are jittered so the 15,625 points spread out; the stream is fixed, so the
        // figure is the same on every run.
        var generator = SeededGenerator(seed: data.results.provenance.seed, stream: 0xF1D_0000)
        let jittered = distance.map { Double($0) + 0.7 * (generator.nextUniform() - 0.5) }
        var plain: (x: [Double], y: [Double]) = ([], [])
        var maxima: (x: [Double], y: [Double]) = ([], [])
        var best: (x: [Double], y: [Double]) = ([], [])
        for i in accuracy.indices where i < jittered.count {
            if distance[i] == 0 {
                // The global maximum alone has distance 0: it sits on its tick, not jittered off it.
                best.x.append(0); best.y.append(accuracy[i])
            } else if i < isLocalMaximum.count, isLocalMaximum[i] {
                maxima.x.append(jittered[i]); maxima.y.append(accuracy[i])
            } else {
                plain.x.append(jittered[i]); plain.y.append(accuracy[i])
            }
        }
        let looks: [(label: String, color: Color, marker: MarkerShape)] = [
            ("cell", Palette.skyBlue, .circle), ("strict local maximum", Palette.vermillion, .triangle), ("global maximum", Palette.black, .diamond),
        ]
        var marks: [Mark] = [
            .scatter(ScatterMark(x: plain.x, y: plain.y, color: looks[0].color, radius: 1.1, alpha: 0.35, shape: looks[0].marker)),
            .scatter(ScatterMark(x: maxima.x, y: maxima.y, color: looks[1].color, radius: 2.4, alpha: 0.9, shape: looks[1].marker, halo: 0.6)),
            .scatter(ScatterMark(x: best.x, y: best.y, color: looks[2].color, radius: 4.5, alpha: 1, shape: looks[2].marker, halo: 1.2)),
        ]
        if let landscape = data.results.landscape[metric] {
            marks.append(.annotation(TextAnnotation("FDC \(landscape.fdc.map { NumberFormat.number($0) } ?? "undefined") · \(landscape.numLocalMaxima) local maxima", corner: .topRight)))
        }
        let panel = Panel(x: Axis(label: "edit distance to the global maximum", range: .fixed(-0.5, 6.5)),
                          y: Axis(label: FigureStyle.accuracyLabel(metric), range: FigureStyle.rangeWithHeadroom(accuracy, headroom: 0.12)),
                          marks: marks).notingMissingData()
        return ([panel], 1, looks.map { LegendEntry($0.label, color: $0.color, marker: $0.marker) })
    }

    /// Exact ρ(k) as a line, the Monte Carlo estimate as points with ±2 SE bars.
    func autocorrelation(metric: String) -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let landscape = data.results.landscape[metric]
        var marks: [Mark] = [.rule(RuleMark(.horizontal, at: 0, color: .gray, dash: []))]
        if let exact = landscape?.autocorrelation {
            marks.append(.line(LineMark(x: exact.indices.map { Double($0 + 1) }, y: exact, color: Palette.blue)))
        }
        if let estimate = landscape?.autocorrelationMonteCarlo {
            let lags = estimate.indices.map { Double($0 + 1) }
            if let se = landscape?.autocorrelationStandardError, se.count == estimate.count {
                marks.append(.errorBars(ErrorBarMark(at: lags, low: zip(estimate, se).map { $0 - 2 * $1 },
                                                     high: zip(estimate, se).map { $0 + 2 * $1 }, color: Palette.orange, capWidth: 4)))
            }
            marks.append(.scatter(ScatterMark(x: lags, y: estimate, color: Palette.orange, radius: 3, alpha: 1, shape: .square)))
        }
        if let length = landscape?.exactCorrelationLength, length.isFinite {
            marks.append(.annotation(TextAnnotation("correlation length \(NumberFormat.number(length))", corner: .topRight)))
        }
        let panel = Panel(x: Axis(label: "lag k (random-walk steps)"), y: Axis(label: "autocorrelation ρ(k)"), marks: marks)
            .notingMissingData()
        let legend = [LegendEntry("exact", color: Palette.blue, symbol: .line),
                      LegendEntry("Monte Carlo ± 2 SE", color: Palette.orange, marker: .square)]
        return ([panel], 1, legend)
    }

    /// Bars of the share of variance in each Fourier order j = 1…6.
    func orderEnergies(metric: String) -> Panel {
        let shares = data.results.landscape[metric]?.orderVarianceShares ?? []
        let orders = Array(shares.dropFirst())
        var marks: [Mark] = []
        if !orders.isEmpty {
            marks.append(.bar(BarMark(values: orders, color: Palette.blue)))
        }
        return Panel(x: .categorical(orders.indices.map { "\($0 + 1)" }, label: "Fourier order j"),
                     y: Axis(label: "share of variance"), marks: marks).notingMissingData()
    }
}
