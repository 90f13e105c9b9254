import Foundation
import Landscape

/// A plain-text terminal table of landscape summaries: one row per quantity, one column per metric.
enum LandscapeTable {
    /// Lags of ρ(k) shown in the table (the JSON has all of them).
    static let shownLags = [1, 2, 5, 10, 20]

    /// Renders the table; `columns` pairs each metric's title with its summary, in display order.
    static func format(_ columns: [(title: String, summary: LandscapeSummary)]) -> String {
        var rows: [(String, [String])] = [("quantity", columns.map(\.title))]
        func row(_ label: String, _ cell: (LandscapeSummary) -> String) {
            rows.append((label, columns.map { cell($0.summary) }))
        }
        row("max fitness") { number($0.maxFitness) }
        row("global max (API index)") { "\($0.globalMaxIndex)" }
        row("strict local maxima") { "\($0.numLocalMaxima)" }
        row("maxima: Kendall(f, d)") { number($0.localMaximaKendall) }
        row("FDC Pearson") { number($0.fdc) }
        row("FDC Spearman") { number($0.fdcSpearman) }
        row("FDC Kendall tau-b") { number($0.fdcKendall) }
        row("FDC Kendall p-value") { pValue($0.fdcKendallPValue) }
        for lag in shownLags {
            row("rho(\(lag)) exact") { number($0.autocorrelation.flatMap { lag <= $0.count ? $0[lag - 1] : nil }) }
        }
        row("rho(1) Monte Carlo") { summary in
            guard let estimate = summary.autocorrelationMonteCarlo?.first,
                  let error = summary.autocorrelationStandardError?.first else { return "-" }
            return "\(number(estimate)) ± \(number(error))"
        }
        row("correlation length (exact)") { number($0.exactCorrelationLength) }
        for order in 1...6 {
            row("variance share order \(order)") { number($0.orderVarianceShares?[order]) }
        }
        row("weak basins") { "\($0.numWeakBasins)" }
        row("mean weak basin size (with maximum)") { number($0.avgWeakBasinSizeWithMaximum, digits: 1) }
        row("weak basin max edit distance") { "\($0.weakBasinMaxEditDistance)" }
        row("strong basins (> 1 cell)") { "\($0.numStrongBasins)" }
        row("strong basin max edit distance") { "\($0.strongBasinMaxEditDistance)" }
        row("global max weak basin share") { number($0.globalMaxWeakBasinShare) }
        row("global max strong basin share") { number($0.globalMaxStrongBasinShare) }
        row("neutral networks") { "\($0.numNeutralNetworks)" }
        row("largest neutral network") { "\($0.maxNeutralNetworkSize)" }
        row("largest network fitness") { number($0.maxNeutralNetworkFitness) }
        row("values next to largest") { "\($0.maxNeutralNetworkNeighbourValues.count)" }
        return align(rows)
    }

    /// Left-aligns the labels and right-aligns every value column.
    private static func align(_ rows: [(String, [String])]) -> String {
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let columnCount = rows.first?.1.count ?? 0
        let widths = (0..<columnCount).map { column in rows.map { $0.1[column].count }.max() ?? 0 }
        return rows.map { label, cells in
            let padded = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let values = cells.enumerated().map { String(repeating: " ", count: widths[$0] - $1.count) + $1 }
            return ([padded] + values).joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double?, digits: Int = 4) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "-"
    }

    /// A p-value that underflows a double is shown as a bound, never as a bare 0.
    private static func pValue(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == 0 ? "< 1e-300" : String(format: "%.3g", value)
    }
}
