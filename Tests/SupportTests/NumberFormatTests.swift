import Testing
import Support

@Suite struct FormatTests {
    @Test func significantDigitsAndMinusSign() {
        #expect(NumberFormat.number(0.123456) == "0.123")
        #expect(NumberFormat.number(-12.345) == "\u{2212}12.3")
        #expect(NumberFormat.number(93.3666) == "93.4")
        #expect(NumberFormat.number(1234.6) == "1235")
        #expect(NumberFormat.number(1.2345e-5) == "1.23e-5")
        #expect(NumberFormat.number(-0.00012345, significantDigits: 2) == "\u{2212}1.2e-4")
        #expect(NumberFormat.number(0) == "0")
        #expect(NumberFormat.number(-0.0) == "0")
        #expect(NumberFormat.number(0.5, significantDigits: 1) == "0.5")
    }

    @Test func missingValues() {
        #expect(NumberFormat.number(nil) == "—")
        #expect(NumberFormat.number(.nan) == "—")
        #expect(NumberFormat.pValue(nil) == "—")
        #expect(NumberFormat.integer(nil) == "—")
    }

    @Test func pValuesNeverShowZero() {
        #expect(NumberFormat.pValue(3.2e-7) == "3.2e-7")
        #expect(NumberFormat.pValue(3.24e-12) == "3.2e-12")
        #expect(NumberFormat.pValue(0.01234) == "0.0123")
        #expect(NumberFormat.pValue(0.5) == "0.500")
        #expect(NumberFormat.pValue(0) == "< 1e-300")
        #expect(NumberFormat.pValue(Double.leastNonzeroMagnitude) == "< 1e-300")
        #expect(NumberFormat.pValue(0.000999) == "1.0e-3")
    }

    @Test func integersAreGroupedByThousands() {
        #expect(NumberFormat.integer(15_625) == "15\u{202F}625")
        #expect(NumberFormat.integer(-1_234_567) == "\u{2212}1\u{202F}234\u{202F}567")
        #expect(NumberFormat.integer(999) == "999")
    }
}
