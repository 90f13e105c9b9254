import Foundation

/// Rounding to significant digits, for numbers written with the precision their data has rather than
/// the seventeen digits of a double.
public enum SignificantDigits {
    /// `value` to `digits` significant digits; zero, infinities and NaN as they are.
    public static func round(_ value: Double, digits: Int) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let exponent = digits - 1 - Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        // Dividing by an exact power of ten gives the double nearest the decimal, which prints short.
        return exponent >= 0
            ? (value * Foundation.pow(10, Double(exponent))).rounded() / Foundation.pow(10, Double(exponent))
            : (value / Foundation.pow(10, Double(-exponent))).rounded() * Foundation.pow(10, Double(-exponent))
    }
}
