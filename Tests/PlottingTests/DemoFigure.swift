import Foundation
import Plotting

/// A figure using every kind of mark, shared by the layout, render and demo tests. Its data come from
/// a small linear congruential sequence so the tests need no other module.
enum Demo {
    static func pseudoRandom(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func figure(id: String = "demo", width: Double = 900, height: Double = 620) -> Figure {
        let u = pseudoRandom(600, seed: 1)
        let x = Array(u[0..<200]).map { $0 * 10 }
        let y = zip(x, u[200..<400]).map { 0.3 * $0 + $1 * 2 - 1 }
        let group = u[400..<600].map { $0 < 0.5 }
        let scatter = Panel(
            title: "Reach vs improvability",
            x: Axis(label: "reach (mean neighbours)"), y: Axis(label: "improvability"),
            marks: [
                .scatter(ScatterMark(x: x, y: y, colors: group.map { $0 ? Palette.blue : Palette.orange }, radius: 3, alpha: 0.7)),
                .annotation(TextAnnotation("τ = −0.41, supported", corner: .topLeft)),
            ])
        let samples = zip(u[0..<300], u[300..<600]).map { ($0 + $1 + u[Int($0 * 500)]) / 3 }
        let histogram = Panel(
            title: "Distribution of test accuracy, a deliberately very long panel title that must be shortened",
            x: Axis(label: "accuracy"), y: Axis(label: "cells"),
            marks: [
                .histogram(HistogramMark(values: samples, bins: .count(20))),
                .rule(RuleMark(.vertical, at: 0.5, label: "median")),
                .rule(RuleMark(.vertical, at: 0.62, label: "top 10 %", color: Palette.bluishGreen)),
            ])
        let t = (0...40).map { Double($0) * 2.5 }
        let mean = t.map { 1 - 0.8 * (-$0 / 30).exp }
        let line = Panel(
            title: "Best found over evaluations",
            x: Axis(label: "evaluations"), y: Axis(label: "regret", scale: .log),
            marks: [
                .band(BandMark(x: t, lower: mean.map { (1.05 - $0) * 0.7 }, upper: mean.map { (1.05 - $0) * 1.4 })),
                .line(LineMark(x: t, y: mean.map { 1.05 - $0 })),
                .line(LineMark(x: t, y: mean.map { (1.05 - $0) * 0.5 }, color: Palette.orange, curve: .stepAfter)),
                .rule(RuleMark(.horizontal, at: 0.1, label: "target")),
            ])
        let operators = ["1-flip", "2-flip", "swap", "random restart"]
        let boxes = operators.indices.map { i -> Mark in
            let values = pseudoRandom(40, seed: UInt64(10 + i)).map { $0 * Double(i + 1) - 0.5 }.sorted()
            let summary = FiveNumberSummary(sorted: values) { values[Int($0 * 40)] }
            let jitter = pseudoRandom(40, seed: UInt64(100 + i)).map { $0 - 0.5 }
            return .box(BoxMark(at: Double(i), summary: summary, strip: values, jitter: jitter, color: Palette.color(i)))
        }
        let box = Panel(title: "Improvement by operator", x: .categorical(operators, label: "operator"), y: Axis(label: "Δ accuracy"), marks: boxes)
        let datasets = ["CIFAR-10", "CIFAR-100", "ImageNet16-120"]
        let first = BarMark(values: [0.62, 0.48, 0.31], color: Palette.blue, slot: 0, slots: 2)
        let second = BarMark(values: [0.55, 0.52, 0.12], color: Palette.orange, slot: 1, slots: 2)
        let bar = Panel(
            title: "Kendall τ by dataset",
            x: .categorical(datasets, label: "dataset"), y: Axis(label: "τ", range: .fixed(0, 0.8)),
            marks: [
                .bar(first), .bar(second),
                .errorBars(ErrorBarMark(at: (0..<3).map { first.center(category: $0) }, low: [0.58, 0.43, 0.27], high: [0.66, 0.53, 0.35])),
                .errorBars(ErrorBarMark(at: (0..<3).map { second.center(category: $0) }, low: [0.5, 0.47, 0.05], high: [0.6, 0.57, 0.19])),
                .annotation(TextAnnotation("95 % bootstrap CIs", corner: .topRight)),
            ])
        let huge = Panel(
            title: "Awkward ranges",
            x: Axis(label: "parameters", range: .fixed(0, 3e12)), y: Axis(label: "tiny", range: .fixed(1e-9, 0)),
            marks: [.line(LineMark(x: [0, 1e12, 3e12], y: [0, 5e-10, 1e-9]))])
        return Figure(
            id: id, width: width, height: height,
            title: "nasreach plotting demo: every mark type on one page",
            panels: [scatter, histogram, line, box, bar, huge], columns: 3,
            legend: [
                LegendEntry("group A", color: Palette.blue),
                LegendEntry("group B", color: Palette.orange),
                LegendEntry("mean", color: Palette.blue, symbol: .line),
                LegendEntry("90 % band", color: Palette.blue.withAlpha(0.25), symbol: .area),
            ])
    }
}

extension Double {
    fileprivate var exp: Double { Foundation.exp(self) }
}
