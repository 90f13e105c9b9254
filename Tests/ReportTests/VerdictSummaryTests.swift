import Analysis
@testable import Report
import Support
import Testing

@Suite("Verdict summaries and shared cells")
struct VerdictSummaryTests {
    @Test("a summary lists verdicts in a fixed order and reads back to the same counts")
    func roundTrip() {
        let summary = VerdictSummary(counts: [.inconclusive: 1, .supported: 6])
        #expect(summary.text == "supported 6/7 · inconclusive 1/7")
        #expect(VerdictSummary.parse(summary.text) == summary)
        #expect(summary.cssClass == "verdict-mixed")
        #expect(VerdictSummary(counts: [.falsified: 3]).cssClass == "verdict-falsified")
        #expect(VerdictSummary(counts: [:]).text == NumberFormat.missing)
        #expect(VerdictSummary(counts: [:]).cssClass == nil)
    }

    @Test("malformed or inconsistent texts are rejected")
    func parseRejects() {
        #expect(VerdictSummary.parse("supported 6/7 · inconclusive 2/7") == nil)
        #expect(VerdictSummary.parse("supported 6/7 · inconclusive 1/8") == nil)
        #expect(VerdictSummary.parse("supported six/7") == nil)
        #expect(VerdictSummary.parse(NumberFormat.missing) == nil)
    }

    @Test("a verdict's CSS class is named after it")
    func verdictClass() {
        #expect(Verdict.allCases.map(Vocabulary.verdictClass) == ["verdict-supported", "verdict-falsified", "verdict-inconclusive", "verdict-undefined"])
    }

    @Test("p-values that underflowed show as a bound, never as 0")
    func pValueCell() {
        #expect(Table.Cell.pValue(0).text == "< 1e-300")
        #expect(Table.Cell.pValue(0).sortKey == 0)
        #expect(Table.Cell.pValue(3.2e-7).text == "3.2e-7")
        #expect(Table.Cell.percent(0.600768).text == "60.1%")
    }

    @Test("configured values read as typed")
    func plain() {
        #expect(Vocabulary.plain(90) == "90")
        #expect(Vocabulary.plain(0.05) == "0.05")
        #expect(ReportContent.size(812) == "812 B")
        #expect(ReportContent.size(62_084_995) == "62.1 MB")
    }
}
