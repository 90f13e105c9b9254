import Support
import Analysis

/// The verdicts of a set of tests counted, as one cell of the index's verdict table reads them:
/// `supported 6/7 · inconclusive 1/7`, the verdicts in `Verdict.allCases` order.
struct VerdictSummary: Equatable {
    /// Count per verdict; verdicts with no test are absent.
    var counts: [Verdict: Int]

    init(_ tests: [HypothesisTest]) {
        counts = Dictionary(tests.map { ($0.verdict, 1) }, uniquingKeysWith: +)
    }

    init(counts: [Verdict: Int]) {
        self.counts = counts
    }

    var total: Int { counts.values.reduce(0, +) }

    var text: String {
        guard total > 0 else { return NumberFormat.missing }
        return Verdict.allCases.filter { counts[$0] != nil }.map { "\($0.rawValue) \(counts[$0]!)/\(total)" }
            .joined(separator: Self.separator)
    }

    /// One verdict's class when all tests agree, `verdict-mixed` otherwise.
    var cssClass: String? {
        guard total > 0 else { return nil }
        return counts.count == 1 ? Vocabulary.verdictClass(counts.keys.first!) : "verdict-mixed"
    }

    static let separator = " · "

    /// Reads a summary back from its text (nil for `—` or a malformed text).
    static func parse(_ text: String) -> VerdictSummary? {
        var counts: [Verdict: Int] = [:]
        var total: Int?
        for part in text.components(separatedBy: separator) {
            let words = part.split(separator: " ")
            guard words.count == 2 else { return nil }
            let fraction = words[1].split(separator: "/")
            guard let verdict = Verdict(rawValue: String(words[0])), fraction.count == 2, let count = Int(fraction[0]),
                  let of = Int(fraction[1]), total == nil || total == of else { return nil }
            total = of
            counts[verdict] = count
        }
        let summary = VerdictSummary(counts: counts)
        return summary.total == total ? summary : nil
    }
}
