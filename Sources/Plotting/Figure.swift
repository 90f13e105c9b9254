/// One plot of a figure: its own axes and marks.
public struct Panel: Sendable {
    public var title: String
    public var x: Axis
    public var y: Axis
    /// Drawn in order, so later marks lie on top.
    public var marks: [Mark]

    public init(title: String = "", x: Axis = Axis(), y: Axis = Axis(), marks: [Mark] = []) {
        self.title = title
        self.x = x
        self.y = y
        self.marks = marks
    }
}

/// One entry of a figure's shared legend.
public struct LegendEntry: Sendable, Equatable {
    public enum Symbol: Sendable, Equatable {
        /// A marker of `LegendEntry.marker`'s shape (a circle when nil).
        case point
        /// A line, with a marker on it when `LegendEntry.marker` is set.
        case line
        /// A filled square, for bars, bands and histograms.
        case area
    }

    public var label: String
    public var color: Color
    public var symbol: Symbol
    /// The marker shape the entry's points (or the markers on its line) are drawn with.
    public var marker: MarkerShape?

    public init(_ label: String, color: Color, symbol: Symbol = .point, marker: MarkerShape? = nil) {
        self.label = label
        self.color = color
        self.symbol = symbol
        self.marker = marker
    }
}

/// A complete figure: a title, panels in a grid (small multiples), and an optional shared legend
/// below them.
public struct Figure: Sendable {
    /// Names the figure; also the prefix of every id in its SVG, so several SVGs can be inlined in
    /// one HTML page. Characters other than ASCII letters, digits, `-` and `_` are replaced.
    public var id: String
    /// Canvas size in pixels (PNG is rendered at `pngScale` times this size, PDF uses 1 px = 1 pt).
    public var width: Double
    public var height: Double
    /// PNG pixels per canvas pixel.
    public var pngScale: Double
    public var title: String
    public var panels: [Panel]
    /// Grid columns; panels fill rows left to right.
    public var columns: Int
    public var legend: [LegendEntry]
    public var style: Style

    public init(
        id: String, width: Double = 800, height: Double = 500, pngScale: Double = Plotting.pngScale, title: String = "",
        panels: [Panel], columns: Int = 1, legend: [LegendEntry] = [], style: Style = Style()
    ) {
        self.id = id
        self.width = width
        self.height = height
        self.pngScale = pngScale
        self.title = title
        self.panels = panels
        self.columns = max(1, columns)
        self.legend = legend
        self.style = style
    }

    /// Grid rows needed for the panels.
    public var rows: Int { max(1, (panels.count + columns - 1) / columns) }
}
