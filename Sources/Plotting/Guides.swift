/// A reference line across the plot at a fixed value, e.g. a threshold or the global maximum.
public struct RuleMark: Sendable {
    public enum Orientation: Sendable {
        /// A line at y = `value`.
        case horizontal
        /// A line at x = `value`.
        case vertical
    }

    public var orientation: Orientation
    public var value: Double
    public var label: String?
    public var color: Color
    public var dash: Dash

    public init(_ orientation: Orientation, at value: Double, label: String? = nil, color: Color = Palette.vermillion, dash: Dash = [5, 3]) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.color = color
        self.dash = dash
    }
}

/// Text inside the plot, in one of its corners; several annotations in one corner stack.
public struct TextAnnotation: Sendable {
    public enum Corner: Sendable, CaseIterable {
        case topLeft, topRight, bottomLeft, bottomRight
    }

    public var text: String
    public var corner: Corner
    public var color: Color

    public init(_ text: String, corner: Corner = .topLeft, color: Color = .darkGray) {
        self.text = text
        self.corner = corner
        self.color = color
    }
}
