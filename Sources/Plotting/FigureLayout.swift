import Foundation

/// A text as laid out: its string (after truncation or wrapping), its box on the canvas, and how it
/// is drawn.
public struct PlacedText: Sendable, Equatable {
    public enum Role: Sendable, Equatable, CaseIterable {
        case figureTitle, panelTitle, axisLabel, tickLabel, legend, annotation, ruleLabel
    }

    public var text: String
    public var role: Role
    /// The box the text occupies: advance width × (ascent + descent), or the turned box when rotated.
    public var frame: Rect
    /// Reads bottom to top (y-axis labels).
    public var rotated: Bool
    var font: Font
    var ascent: Double
    var color: Color
}

/// Where an axis's domain lies and which ticks it shows.
public struct AxisLayout: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var scale: Axis.Scale
    public var ticks: [Tick]

    /// Fraction 0…1 of the way from `lower` to `upper` (outside for values out of the domain), or nil
    /// for values the scale cannot show (non-finite, or non-positive on a log scale).
    public func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if case .log = scale {
            guard value > 0 else { return nil }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
        return (value - lower) / (upper - lower)
    }
}

/// A panel as laid out: its grid cell, the plot rectangle the marks are drawn in, and its axes.
public struct PanelLayout: Sendable, Equatable {
    public var cell: Rect
    public var plot: Rect
    public var x: AxisLayout
    public var y: AxisLayout

    /// Pixel x of data value `value`, or nil if the axis cannot show it.
    public func px(_ value: Double) -> Double? {
        x.fraction(value).map { plot.minX + $0 * plot.width }
    }

    /// Pixel y of data value `value` (up is larger), or nil if the axis cannot show it.
    public func py(_ value: Double) -> Double? {
        y.fraction(value).map { plot.maxY - $0 * plot.height }
    }
}

/// The legend's symbol boxes; their labels are in `FigureLayout.texts`.
public struct LegendSwatch: Sendable, Equatable {
    public var entry: LegendEntry
    public var frame: Rect
}

/// Everything the renderer needs to know about positions, computed once from measured text.
///
/// Tests use it to check that no two texts overlap and that every text lies on the canvas.
public struct FigureLayout: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var texts: [PlacedText]
    public var panels: [PanelLayout]
    public var legend: [LegendSwatch]

    public var canvas: Rect { Rect(x: 0, y: 0, width: width, height: height) }
}
