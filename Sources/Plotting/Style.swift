/// Font sizes, spacing and line widths of a figure, all in figure pixels (points in PDF).
public struct Style: Sendable, Equatable {
    /// The font family used for every text (Cairo toy text API).
    public var fontFamily: String = "DejaVu Sans"
    public var figureTitleSize: Double = 16
    public var panelTitleSize: Double = 13
    public var axisLabelSize: Double = 12
    public var tickLabelSize: Double = 11
    public var legendSize: Double = 12
    public var annotationSize: Double = 11
    /// Whether the figure's title is drawn; a paper figure's caption is the paper's, so there it is
    /// only the PDF's metadata title.
    public var drawsFigureTitle: Bool = true
    /// Empty space between the canvas edge and any drawing.
    public var margin: Double = 10
    /// Space between neighbouring text blocks (tick labels and axis label, title and plot, …), and the
    /// least space between two texts inside a plot.
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
    /// Multiplies the sizes marks give in pixels (point radii, halos, explicit line widths, dashes, error
    /// bar caps), so one figure description serves canvases of different sizes.
    public var markScale: Double = 1
    /// A scatter mark with more points than this is drawn in SVG and PDF as an embedded image: beyond a
    /// few thousand points, vector marks cost more bytes than the picture is worth.
    public var maxVectorPoints: Int = 2500
    /// Pixels per figure unit of those embedded images.
    public var rasterScale: Double = pngScale
    public var background: Color = .white
    public var foreground: Color = .darkGray
    /// Whether to draw light grid lines at the major ticks.
    public var grid: Bool = true

    public init() {}
}
