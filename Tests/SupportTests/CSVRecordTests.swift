import Support
import Testing

@Suite("CSV records")
struct CSVRecordTests {
    enum Kind: String, Codable { case small, large }

    struct Inner: Codable, Equatable {
        var k: Int?
        var pi: [Double]?
        var m: [[Double]]?
    }

    struct Row: Codable, Equatable {
        var name: String
        var kind: Kind
        var count: Int
        var value: Double?
        var flag: Bool
        var inner: Inner
    }

    let rows = [
        Row(name: "a, \"quoted\"", kind: .small, count: 3, value: 0.1, flag: true, inner: Inner(k: 2, pi: [0.5, 0.25], m: [[1, 0], [0.5, 0.5]])),
        Row(name: "plain", kind: .large, count: -7, value: nil, flag: false, inner: Inner(k: nil, pi: nil, m: nil)),
    ]

    @Test("columns come from the stored properties, nested values flattened, absent values empty")
    func encodes() throws {
        let text = String(decoding: try CSVRecordEncoder.table(rows), as: UTF8.self)
        #expect(text == [
            "name,kind,count,value,flag,k,pi,m",
            #""a, ""quoted""",small,3,0.1,true,2,0.5 0.25,1.0 0; 0.5 0.5"#,
            "plain,large,-7,,false,,,",
        ].map { $0 + "\n" }.joined())
    }

    struct Measured: Codable { var x: Double; var n: Double }

    @Test("downloads round to significant digits and write integral values without a decimal point")
    func roundsToSignificantDigits() throws {
        let rows = (0..<3).map { Measured(x: Double($0) / 7, n: Double($0) * 1000) }
        let text = String(decoding: try CSVRecordEncoder.table(rows, numbers: .significantDigits(3)), as: UTF8.self)
        #expect(text == "x,n\n0,0\n0.143,1000\n0.286,2000\n")
        #expect(String(decoding: try CSVRecordEncoder.table(rows), as: UTF8.self) == "x,n\n0,0\n0.14285714285714285,1000.0\n0.2857142857142857,2000.0\n")
    }

    @Test("slices encoded in parallel join to the bytes of one worker")
    func parallelSlicesJoinInOrder() throws {
        let rows = (0..<20_000).map { Measured(x: Double($0) / 7, n: Double($0)) }
        #expect(try CSVRecordEncoder.table(rows, threads: 3) == CSVRecordEncoder.table(rows, threads: 1))
    }

    @Test("a table read back decodes to the rows that were written")
    func roundTrips() throws {
        let text = String(decoding: try CSVRecordEncoder.table(rows), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        let decoder = CSVRecordDecoder(header: lines[0].split(separator: ",").map(String.init))
        let plain = try decoder.decode(Row.self, fields: lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init), line: 3)
        #expect(plain == rows[1])
        let first = try decoder.decode(Row.self, fields: [rows[0].name, "small", "3", "0.1", "true", "2", "0.5 0.25", "1 0; 0.5 0.5"], line: 2)
        #expect(first == rows[0])
    }

    @Test("a field that does not parse is located by line and column")
    func locatesErrors() {
        let decoder = CSVRecordDecoder(header: ["name", "kind", "count", "value", "flag", "k", "pi", "m"])
        #expect(throws: CSVFieldError(line: 9, column: 3, message: "'three' is not a valid Int")) {
            _ = try decoder.decode(Row.self, fields: ["x", "small", "three", "", "true", "", "", ""], line: 9)
        }
    }
}

@Suite("Canonical JSON")
struct JSONRecordTests {
    struct Loose: Codable { var a: Double?; var b: Int }
    struct Strict: Codable, WritesNullFields { var a: Double?; var loose: Loose }

    @Test("absent optionals are null inside WritesNullFields values and left out elsewhere")
    func nullPolicy() throws {
        let loose = String(decoding: try JSONRecordEncoder.encode(Loose(a: nil, b: 1)), as: UTF8.self)
        #expect(loose == "{\n  \"b\" : 1\n}\n")
        let strict = String(decoding: try JSONRecordEncoder.encode(Strict(a: nil, loose: Loose(a: nil, b: 2))), as: UTF8.self)
        #expect(strict.contains("\"a\" : null"))
        #expect(strict.components(separatedBy: "null").count == 3, "the nested record inherits the policy: \(strict)")
    }
}
