import Analysis
import Foundation
import Plotting
import Support
import Search

/// Colours, labels and small text conventions shared by the figures.
enum FigureStyle {
    /// Operator families in a fixed order, so a family keeps its colour across figures and runs.
    static let familyOrder: [OperatorFamily] = [.kEdit, .uniform, .perEdge, .distanceMixture, .opKernel]

    /// The families present in `operators`, in their fixed order.
    static func families(of operators: [OperatorRecord]) -> [OperatorFamily] {
        let present = Set(operators.map(\.family))
        return familyOrder.filter(present.contains)
    }

    static func familyColor(_ family: OperatorFamily) -> Color { Palette.color(familyOrder.firstIndex(of: family)!) }

    static func familyLegend(_ families: [OperatorFamily]) -> [LegendEntry] {
        families.map { LegendEntry($0.rawValue, color: familyColor($0)) }
    }

    /// `τ = −0.41 · supported`, or why there is no tau.
    static func tauText(_ test: HypothesisTest?) -> String {
        guard let test else { return "no test" }
        guard let tau = test.tau else { return "τ undefined" }
        return "τ = \(NumberFormat.number(tau)) · \(test.verdict.rawValue)"
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
