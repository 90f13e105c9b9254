/// An sRGB colour with straight (non-premultiplied) alpha, components in [0, 1].
public struct Color: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a 24-bit `0xRRGGBB` literal.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255,
            green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255,
            alpha: alpha)
    }

    /// The same colour with its alpha replaced.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)
    /// Axis lines, ticks and secondary text.
    public static let darkGray = Color(hex: 0x333333)
    /// Grid lines and reference lines that must not compete with data.
    public static let lightGray = Color(hex: 0xDDDDDD)
    public static let gray = Color(hex: 0x888888)
}

/// The Okabe–Ito palette: eight colours distinguishable under the common colour-vision deficiencies.
public enum Palette {
    public static let orange = Color(hex: 0xE69F00)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let bluishGreen = Color(hex: 0x009E73)
    public static let yellow = Color(hex: 0xF0E442)
    public static let blue = Color(hex: 0x0072B2)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let reddishPurple = Color(hex: 0xCC79A7)
    public static let black = Color(hex: 0x000000)

    /// The palette in an order where neighbours contrast well; yellow comes late because it is faint
    /// on white.
    public static let okabeIto: [Color] = [blue, orange, bluishGreen, vermillion, skyBlue, reddishPurple, yellow, black]

    /// The `index`-th series colour, cycling through `okabeIto`.
    public static func color(_ index: Int) -> Color {
        okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }
}
