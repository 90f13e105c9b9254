/// Something drawn inside a panel's plot area, in data coordinates.
///
/// Categorical axes place category `i` at value `i`, so bars, boxes and strips address categories by
/// index.
public enum Mark: Sendable {
    case scatter(ScatterMark)
    /// A polyline, or a step function (see `LineMark.Curve`).
    case line(LineMark)
    /// A filled area between a lower and an upper curve, e.g. an error band.
    case band(BandMark)
    case histogram(HistogramMark)
    case box(BoxMark)
    case bar(BarMark)
    case errorBars(ErrorBarMark)
    /// A horizontal or vertical reference line across the whole plot, optionally labelled.
    case rule(RuleMark)
    /// Text placed in a corner inside the plot, e.g. "τ = −0.41, supported".
    case annotation(TextAnnotation)
}

/// Points, each with its own colour, radius and alpha when given per point.
///
/// In SVG and PDF, each run of consecutive points that look alike is one path, so a series of
/// thousands of points is one element; a mark with more points than `Style.maxVectorPoints` is drawn
/// as an embedded image instead, at `Style.rasterScale`.
public struct ScatterMark: Sendable {
    public var x: [Double]
    public var y: [Double]
    /// One colour for all points, or per point when `colors` is set.
    public var color: Color
    public var colors: [Color]?
    /// Radius in pixels (of the circle with the marker's area), or per point when `radii` is set.
    public var radius: Double
    public var radii: [Double]?
    /// Multiplies each colour's own alpha; below 1 makes dense clouds readable.
    public var alpha: Double
    public var shape: MarkerShape
    /// Width of a ring in the background colour around each point, which lifts a small series off the
    /// points beneath it; 0 for none.
    public var halo: Double

    public init(
        x: [Double], y: [Double], color: Color = Palette.blue, colors: [Color]? = nil,
        radius: Double = 2.5, radii: [Double]? = nil, alpha: Double = 0.8, shape: MarkerShape = .circle, halo: Double = 0
    ) {
        self.x = x
        self.y = y
        self.color = color
        self.colors = colors
        self.radius = radius
        self.radii = radii
        self.alpha = alpha
        self.shape = shape
        self.halo = halo
    }
}

extension ScatterMark {
    /// The radius of point `i`.
    func radius(at i: Int) -> Double { radii.flatMap { i < $0.count ? $0[i] : nil } ?? radius }

    /// The colour of point `i`, before `alpha`.
    func color(at i: Int) -> Color { colors.flatMap { i < $0.count ? $0[i] : nil } ?? color }
}

/// A dash pattern in pixels (empty means solid).
public typealias Dash = [Double]

/// A line through `(x[i], y[i])` in the given order; non-finite points break the line.
public struct LineMark: Sendable {
    public enum Curve: Sendable {
        case linear
        /// Holds each value until the next x (a step function, e.g. an empirical CDF).
        case stepAfter
    }

    public var x: [Double]
    public var y: [Double]
    public var color: Color
    public var width: Double?
    public var dash: Dash
    public var curve: Curve

    /// `width` nil means the style's line width.
    public init(x: [Double], y: [Double], color: Color = Palette.blue, width: Double? = nil, dash: Dash = [], curve: Curve = .linear) {
        self.x = x
        self.y = y
        self.color = color
        self.width = width
        self.dash = dash
        self.curve = curve
    }
}

/// The area between `lower[i]` and `upper[i]` over `x[i]`.
public struct BandMark: Sendable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: Color

    /// The colour is usually translucent, e.g. `Palette.blue.withAlpha(0.25)`.
    public init(x: [Double], lower: [Double], upper: [Double], color: Color = Palette.blue.withAlpha(0.25)) {
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
    }
}

/// Vertical (or horizontal) intervals `low[i]…high[i]` at positions `at[i]`, with caps.
public struct ErrorBarMark: Sendable {
    public enum Orientation: Sendable {
        /// Intervals along y at x positions `at`.
        case vertical
        /// Intervals along x at y positions `at`.
        case horizontal
    }

    public var at: [Double]
    public var low: [Double]
    public var high: [Double]
    public var orientation: Orientation
    public var color: Color
    /// Full cap length in pixels (0 for no caps).
    public var capWidth: Double

    public init(at: [Double], low: [Double], high: [Double], orientation: Orientation = .vertical, color: Color = .darkGray, capWidth: Double = 6) {
        self.at = at
        self.low = low
        self.high = high
        self.orientation = orientation
        self.color = color
        self.capWidth = capWidth
    }
}
