import Analysis
import Foundation
import Plotting

/// Colours, labels and small text conventions shared by the figures.
enum FigureStyle {
    /// Operator families in a fixed order, so a family keeps its colour across figures and runs.
    static let knownFamilies = ["k-edit", "uniform", "per-edge", "distance-mixture", "op-kernel"]

    /// The families present in `operators`, known ones first in their fixed order.
    static func families(of operators: [OperatorRecord]) -> [String] {
        let present = Set(operators.map(\.family))
        let extra = present.subtracting(knownFamilies).sorted()
        return knownFamilies.filter(present.contains) + extra
    }

    static func familyColor(_ family: String) -> Color {
        if let index = knownFamilies.firstIndex(of: family) { return Palette.color(index) }
        return Palette.color(knownFamilies.count + abs(family.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) }) % 3)
    }

    static func familyLegend(_ families: [String]) -> [LegendEntry] {
        families.map { LegendEntry($0, color: familyColor($0)) }
    }

    /// A number with two decimals and a true minus sign.
    static func number(_ value: Double, digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", value)
        guard text.hasPrefix("-") else { return text }
        let body = text.dropFirst()
        return body.allSatisfy { $0 == "0" || $0 == "." } ? String(body) : "\u{2212}" + body
    }

    /// `τ = −0.41 · supported`, or why there is no tau.
    static func tauText(_ test: HypothesisTest?) -> String {
        guard let test else { return "no test" }
        guard let tau = test.tau else { return "τ undefined" }
        return "τ = \(number(tau)) · \(test.verdict)"
    }

    /// An axis range over `values` with room above the data for the annotations in the top corners;
    /// `.auto` when the values do not span a range.
    static func rangeWithHeadroom(_ values: [Double], log: Bool = false, headroom: Double = 0.18) -> Axis.Range {
        let shown = values.filter { $0.isFinite && (!log || $0 > 0) }.map { log ? Foundation.log10($0) : $0 }
        guard let low = shown.min(), let high = shown.max(), high > low else { return .auto }
        let span = high - low
        let (a, b) = (low - 0.05 * span, high + headroom * span)
        return log ? .fixed(Foundation.pow(10, a), Foundation.pow(10, b)) : .fixed(a, b)
    }

    static let noData = TextAnnotation("no data", corner: .topLeft, color: .gray)

    /// A Plotting figure id from a catalog path: unique per figure, safe as an SVG id prefix.
    static func figureID(_ path: String) -> String {
        let trimmed = path.hasPrefix("figures/") ? String(path.dropFirst("figures/".count)) : path
        return trimmed.replacingOccurrences(of: "/", with: "--")
    }
}
