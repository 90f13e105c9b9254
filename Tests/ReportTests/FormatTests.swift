import Testing
@testable import Report

@Suite struct FormatTests {
    @Test func significantDigitsAndMinusSign() {
        #expect(Format.number(0.123456) == "0.123")
        #expect(Format.number(-12.345) == "\u{2212}12.3")
        #expect(Format.number(93.3666) == "93.4")
        #expect(Format.number(1234.6) == "1235")
        #expect(Format.number(1.2345e-5) == "1.23e-5")
        #expect(Format.number(-0.00012345, significantDigits: 2) == "\u{2212}1.2e-4")
        #expect(Format.number(0) == "0")
        #expect(Format.number(-0.0) == "0")
        #expect(Format.number(0.5, significantDigits: 1) == "0.5")
    }

    @Test func missingValues() {
        #expect(Format.number(nil) == "—")
        #expect(Format.number(.nan) == "—")
        #expect(Format.pValue(nil) == "—")
        #expect(Format.integer(nil) == "—")
    }

    @Test func pValuesNeverShowZero() {
        #expect(Format.pValue(3.2e-7) == "3.2e-7")
        #expect(Format.pValue(3.24e-12) == "3.2e-12")
        #expect(Format.pValue(0.01234) == "0.0123")
        #expect(Format.pValue(0.5) == "0.500")
        #expect(Format.pValue(0) == "< 1e-300")
        #expect(Format.pValue(Double.leastNonzeroMagnitude) == "< 1e-300")
        #expect(Format.pValue(0.000999) == "1.0e-3")
    }

    @Test func integersAreGroupedByThousands() {
        #expect(Format.integer(15_625) == "15\u{202F}625")
        #expect(Format.integer(-1_234_567) == "\u{2212}1\u{202F}234\u{202F}567")
        #expect(Format.integer(999) == "999")
    }
}
