import Foundation

/// Number formatting shared by every page, so the same quantity always reads the same way:
/// a fixed number of significant digits, a true minus sign, `—` for missing values.
public enum NumberFormat {
    /// Shown for a missing or undefined value.
    public static let missing = "—"
    /// U+2212: typographically a minus, unlike the hyphen that `String(format:)` produces.
    public static let minus = "\u{2212}"
    /// The smallest p-value a Double can distinguish from zero here; smaller ones are shown as a bound.
    public static let pValueFloor = 1e-300

    /// `value` with `significantDigits` significant digits, e.g. `0.123`, `−12.3`, `93.4`, `1235`;
    /// magnitudes below 0.001 in scientific notation (`1.23e-5`). Nil, NaN → `—`.
    public static func number(_ value: Double?, significantDigits: Int = 3) -> String {
        guard let value, !value.isNaN else { return missing }
        if value.isInfinite { return value < 0 ? minus + "∞" : "∞" }
        if value == 0 { return "0" }
        let digits = max(1, significantDigits)
        let magnitude = abs(value)
        let text: String
        if magnitude < 1e-3 {
            text = scientific(magnitude, significantDigits: digits)
        } else {
            let exponent = Int(floor(log10(magnitude)))
            let decimals = max(0, digits - 1 - exponent)
            text = String(format: "%.\(decimals)f", magnitude)
        }
        return signed(value < 0 ? "-" + text : text)
    }

    /// A p-value: three significant digits down to 0.001 (`0.0123`), then two in scientific
    /// notation (`3.2e-7`); a p-value that underflowed to 0 is shown as `< 1e-300`, never `0`.
    public static func pValue(_ p: Double?) -> String {
        guard let p, !p.isNaN else { return missing }
        if p < pValueFloor { return "< 1e-300" }
        if p < 1e-3 { return scientific(p, significantDigits: 2) }
        return number(p, significantDigits: 3)
    }

    /// `value` with exactly `digits` decimals and a true minus sign, for sentences and figure labels
    /// (`−4.81`); nil, NaN → `—`.
    public static func fixed(_ value: Double?, digits: Int) -> String {
        guard let value, !value.isNaN else { return missing }
        if value.isInfinite { return value < 0 ? minus + "∞" : "∞" }
        return signed(String(format: "%.\(max(0, digits))f", value))
    }

    /// Replaces the leading ASCII hyphen of a formatted number by a minus sign, and drops the sign of a
    /// value that prints as zero (a sign on zero would mislead).
    public static func signed(_ text: String) -> String {
        guard text.hasPrefix("-") else { return text }
        let body = text.dropFirst()
        return body.allSatisfy({ $0 == "0" || $0 == "." }) ? String(body) : minus + body
    }

    /// An integer with thin-space thousands grouping, e.g. `15 625`.
    public static func integer(_ value: Int?) -> String {
        guard let value else { return missing }
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(digit)
        }
        return value < 0 ? minus + grouped : grouped
    }

    /// `value` in scientific notation whatever its size (`2.77e-3`, `−1.5e0`), for a table column that
    /// holds numbers below 0.001 beside larger ones; zero stays `0`. Nil, NaN → `—`.
    public static func scientific(_ value: Double?, significantDigits: Int) -> String {
        guard let value, !value.isNaN else { return missing }
        guard value != 0, value.isFinite else { return number(value, significantDigits: significantDigits) }
        let text = scientific(abs(value), significantDigits: max(1, significantDigits))
        return value < 0 ? minus + text : text
    }

    /// `1.23e-5` style: mantissa with `significantDigits` digits, exponent without padding or `+`.
    private static func scientific(_ magnitude: Double, significantDigits: Int) -> String {
        let raw = String(format: "%.\(significantDigits - 1)e", magnitude)
        guard let e = raw.firstIndex(of: "e"), let exponent = Int(raw[raw.index(after: e)...]) else { return raw }
        return "\(raw[..<e])e\(exponent)"
    }
}
