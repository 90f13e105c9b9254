import Testing
import Foundation
import Statistics
@testable import Support

/// The download tables' number writer takes a shortcut for most values; its bytes must be those of the
/// general rule (the goldens and the round-trip guarantee depend on them).
@Suite struct SignificantDigitsTextTests {
    /// Positional text of `value`, or nil where the shortcut declines.
    private func shortcut(_ value: Double, digits: Int) -> String? {
        var bytes: [UInt8] = []
        guard SignificantDigits.appendPositional(value, digits: digits, to: &bytes) else {
            #expect(bytes.isEmpty)
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Values across every regime: random bit patterns (subnormals, huge, NaN), uniform decimals, powers
    /// of ten and their neighbours, integers and halves, each with both signs.
    private func samples() -> [Double] {
        var generator = SeededGenerator(seed: 16)
        var values: [Double] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .leastNormalMagnitude,
                                .greatestFiniteMagnitude, 0.5, 1, 999_999.5, 99_999.95, 0.000_099_999_95, 1e15, 1e16]
        for _ in 0..<50_000 { values.append(Double(bitPattern: generator.next())) }
        for _ in 0..<150_000 {
            let exponent = Double.random(in: -12...18, using: &generator)
            values.append(Foundation.pow(10, exponent) * Double.random(in: 1..<10, using: &generator))
        }
        for _ in 0..<50_000 { values.append(Double.random(in: 0..<1, using: &generator)) }
        for k in -330...330 {
            let power = Foundation.pow(10, Double(k))
            values += [power, power.nextUp, power.nextDown, power * 0.999_999_5, power * 9.999_995]
        }
        for n in 0..<2_000 { values += [Double(n), Double(n) + 0.5, Double(n * 7919) / 1000] }
        return values + values.map { -$0 }
    }

    @Test("the shortcut writes the general rule's bytes for every value it takes")
    func shortcutMatchesGeneralRule() {
        for digits in [1, 3, 6, 15] {
            var taken = 0, mismatches: [Double] = []
            for value in samples() {
                guard let text = shortcut(value, digits: digits) else { continue }
                taken += 1
                if text != SignificantDigits.text(value, digits: digits), mismatches.count < 10 { mismatches.append(value) }
            }
            #expect(mismatches.isEmpty, "digits \(digits): \(mismatches.map { "\($0)" })")
            // Most values of a table take the shortcut, or it would not be worth having.
            #expect(taken > 100_000, "digits \(digits): only \(taken) values took the shortcut")
        }
    }

    @Test("append writes the general rule's text whichever path it takes")
    func appendMatchesGeneralRule() {
        for value in samples() {
            var bytes: [UInt8] = []
            SignificantDigits.append(value, digits: 6, to: &bytes)
            if String(decoding: bytes, as: UTF8.self) != SignificantDigits.text(value, digits: 6) {
                Issue.record("\(value): \(String(decoding: bytes, as: UTF8.self)) ≠ \(SignificantDigits.text(value, digits: 6))")
                return
            }
        }
    }

    @Test("examples of each form")
    func examples() {
        let cases: [(Double, String)] = [(0.7753314, "0.775331"), (-12.5, "-12.5"), (1000.0001, "1000"), (-20, "-20"),
                                         (0.000123456789, "0.000123457"), (1.23456789e-5, "1.23457e-05"), (123456789, "123457000"),
                                         (0.1, "0.1"), (.nan, "nan"), (-0.0, "0")]
        for (value, expected) in cases {
            var bytes: [UInt8] = []
            SignificantDigits.append(value, digits: 6, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(value)")
        }
    }
}
