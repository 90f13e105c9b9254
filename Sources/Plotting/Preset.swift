/// Where a figure is meant to be shown, which fixes its size, text and line widths.
public enum Preset: String, Sendable, CaseIterable {
    /// Web pages: the figure's own size in CSS pixels, 11–16 px text.
    case screen
    /// Journal pages: one or two columns wide in points, 8–9 pt text, thinner lines, smaller markers.
    case paper
}

/// How much of a two-column journal page a paper figure spans.
public enum ColumnSpan: Sendable, Equatable, CaseIterable {
    case single
    case double

    /// The width in points: 3.3 in and 6.9 in, the usual single- and double-column widths.
    public var width: Double {
        switch self {
        case .single: 238
        case .double: 497
        }
    }
}

extension Style {
    /// The style of figures for web pages.
    public static let screen = Style()

    /// The style of figures for journal pages, in points: text at 8–9 pt, the size journals ask for at
    /// print size; lines, markers and spacing scaled down to match.
    public static let paper: Style = {
        var style = Style()
        style.figureTitleSize = 9
        style.panelTitleSize = 8.5
        style.axisLabelSize = 8
        style.tickLabelSize = 8
        style.legendSize = 8
        style.annotationSize = 8
        style.drawsFigureTitle = false
        style.margin = 3
        style.gap = 2.5
        style.panelSpacing = 9
        style.tickLength = 2.5
        style.tickLabelSpacing = 5
        style.annotationPadding = 2.5
        style.axisLineWidth = 0.6
        style.gridLineWidth = 0.35
        style.lineWidth = 1
        style.markScale = 0.6
        // 300 dpi, the usual print resolution for halftones.
        style.rasterScale = 300.0 / 72
        return style
    }()
}

extension Figure {
    /// This figure restyled for print: `span`'s width, `height` points high, in the paper style.
    /// Panels, marks and legend are unchanged: sizes that marks give are scaled by the style.
    public func forPaper(_ span: ColumnSpan, height: Double) -> Figure {
        var figure = self
        figure.width = span.width
        figure.height = height
        figure.style = .paper
        return figure
    }
}
