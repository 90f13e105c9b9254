import Analysis
import Figures
import Search
import Support

/// The pages' words for the hypotheses and verdicts; the names of groups, experiments and statistics
/// are the figures' (`DisplayNames.swift`), so a quantity reads the same in a figure and a table.
enum Vocabulary {
    static func hypothesisPath(_ hypothesis: Hypothesis) -> String { "hypotheses/\(hypothesis.rawValue.lowercased()).html" }
    static func metricPath(_ metric: MetricSummary) -> String { "metrics/\(metric.slug).html" }

    /// What each hypothesis claims, in science.md's words.
    static func claim(_ hypothesis: Hypothesis) -> String {
        switch hypothesis {
        case .h1: "Operators with larger average reach have lower improvability than smaller-reach operators on the top 10% architectures: Kendall's tau(reach, improvability) < 0 over the operator set, starting from the top 10% of cells."
        case .h2: "Operators with larger average reach have higher improvability on the worst 10% architectures: tau(reach, improvability) > 0, starting from the bottom 10% of cells."
        case .h3: "Operators with larger average reach overall have lower improvability if the accuracy distribution has many accurate architectures: tau(reach, improvability) < 0, starting from every cell."
        }
    }

    static func shortClaim(_ hypothesis: Hypothesis) -> String {
        switch hypothesis {
        case .h1: "larger reach, lower improvability on the top 10%"
        case .h2: "larger reach, higher improvability on the bottom 10%"
        case .h3: "larger reach, lower improvability overall"
        }
    }

    /// A verdict in words, with how it compares with the permutation null when there is one.
    static func verdictText(_ verdict: Verdict, beyondNull: Bool?) -> String {
        switch (verdict, beyondNull) {
        case (.supported, true?): "supported, and beyond what regression to the mean gives"
        case (.supported, false?): "supported, but not beyond what regression to the mean gives"
        default: verdict.rawValue
        }
    }

    /// The CSS class of a verdict cell.
    static func verdictClass(_ verdict: Verdict) -> String { "verdict-" + verdict.rawValue }

    /// A configured value as the user wrote it: `90`, `0.05` (shortest exact form, no rounding).
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// H3's precondition on one metric, in words.
    static func h3Precondition(_ metric: MetricSummary) -> String {
        let skew = NumberFormat.fixed(metric.skewness, digits: 2)
        let share = NumberFormat.fixed(100 * metric.shareAboveMean, digits: 1)
        let shape = metric.skewness < 0
            ? "The skewness is \(skew): a long tail of poor cells below a pile-up of accurate ones (a negatively skewed distribution)"
            : "The skewness is \(skew): the accuracies are not piled up at the high end (the distribution is not negatively skewed)"
        return shape + "; \(share)% of cells lie above the mean, so the precondition \"many accurate architectures\" "
            + (metric.h3PreconditionHolds ? "holds." : "does not hold.")
    }
}

extension Sequence {
    /// The distinct keys of the elements, in first-appearance order.
    func uniqueKeys<Key: Hashable>(_ key: (Element) -> Key) -> [Key] {
        var seen = Set<Key>()
        return compactMap { seen.insert(key($0)).inserted ? key($0) : nil }
    }
}
