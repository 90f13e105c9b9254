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

    /// Colour and marker of each known family, each unique in both: the three large families get the
    /// three most distinct Okabe–Ito hues, the small anchor families reddish purple and black, so no two
    /// families share a hue (blue and sky blue, orange and vermillion are hard to tell apart).
    private static let knownLooks: [String: (color: Color, marker: MarkerShape)] = [
        "per-edge": (Palette.blue, .circle), "distance-mixture": (Palette.orange, .square),
        "op-kernel": (Palette.bluishGreen, .triangle), "k-edit": (Palette.reddishPurple, .diamond), "uniform": (Palette.black, .cross),
    ]
    /// Looks of families the figures do not know yet, chosen by a hash of the name: the remaining
    /// colours and markers, so that they still differ from every known family in both.
    private static let extraLooks: [(color: Color, marker: MarkerShape)] = [
        (Palette.skyBlue, .plus), (Palette.vermillion, .triangleDown),
    ]

    private static func look(_ family: String) -> (color: Color, marker: MarkerShape) {
        knownLooks[family] ?? extraLooks[abs(family.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) }) % extraLooks.count]
    }

    static func familyColor(_ family: String) -> Color { look(family).color }

    static func familyMarker(_ family: String) -> MarkerShape { look(family).marker }

    static func familyLegend(_ families: [String]) -> [LegendEntry] {
        families.map { LegendEntry($0, color: familyColor($0), marker: familyMarker($0)) }
    }

    /// A number with two decimals and a true minus sign.
    static func number(_ value: Double, digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", value)
        guard text.hasPrefix("-") else { return text }
        let body = text.dropFirst()
        return body.allSatisfy { $0 == "0" || $0 == "." } ? String(body) : "\u{2212}" + body
    }

    /// `H1 · τ = −0.41 · supported`, or why there is no tau: a panel that shows a test names it.
    static func tauText(_ test: HypothesisTest?) -> String {
        guard let test else { return "no test" }
        guard let tau = test.tau else { return "\(test.hypothesis) · τ undefined" }
        return "\(test.hypothesis) · τ = \(number(tau)) · \(test.verdict)"
    }

    /// Axis labels with their units: accuracies are percentages, improvability is their change per
    /// iteration, reach the expected edit distance of one proposal.
    static func accuracyLabel(_ metric: String) -> String { "\(metric) accuracy (%)" }
    static let improvabilityLabel = "mean improvability (accuracy points per iteration)"
    static let reachLabel = "reach (edits per proposal)"
    static let pathLengthLabel = "path length L (iterations, log scale)"
    static let hittingTimeLabel = "mean hitting time (iterations, log scale)"

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
