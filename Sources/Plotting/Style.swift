/// Font sizes, spacing and line widths of a figure, all in figure pixels.
public struct Style: Sendable, Equatable {
    /// The font family used for every text (Cairo toy text API).
    public var fontFamily: String = "DejaVu Sans"
    public var figureTitleSize: Double = 16
    public var panelTitleSize: Double = 13
    public var axisLabelSize: Double = 12
    public var tickLabelSize: Double = 11
    public var legendSize: Double = 12
    public var annotationSize: Double = 11
    /// Empty space between the canvas edge and any drawing.
    public var margin: Double = 10
    /// Space between neighbouring text blocks (tick labels and axis label, title and plot, …).
    public var gap: Double = 5
    /// Space between panels of a grid.
    public var panelSpacing: Double = 18
    public var tickLength: Double = 4
    /// Smallest horizontal space between two neighbouring x tick labels.
    public var tickLabelSpacing: Double = 8
    /// Inner padding between the plot frame and annotations placed in its corners.
    public var annotationPadding: Double = 4
    public var axisLineWidth: Double = 1
    public var gridLineWidth: Double = 0.6
    public var lineWidth: Double = 1.6
    public var background: Color = .white
    public var foreground: Color = .darkGray
    /// Whether to draw light grid lines at the major ticks.
    public var grid: Bool = true

    public init() {}
}
