import Foundation

/// Rounding to significant digits, for numbers written with the precision their data has rather than
/// the seventeen digits of a double.
public enum SignificantDigits {
    /// `value` to `digits` significant digits; zero, infinities and NaN as they are.
    public static func round(_ value: Double, digits: Int) -> Double {
        guard value.isFinite, value != 0 else { return value }
        return round(value, decimals: digits - 1 - Int(Foundation.floor(Foundation.log10(Swift.abs(value)))))
    }

    /// `value` to `decimals` decimal places (negative: to tens, hundreds, …).
    public static func round(_ value: Double, decimals: Int) -> Double {
        // Dividing by an exact power of ten gives the double nearest the decimal, which prints short.
        let scale = Foundation.pow(10, Double(Swift.abs(decimals)))
        return decimals >= 0 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
    }
}
