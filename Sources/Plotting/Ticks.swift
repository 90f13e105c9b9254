import Support
import Foundation

/// A major tick: its value and the label printed next to it.
public struct Tick: Sendable, Equatable {
    public var value: Double
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Tick placement at "nice" 1-2-5 steps and their labels.
public enum Ticks {
    /// A non-empty, increasing, finite domain for any input: reversed bounds are swapped, a single
    /// value is widened around itself, non-finite bounds fall back to 0…1.
    public static func normalizedDomain(_ a: Double, _ b: Double) -> (lower: Double, upper: Double) {
        guard a.isFinite, b.isFinite else { return (0, 1) }
        let (lo, hi) = a <= b ? (a, b) : (b, a)
        if hi > lo { return (lo, hi) }
        let half = lo == 0 ? 1 : abs(lo) * 0.1
        return (lo - half, hi + half)
    }

    /// About `count` ticks inside `a…b` at a step of 1, 2 or 5 × 10ᵏ, with labels that share one
    /// number of decimals. Never fewer than two ticks for a non-degenerate domain.
    public static func linear(_ a: Double, _ b: Double, count: Int = 5) -> [Tick] {
        let (lo, hi) = normalizedDomain(a, b)
        var target = max(2, count)
        while true {
            let step = NiceStep(span: hi - lo, count: target)
            let first = (lo / step.value - 1e-9).rounded(.up)
            let last = (hi / step.value + 1e-9).rounded(.down)
            let values = stride(from: first, through: last, by: 1).map(step.multiple)
            if values.count >= 2 || target > 50 {
                let format = NumberFormat(step: step, magnitude: max(abs(lo), abs(hi)))
                return values.map { Tick(value: $0, label: format.label($0)) }
            }
            target *= 2
        }
    }

    /// Ticks for a base-10 log axis over `a…b` (both positive): powers of ten, thinned to about `count`
    /// when the range spans many decades, or filled in with 2× and 5× when it spans fewer than two.
    public static func log(_ a: Double, _ b: Double, count: Int = 5) -> [Tick] {
        var (lo, hi) = normalizedDomain(a, b)
        if lo <= 0 { lo = hi > 0 ? hi / 1e3 : 1; hi = max(hi, lo * 10) }
        let firstDecade = Int(Foundation.log10(lo).rounded(.down))
        let lastDecade = Int(Foundation.log10(hi).rounded(.up))
        let decades = lastDecade - firstDecade
        let mantissas: [Double] = Foundation.log10(hi / lo) < 2 ? [1, 2, 5] : [1]
        let every = max(1, Int((Double(decades) / Double(max(2, count))).rounded(.up)))
        var ticks: [Tick] = []
        for decade in firstDecade...lastDecade where decade % every == 0 {
            for mantissa in mantissas {
                let value = mantissa * power10(decade)
                guard value >= lo * (1 - 1e-12), value <= hi * (1 + 1e-12) else { continue }
                ticks.append(Tick(value: value, label: NumberFormat.logLabel(mantissa: mantissa, decade: decade)))
            }
        }
        if ticks.count < 2 { return linear(lo, hi, count: count) }
        return ticks
    }

    /// 10ᵏ computed so that negative powers are correctly rounded (1/10³ rather than 10⁻¹ · 10⁻¹ · 10⁻¹).
    static func power10(_ exponent: Int) -> Double {
        exponent >= 0 ? Foundation.pow(10, Double(exponent)) : 1 / Foundation.pow(10, Double(-exponent))
    }
}

/// A tick step `mantissa × 10^exponent` with mantissa 1, 2 or 5.
struct NiceStep {
    var mantissa: Double
    var exponent: Int

    init(span: Double, count: Int) {
        let raw = span / Double(max(1, count))
        var exponent = Int(Foundation.log10(raw).rounded(.down))
        let fraction = raw / Ticks.power10(exponent)
        let mantissa: Double
        switch fraction {
        case ..<1.5: mantissa = 1
        case ..<3.5: mantissa = 2
        case ..<7.5: mantissa = 5
        default: mantissa = 1; exponent += 1
        }
        self.mantissa = mantissa
        self.exponent = exponent
    }

    var value: Double { mantissa * Ticks.power10(exponent) }

    /// `k × step`, computed by an exact integer product and one correctly rounded scaling, so that
    /// 3 × 0.1 gives 0.3 and not 0.30000000000000004.
    func multiple(_ k: Double) -> Double {
        let units = k * mantissa
        let result = exponent >= 0 ? units * Ticks.power10(exponent) : units / Ticks.power10(-exponent)
        return result == 0 ? 0 : result
    }
}

/// Formats tick values: fixed decimals for everyday magnitudes, `m×10ᵏ` for very large or small ones,
/// a true minus sign, and never "−0".
struct NumberFormat {
    var decimals: Int
    var scientific: Bool
    var stepExponent: Int

    init(step: NiceStep, magnitude: Double) {
        stepExponent = step.exponent
        scientific = magnitude >= 1e6 || (magnitude < 1e-3 && magnitude > 0)
        decimals = max(0, -step.exponent)
    }

    func label(_ value: Double) -> String {
        if value == 0 { return "0" }
        guard scientific else { return Self.signed(String(format: "%.\(decimals)f", value)) }
        var exponent = Int(Foundation.log10(abs(value)).rounded(.down))
        var digits = min(15, max(0, exponent - stepExponent))
        var mantissa = String(format: "%.\(digits)f", value / Ticks.power10(exponent))
        if let m = Double(mantissa), abs(m) >= 10 {
            exponent += 1
            digits = min(15, max(0, exponent - stepExponent))
            mantissa = String(format: "%.\(digits)f", value / Ticks.power10(exponent))
        }
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return Self.signed(mantissa) + "×10" + Self.superscript(exponent)
    }

    static func logLabel(mantissa: Double, decade: Int) -> String {
        if (-3...4).contains(decade) {
            return String(format: "%.\(max(0, -decade))f", mantissa * Ticks.power10(decade))
        }
        let power = "10" + superscript(decade)
        return mantissa == 1 ? power : String(format: "%.0f", mantissa) + "×" + power
    }

    /// Replaces the ASCII hyphen by a minus sign and drops the sign of a value that prints as zero.
    static func signed(_ text: String) -> String {
        guard text.hasPrefix("-") else { return text }
        let body = text.dropFirst()
        if body.allSatisfy({ $0 == "0" || $0 == "." }) { return String(body) }
        return "\u{2212}" + body
    }

    static func superscript(_ exponent: Int) -> String {
        let digits: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return String(String(exponent).map { digits[$0] ?? $0 })
    }
}
