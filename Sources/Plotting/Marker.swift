import CCairo
import Foundation

/// The shape of a scatter point. Series that differ in shape as well as colour stay apart in greyscale
/// print and for readers who cannot tell two hues apart.
public enum MarkerShape: Sendable, Hashable, CaseIterable {
    case circle
    case square
    case triangle
    case diamond
    /// An ×.
    case cross
    /// A +.
    case plus
    case triangleDown

    /// The `index`-th shape, cycling through `allCases`; pair it with `Palette.color(index)` so each
    /// series differs in both.
    public static func shape(_ index: Int) -> MarkerShape {
        let shapes = allCases
        return shapes[((index % shapes.count) + shapes.count) % shapes.count]
    }
}

/// How one marker is painted: every shape is a few path segments, so a whole series is one compact
/// path (one SVG element) instead of one element per point.
///
/// Circles, squares and diamonds are single stroked segments (a zero-length round-capped segment is a
/// disc, a butt-capped segment as long as it is wide a square); triangles are filled; crosses are two
/// stroked segments. `outset` grows the shape by that much on every side, for the halo drawn beneath
/// highlighted points.
struct MarkerGeometry {
    enum Paint {
        case fill
        /// Filled, then outlined with round joins: a filled shape grown by half the width.
        case fillAndStroke(width: Double)
        case stroke(width: Double, cap: cairo_line_cap_t)
    }

    let shape: MarkerShape
    /// The radius of the circle of the same area (crosses: of about the same extent).
    let size: Double
    var outset: Double = 0
    /// When set, centres and the offsets of vertices from them are rounded to multiples of it, so that
    /// vector path text stays short and every marker of a series has the same shape.
    var grid: Double?

    private func snapped(_ value: Double) -> Double {
        guard let grid else { return value }
        return (value / grid).rounded() * grid
    }

    /// `snapped` for an offset from the centre, never rounded away to nothing.
    private func snappedOffset(_ value: Double) -> Double {
        guard let grid else { return value }
        return max(grid, snapped(value))
    }

    /// Strokes of crosses are this fraction of the marker size wide.
    private static let crossStrokeFraction = 0.45
    /// Arms of crosses reach this multiple of the marker size from the centre.
    private static let crossArmFraction = 1.25

    /// Side of the square with the circle's area.
    private var squareSide: Double { size * Double.pi.squareRoot() }
    /// Circumradius of the equilateral triangle with the circle's area.
    private var triangleRadius: Double { size * (4 * Double.pi / (3 * 3.0.squareRoot())).squareRoot() }

    var paint: Paint {
        switch shape {
        case .circle: .stroke(width: 2 * (size + outset), cap: CAIRO_LINE_CAP_ROUND)
        case .square: .stroke(width: 2 * squareHalf, cap: CAIRO_LINE_CAP_BUTT)
        case .diamond: .stroke(width: 2 * diamondHalf * 2.0.squareRoot(), cap: CAIRO_LINE_CAP_BUTT)
        case .triangle, .triangleDown: outset > 0 ? .fillAndStroke(width: 2 * outset) : .fill
        case .cross, .plus: .stroke(width: Self.crossStrokeFraction * size + 2 * outset, cap: CAIRO_LINE_CAP_BUTT)
        }
    }

    /// Half the side of the square, as drawn.
    private var squareHalf: Double { snappedOffset(squareSide / 2 + outset) }
    /// Half the diagonal extent of the diamond along each axis, as drawn.
    private var diamondHalf: Double { snappedOffset((squareSide / 2 + outset) / 2.0.squareRoot()) }

    /// Adds the marker centred on `(x, y)` to the current path of `cr`.
    func append(to cr: OpaquePointer, x: Double, y: Double) {
        let (x, y) = (snapped(x), snapped(y))
        func moveTo(_ dx: Double, _ dy: Double) { cairo_move_to(cr, x + dx, y + dy) }
        func lineTo(_ dx: Double, _ dy: Double) { cairo_line_to(cr, x + dx, y + dy) }
        switch shape {
        case .circle:
            moveTo(0, 0)
            lineTo(0, 0)
        case .square:
            moveTo(-squareHalf, 0)
            lineTo(squareHalf, 0)
        case .diamond:
            // A butt-capped segment along the diagonal, as long as it is wide: the square turned 45°.
            moveTo(-diamondHalf, -diamondHalf)
            lineTo(diamondHalf, diamondHalf)
        case .triangle, .triangleDown:
            // Centred on its centroid; y grows downwards, so the upward triangle's apex is at y − r.
            let r = triangleRadius
            let apex: Double = shape == .triangle ? -1 : 1
            let (halfBase, baseOffset) = (snappedOffset(r * cos(Double.pi / 6)), snappedOffset(r / 2))
            moveTo(0, apex * snappedOffset(r))
            lineTo(-halfBase, -apex * baseOffset)
            lineTo(halfBase, -apex * baseOffset)
            cairo_close_path(cr)
        case .cross, .plus:
            let arm = Self.crossArmFraction * size + outset
            let (dx, dy) = shape == .cross
                ? (snappedOffset(arm / 2.0.squareRoot()), snappedOffset(arm / 2.0.squareRoot())) : (snappedOffset(arm), 0)
            moveTo(-dx, -dy)
            lineTo(dx, dy)
            moveTo(-dy, dx)
            lineTo(dy, -dx)
        }
    }

    /// Fills or strokes the current path of `cr` as this marker, in the source already set.
    func paintPath(on cr: OpaquePointer) {
        switch paint {
        case .fill:
            cairo_fill(cr)
        case .fillAndStroke(let width):
            cairo_fill_preserve(cr)
            cairo_set_line_width(cr, width)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(cr)
        case .stroke(let width, let cap):
            cairo_set_line_width(cr, width)
            cairo_set_line_cap(cr, cap)
            cairo_stroke(cr)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        }
    }

    /// Half the side of a square around the marker centre that holds all of its ink.
    var extent: Double {
        switch shape {
        case .circle: size + outset
        case .square: squareSide / 2 + outset
        case .diamond: (squareSide / 2 + outset) * 2.0.squareRoot()
        case .triangle, .triangleDown: triangleRadius + outset
        case .cross, .plus: Self.crossArmFraction * size + outset + Self.crossStrokeFraction * size / 2 + outset
        }
    }
}
