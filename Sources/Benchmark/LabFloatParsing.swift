import Support

/// How the CSV source turns an accuracy's decimal text into a double.
public enum FloatParsing: String, Sendable, CaseIterable {
    /// The nearest double to the decimal (Swift's `Double(_:)`): the default, and the only honest reading.
    case correctlyRounded
    /// What pandas 2.2.1's `read_csv` returns with its default `float_precision=None`, which selects the C
    /// parser's `precise_xstrtod` (not the older `xstrtod`, which pandas ≥ 1.3 keeps as `"legacy"`). The
    /// lab's published landscape study read nats_bench.csv this way; this mode reproduces its inputs bit for
    /// bit, so that differences caused by parsing can be shown rather than asserted.
    case pandas221

    /// The name used by `--float-parsing` and recorded in provenance.
    public var optionName: String {
        switch self {
        case .correctlyRounded: "correctly-rounded"
        case .pandas221: "pandas-2.2.1"
        }
    }

    public init?(optionName: String) {
        guard let parsing = FloatParsing.allCases.first(where: { $0.optionName == optionName }) else { return nil }
        self = parsing
    }

    /// The value of `text`, which `Double(text)` already accepted as plain decimal notation (`correct`).
    func value(of text: String, correctlyRounded correct: Double) -> Double {
        switch self {
        case .correctlyRounded: return correct
        case .pandas221: return PandasPreciseXstrtod.parse(text) ?? correct
        }
    }
}

/// The algorithm of pandas 2.2.1's `precise_xstrtod`, in Swift, for plain decimal text
/// (`[+-]digits[.digits][(e|E)[+-]digits]`), checked bit for bit against pandas itself
/// (Tests/BenchmarkTests/Fixtures/pandas/pandas_float_golden.json). pandas' older `xstrtod` ("legacy") is not
/// what the lab used: read that way, CIFAR-10 has 250 neutral networks, not the published 249.
///
/// Why it is not correctly rounded: it keeps at most 17 significant digits (leading zeros count as
/// digits), accumulates them in a double (`m = m·10 + d`, which rounds once m passes 2^53), then applies
/// the decimal exponent with a single multiplication or division by a tabulated power of ten, a second
/// rounding. Two roundings leave the result one ulp off the nearest double for a few percent of
/// 16- and 17-digit inputs, which is what nats_bench.csv holds.
public enum PandasPreciseXstrtod {
    static let maximumDigits = 17
    /// 1e0 … 1e308, each the nearest double to its power of ten, like the C table.
    static let powersOfTen = PowersOfTen.nearest

    /// The parsed value, or nil when `text` is not plain decimal notation.
    public static func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var position = 0
        func digit(at index: Int) -> Int? {
            index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) ? Int(bytes[index] - UInt8(ascii: "0")) : nil
        }
        /// Consumes an optional sign; true when it was a minus.
        func readSign() -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") else { return false }
            position += 1
            return bytes[position - 1] == UInt8(ascii: "-")
        }
        let negative = readSign()
        var mantissa = 0.0
        var digits = 0
        var exponent = 0
        while let d = digit(at: position) {
            if digits < maximumDigits {
                mantissa = mantissa * 10 + Double(d)
                digits += 1
            } else {
                exponent += 1  // an integer digit beyond the 17th only scales the value
            }
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            var decimals = 0
            while digits < maximumDigits, let d = digit(at: position) {
                mantissa = mantissa * 10 + Double(d)
                digits += 1
                decimals += 1
                position += 1
            }
            while digit(at: position) != nil { position += 1 }  // decimals beyond the 17th digit are dropped
            exponent -= decimals
        }
        guard digits > 0 else { return nil }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            let exponentNegative = readSign()
            var written = 0
            var exponentDigits = 0
            while let d = digit(at: position) {
                written = min(written * 10 + d, 1_000_000)  // saturates: anything this large is out of range anyway
                exponentDigits += 1
                position += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard position == bytes.count else { return nil }
        var number = negative ? -mantissa : mantissa
        if exponent > 308 {
            number = number == 0 ? 0 : (number < 0 ? -.infinity : .infinity)
        } else if exponent > 0 {
            number *= powersOfTen[exponent]
        } else if exponent < -616 {
            number = 0
        } else if exponent < -308 {
            number /= powersOfTen[-308 - exponent]
            number /= powersOfTen[308]
        } else {
            number /= powersOfTen[-exponent]
        }
        return number
    }
}
