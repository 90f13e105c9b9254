import Analysis
import Search
import Plotting
import Support

extension FigureBuilder {
    /// Histogram of the metric's accuracies with the 10th/90th percentile cut-offs, mean and median.
    func distribution(metric: String) -> Panel {
        let accuracy = data.cells(metric: metric)?.accuracy ?? []
        let histogram = HistogramMark(values: accuracy, bins: .count(60), color: Palette.blue.withAlpha(0.65))
        var marks: [Mark] = [.histogram(histogram)]
        // Headroom above the tallest bar for the rule labels, which stack from the top.
        let tallest = histogram.heights.max() ?? 0
        let counts = Axis(label: "cells", range: tallest > 0 ? .fixed(0, tallest * 1.25) : .auto)
        if let summary = data.summary(metric: metric) {
            marks += [
                .rule(RuleMark(.vertical, at: summary.q10, label: "10th pct", color: Palette.vermillion)),
                .rule(RuleMark(.vertical, at: summary.q90, label: "90th pct", color: Palette.vermillion)),
                .rule(RuleMark(.vertical, at: summary.median, label: "median", color: Palette.bluishGreen, dash: [])),
                .rule(RuleMark(.vertical, at: summary.mean, label: "mean", color: .black, dash: [2, 2])),
                .annotation(TextAnnotation("skewness \(NumberFormat.number(summary.skewness))", corner: .topLeft)),
            ]
        }
        return Panel(x: Axis(label: FigureStyle.accuracyLabel(metric)), y: counts, marks: marks).notingMissingData()
    }
}
