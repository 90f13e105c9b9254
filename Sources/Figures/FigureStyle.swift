import Analysis
import Foundation
import Plotting
import Search
import Support

/// Colours, labels and small text conventions shared by the figures.
enum FigureStyle {
    /// Operator families in a fixed order, so a family keeps its looks across figures and runs.
    static let familyOrder: [OperatorFamily] = [.kEdit, .uniform, .perEdge, .distanceMixture, .opKernel]

    /// The families present in `operators`, in their fixed order.
    static func families(of operators: [OperatorRecord]) -> [OperatorFamily] {
        let present = Set(operators.map(\.family))
        return familyOrder.filter(present.contains)
    }

    /// Colour and marker of each family, each unique in both: the three large families get the three
    /// most distinct Okabe–Ito hues, the small anchor families reddish purple and black, so no two
    /// families share a hue (blue and sky blue, orange and vermillion are hard to tell apart).
    private static func look(_ family: OperatorFamily) -> (color: Color, marker: MarkerShape) {
        switch family {
        case .perEdge: (Palette.blue, .circle)
        case .distanceMixture: (Palette.orange, .square)
        case .opKernel: (Palette.bluishGreen, .triangle)
        case .kEdit: (Palette.reddishPurple, .diamond)
        case .uniform: (Palette.black, .cross)
        }
    }

    static func familyColor(_ family: OperatorFamily) -> Color { look(family).color }

    static func familyMarker(_ family: OperatorFamily) -> MarkerShape { look(family).marker }

    static func familyLegend(_ families: [OperatorFamily]) -> [LegendEntry] {
        families.map { LegendEntry($0.rawValue, color: familyColor($0), marker: familyMarker($0)) }
    }

    /// `H1 · τ = −0.41 · supported`, or why there is no tau: a panel that shows a test names it.
    static func tauText(_ test: HypothesisTest?) -> String {
        guard let test else { return "no test" }
        guard let tau = test.tau else { return "\(test.hypothesis.rawValue) · τ undefined" }
        return "\(test.hypothesis.rawValue) · τ = \(NumberFormat.number(tau)) · \(test.verdict.rawValue)"
    }

    /// Axis labels with their units: accuracies are percentages, improvability is their change per
    /// iteration, reach the expected edit distance of one proposal.
    static func accuracyLabel(_ metric: String) -> String { "\(metric) accuracy (%)" }
    static let improvabilityLabel = "mean improvability (accuracy points per iteration)"
    static let reachLabel = "reach (edits per proposal)"
    static let pathLengthLabel = "path length L (iterations, log scale)"
    static let hittingTimeLabel = "mean hitting time (iterations, log scale)"
    static let hittingTimeAxisLabel = "hitting time t (iterations, log scale)"

    /// An axis range over `values` with room above the data for the annotations in the top corners;
    /// `.auto` when the values do not span a range.
    static func rangeWithHeadroom(_ values: [Double], log: Bool = false, headroom: Double = 0.18) -> Axis.Range {
        let shown = values.filter { $0.isFinite && (!log || $0 > 0) }.map { log ? Foundation.log10($0) : $0 }
        guard let low = shown.min(), let high = shown.max(), high > low else { return .auto }
        let span = high - low
        let (a, b) = (low - 0.05 * span, high + headroom * span)
        return log ? .fixed(Foundation.pow(10, a), Foundation.pow(10, b)) : .fixed(a, b)
    }

    /// `#rrggbb` of a colour, its alpha left out: how the site and the data files name a series' colour.
    static func hex(_ color: Color) -> String {
        let channels = [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
        return String(format: "#%02x%02x%02x", channels[0], channels[1], channels[2])
    }

    /// PNG pixels per CSS pixel of a figure. The small multiples (six to eighteen panels of points and
    /// lines) were 70% of the real-data report's PNG bytes at 1.5×; at 1× they weigh under half as much
    /// and their text keeps its size at the width pages show them. Single plots stay sharp at 1.5×.
    static func pngScale(of kind: FigureEntry.Kind) -> Double {
        switch kind {
        case .reachVsImprovability, .hittingTime: 1
        case .tauByPathLength, .distribution, .improvabilityByPathLength, .topBottomBreakdown, .fitnessDistance, .autocorrelation,
             .orderEnergies, .algorithmFixedBudget, .algorithmRuntimes, .algorithmMap, .optimalReachByPathLength, .spectralShares:
            Plotting.pngScale
        }
    }

    static let noData = TextAnnotation("no data", corner: .topLeft, color: .gray)

    /// A Plotting figure id from a catalog path: unique per figure, safe as an SVG id prefix.
    static func figureID(_ path: String) -> String {
        let trimmed = path.hasPrefix("figures/") ? String(path.dropFirst("figures/".count)) : path
        return trimmed.replacingOccurrences(of: "/", with: "--")
    }
}
