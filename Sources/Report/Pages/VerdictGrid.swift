import Analysis
import Search

/// The verdicts of primary tests counted per (experiment, acceptance rule) and metric: the grid both the
/// index (for every hypothesis) and each hypothesis page (for its own) open with.
struct VerdictGrid {
    struct Combination: Hashable {
        var experiment: Experiment
        var acceptance: AcceptanceRule
    }

    /// One row of the grid: its combination and one cell per metric.
    struct Line {
        var combination: Combination
        var cells: [Table.Cell]
    }

    /// The combinations that occur among `primary`, experiments in their order, rules in first-appearance order.
    static func combinations(_ primary: [HypothesisTest]) -> [Combination] {
        Experiment.allCases.flatMap { experiment in
            primary.filter { $0.experiment == experiment }.uniqueKeys { Combination(experiment: $0.experiment, acceptance: $0.acceptance) }
        }
    }

    /// The lines of `tests` (one hypothesis's primary tests) over `combinations`, skipping those it has no
    /// test of; each cell links to `link(combination)`, the primary table that holds those tests.
    static func lines(_ tests: [HypothesisTest], combinations: [Combination], metrics: [String],
                      link: (Combination) -> String) -> [Line] {
        combinations.compactMap { combination in
            let ofCombination = tests.filter { $0.experiment == combination.experiment && $0.acceptance == combination.acceptance }
            guard !ofCombination.isEmpty else { return nil }
            return Line(combination: combination, cells: metrics.map { metric in
                let summary = VerdictSummary(ofCombination.filter { $0.metric == metric })
                return Table.Cell(summary.text, link: summary.total > 0 ? link(combination) : nil, cssClass: summary.cssClass)
            })
        }
    }
}
