import Foundation

/// The download tables' text of a double rounded to significant digits: integral values without a
/// decimal point (`1`, `-20`), others in their shortest round-trip form (`0.775331`, `1.5e-05`).
extension SignificantDigits {
    /// Appends the text of `value` to `digits` significant digits to `bytes`.
    public static func append(_ value: Double, digits: Int, to bytes: inout [UInt8]) {
        if !appendPositional(value, digits: digits, to: &bytes) { bytes += text(value, digits: digits).utf8 }
    }

    /// The general rule, for every value: Swift's shortest round-trip text of the rounded double.
    static func text(_ value: Double, digits: Int) -> String {
        let rounded = round(value, digits: digits)
        if rounded == rounded.rounded(), Swift.abs(rounded) < 1e15 { return String(Int(rounded)) }
        return CSVFormat.number(rounded)
    }

    /// The bytes of `text` without building a string, for the values that fill the tables: magnitudes
    /// of at least 1e-4 (which Swift prints positionally) that keep decimals after rounding. False, and
    /// nothing appended, for any other value.
    ///
    /// Why the digits are those of the scaled integer: `round` returns M / 10^k, the double nearest to
    /// that decimal (M exact, 10^k exact for k ≤ 22, one correctly rounded division). A decimal of at
    /// most fifteen significant digits is the only one that short within half an ulp of its nearest
    /// double, so the shortest round-trip text of the rounded value is M / 10^k written out, trailing
    /// zeros dropped; it is integral exactly when those decimals are all zeros.
    static func appendPositional(_ value: Double, digits: Int, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite, value != 0, (1...15).contains(digits) else { return false }
        // The decimal exponent exactly as `round(_:digits:)` takes it, so that both round alike.
        let exponent = Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        let decimals = digits - 1 - exponent
        guard exponent >= -4, decimals >= 1, decimals <= PowersOfTen.exactLimit else { return false }
        let scaled = (value * PowersOfTen.nearest[decimals]).rounded()
        guard Swift.abs(scaled) < 1e15 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            // The digits of M right-aligned, padded with zeros to at least one before the point.
            var start = buffer.count, rest = UInt(Swift.abs(scaled))
            while rest > 0 || buffer.count - start <= decimals {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            let point = buffer.count - decimals
            var end = buffer.count
            while end > point, buffer[end - 1] == UInt8(ascii: "0") { end -= 1 }
            if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes += UnsafeBufferPointer(rebasing: buffer[start..<point])
            if end > point {
                bytes.append(UInt8(ascii: "."))
                bytes += UnsafeBufferPointer(rebasing: buffer[point..<end])
            }
            return true
        }
    }
}
