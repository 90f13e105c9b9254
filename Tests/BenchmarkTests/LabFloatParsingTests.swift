import Foundation
import Testing
@testable import Benchmark

/// pandas 2.2.1's read_csv values for synthetic decimal strings (Fixtures/pandas/make_pandas_float_golden.py).
struct PandasFloatGolden: Decodable {
    struct Case: Decodable {
        let text: String
        let pandas: String
        let correct: String
    }

    let pandas: String
    let cases: [Case]

    static let shared: PandasFloatGolden = {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        let data = try! Data(contentsOf: folder.appendingPathComponent("pandas/pandas_float_golden.json"))
        return try! JSONDecoder().decode(PandasFloatGolden.self, from: data)
    }()
}

private func bits(_ hex: String) -> UInt64 { UInt64(hex, radix: 16)! }

@Suite struct LabFloatParsingTests {
    @Test func matchesPandasBitForBit() {
        let golden = PandasFloatGolden.shared
        #expect(golden.pandas == "2.2.1")
        var mismatches: [String] = []
        for entry in golden.cases where PandasPreciseXstrtod.parse(entry.text)?.bitPattern != bits(entry.pandas) {
            mismatches.append(entry.text)
        }
        #expect(mismatches.count == 0, "first mismatches: \(mismatches.prefix(5))")
    }

    /// The golden set must exercise the difference, or the test above could pass with `Double(_:)`.
    @Test func goldenCasesIncludeIncorrectlyRoundedValues() {
        let golden = PandasFloatGolden.shared
        let offByOne = golden.cases.filter { $0.pandas != $0.correct }
        #expect(offByOne.count > 100)
        for entry in golden.cases {
            #expect(Double(entry.text)?.bitPattern == bits(entry.correct), "Swift's parser on \(entry.text)")
        }
    }

    @Test func aKnownOneUlpCase() throws {
        // 17 significant digits: m passes 2^53 while accumulating, then one division by 1e15.
        let text = "93.66000000000001"
        let pandas = try #require(PandasPreciseXstrtod.parse(text))
        let correct = try #require(Double(text))
        let golden = try #require(PandasFloatGolden.shared.cases.first { $0.text == text })
        #expect(pandas.bitPattern == bits(golden.pandas))
        #expect(correct.bitPattern == bits(golden.correct))
    }

    @Test func rejectsWhatIsNotPlainDecimal() {
        for text in ["", "-", ".", "1e", "1.2.3", "0x1p3", "inf", "nan", "1,5"] {
            #expect(PandasPreciseXstrtod.parse(text) == nil, "\(text)")
        }
    }

    @Test func csvSourceReadsAccuraciesWithTheChosenParser() throws {
        var fixture = CSVFixture()
        fixture.rows[0][0] = "93.66000000000001"
        let correct = try CSVSource.parse(bytes: fixture.bytes, file: "bench.csv")
        let lab = try CSVSource.parse(bytes: fixture.bytes, file: "bench.csv", floatParsing: .pandas221)
        #expect(correct.metrics[0].values[0] == Double("93.66000000000001"))
        #expect(lab.metrics[0].values[0] == PandasPreciseXstrtod.parse("93.66000000000001"))
        #expect(lab.metrics[0].values[0] != correct.metrics[0].values[0])
        #expect(Array(lab.metrics[0].values.dropFirst()) == Array(correct.metrics[0].values.dropFirst()))
        // The source says how it was read, for provenance.
        #expect(correct.source.floatParsing == .correctlyRounded && lab.source.floatParsing == .pandas221)
    }

    @Test func optionNamesRoundTrip() {
        #expect(FloatParsing.allCases.map(\.optionName) == ["correctly-rounded", "pandas-2.2.1"])
        #expect(FloatParsing.allCases.allSatisfy { FloatParsing(optionName: $0.optionName) == $0 })
        #expect(FloatParsing(optionName: "pandas") == nil)
    }
}

/// The real nats_bench.csv read both ways; skipped when NASREACH_DATA is unset.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NASREACH_DATA"] != nil,
                "skipped: set NASREACH_DATA to the benchmark CSV to count pandas' parsing differences"))
struct LabFloatParsingRealDataTests {
    /// Values where pandas 2.2.1 differs from the nearest double, per column (each difference is 1 ulp);
    /// counted with pandas itself and with this parser.
    static let expectedOneUlpDifferences = [
        "CIFAR10TestAccuracy200Epochs": 2789,
        "CIFAR100TestAccuracy200Epochs": 771,
        "ImageNetTestAccuracy200Epochs": 2168,
    ]

    @Test func oneUlpDifferencesOnTheRealCSV() throws {
        let path = ProcessInfo.processInfo.environment["NASREACH_DATA"]!
        let correct = try CSVSource.load(path: path)
        let lab = try CSVSource.load(path: path, floatParsing: .pandas221)
        for (column, expected) in Self.expectedOneUlpDifferences {
            let a = try #require(correct.metrics.first { $0.column == column }).values
            let b = try #require(lab.metrics.first { $0.column == column }).values
            let ulps = zip(a, b).map { abs(Int64(bitPattern: $0.bitPattern) - Int64(bitPattern: $1.bitPattern)) }
            #expect(ulps.filter { $0 != 0 }.count == expected, "\(column)")
            #expect(ulps.max() == 1, "\(column)")
        }
    }
}
