/// One axis of a panel: what it is called, how values map to positions, and which range it shows.
public struct Axis: Sendable, Equatable {
    /// How values are placed along the axis.
    public enum Scale: Sendable, Equatable {
        case linear
        /// Base-10 logarithmic; non-positive values are not drawn.
        case log
        /// One slot per label; slot `i` is centred at value `i`, so marks address categories by index.
        case categorical([String])
    }

    /// Which values the axis spans.
    public enum Range: Sendable, Equatable {
        /// The extent of the panel's marks, padded a little (and including zero for bars and histograms).
        case auto
        /// Exactly `lower…upper`; given reversed, the bounds are swapped.
        case fixed(Double, Double)
    }

    public var label: String
    public var scale: Scale
    public var range: Range

    public init(label: String = "", scale: Scale = .linear, range: Range = .auto) {
        self.label = label
        self.scale = scale
        self.range = range
    }

    /// A categorical axis with one slot per label.
    public static func categorical(_ labels: [String], label: String = "") -> Axis {
        Axis(label: label, scale: .categorical(labels))
    }
}
