import Support
import Foundation
import Testing
@testable import Benchmark
@testable import SearchSpace

/// A valid benchmark CSV made in memory: row i is cell code (i·7919 mod 15,625), so API order ≠ code order.
struct CSVFixture {
    var header = ["CIFAR10TestAccuracy200Epochs", "ArchitectureString", "UniqueString"]
    var rows: [[String]] = (0..<Cell.count).map { i in
        let cell = Cell(code: i * 7919 % Cell.count)
        return [String(format: "%.4f", 50 + Double(i % 400) / 10), ArchString.format(cell), "class\(i % 50)"]
    }
    var lineEnding = "\n"
    var prefix = ""

    var bytes: [UInt8] {
        let lines = [header] + rows
        return Array((prefix + lines.map { $0.joined(separator: ",") }.joined(separator: lineEnding) + lineEnding).utf8)
    }

    func load() throws(InputError) -> Benchmark { try CSVSource.parse(bytes: bytes, file: "bench.csv") }
}

func expectInputError(_ kind: InputError.Kind = .invalid, line: Int?, column: Int?, containing text: String,
                      _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        try body()
        Issue.record("expected an input error containing '\(text)'", sourceLocation: sourceLocation)
    } catch let error as InputError {
        #expect(error.kind == kind, sourceLocation: sourceLocation)
        #expect(error.file == "bench.csv" || kind == .unreadable, sourceLocation: sourceLocation)
        #expect(error.line == line, "line of: \(error)", sourceLocation: sourceLocation)
        #expect(error.column == column, "column of: \(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(text), "message: \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

@Suite struct CSVSourceTests {
    @Test func loadsTheLabFormatInAPIOrder() throws {
        let benchmark = try CSVFixture().load()
        #expect(benchmark.metrics.map(\.id) == ["cifar10/ori-test"])
        #expect(benchmark.cells[1] == Cell(code: 7919))
        #expect(benchmark.metrics[0].values[1] == 50.1)
        #expect(benchmark.isomorphismClasses?[51] == "class1")
        let fitness = benchmark.fitness(benchmark.metrics[0])
        #expect(fitness.values[7919] == 50.1)
        #expect(fitness.apiIndex[7919] == 1)
    }

    @Test func recognisesGenericAndLabColumns() throws {
        var fixture = CSVFixture()
        fixture.header = ["cifar100/x-valid", "ArchitectureString", "notes/extra"]
        let benchmark = try fixture.load()
        #expect(benchmark.metrics.map(\.id) == ["cifar100/x-valid"])
        #expect(MetricColumns.recognise("ImageNet16-120/x-test@12")! == ("ImageNet16-120", "x-test", 12))
        #expect(MetricColumns.recognise("ImageNetTestAccuracy200Epochs")! == ("ImageNet16-120", "x-test", 200))
        #expect(MetricColumns.recognise("UniqueString") == nil)
    }

    @Test func indexColumnWinsOverRowOrder() throws {
        var fixture = CSVFixture()
        fixture.header.append("index")
        for i in fixture.rows.indices { fixture.rows[i].append("\(Cell.count - 1 - i)") }
        let benchmark = try fixture.load()
        #expect(benchmark.cells[Cell.count - 1] == Cell(code: 0))
        #expect(benchmark.metrics[0].values[Cell.count - 1] == 50)
    }

    @Test func acceptsCRLFAndByteOrderMarkAndQuotes() throws {
        var fixture = CSVFixture()
        fixture.lineEnding = "\r\n"
        fixture.prefix = "\u{FEFF}"
        fixture.rows[3][2] = "\"quoted, with \"\"quotes\"\"\nand a line break\""
        fixture.rows[4][1] = "\"\(fixture.rows[4][1])\""
        let benchmark = try fixture.load()
        #expect(benchmark.isomorphismClasses?[3] == "quoted, with \"quotes\"\nand a line break")
        #expect(benchmark.cells[4] == Cell(code: 4 * 7919 % Cell.count))
    }

    @Test func lineNumbersCountEmbeddedLineBreaks() {
        var fixture = CSVFixture()
        fixture.rows[3][2] = "\"two\nlines\""
        fixture.rows[10][0] = "abc"
        expectInputError(line: 13, column: 1, containing: "'abc' is not a number") { _ = try fixture.load() }
    }

    @Test func missingFile() {
        expectInputError(.unreadable, line: nil, column: nil, containing: "no such file") {
            _ = try CSVSource.load(path: "/nonexistent/bench.csv")
        }
    }

    @Test func emptyFile() {
        expectInputError(line: 1, column: 1, containing: "the file is empty") {
            _ = try CSVSource.parse(bytes: [], file: "bench.csv")
        }
        expectInputError(line: 1, column: 1, containing: "the file is empty") {
            _ = try CSVSource.parse(bytes: [0xEF, 0xBB, 0xBF], file: "bench.csv")
        }
    }

    @Test func noArchitectureColumn() {
        var fixture = CSVFixture()
        fixture.header[1] = "Architecture"
        expectInputError(line: 1, column: 1, containing: "no architecture column") { _ = try fixture.load() }
    }

    @Test func noMetricColumn() {
        var fixture = CSVFixture()
        fixture.header[0] = "accuracy"
        expectInputError(line: 1, column: 1, containing: "no recognised metric column") { _ = try fixture.load() }
    }

    @Test func duplicatedHeader() {
        var fixture = CSVFixture()
        fixture.header[2] = "ArchitectureString"
        expectInputError(line: 1, column: 49, containing: "appears twice in the header") { _ = try fixture.load() }
    }

    @Test func raggedRows() {
        var fixture = CSVFixture()
        fixture.rows[5].removeLast()
        let short = fixture.rows[5].joined(separator: ",").count + 1
        expectInputError(line: 7, column: short, containing: "row has 2 fields but the header has 3") { _ = try fixture.load() }
        fixture = CSVFixture()
        fixture.rows[5].append("extra")
        let extraColumn = fixture.rows[5].dropLast().joined(separator: ",").count + 2
        expectInputError(line: 7, column: extraColumn, containing: "row has 4 fields") { _ = try fixture.load() }
    }

    @Test(arguments: [
        ("|nor_conv_3x3~0|+|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|", 33, "node 2 has 1 input(s)"),
        ("|nor_conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|", 1, "unknown operation 'nor_conv_5x5'"),
        ("|none~0|+|none~1|none~1|+|none~0|none~1|none~2|", 15, "must read '~0'"),
        ("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|+|none~0|none~1|none~2|none~3|", 47, "exactly 4 nodes"),
        ("|none~0|+|none~0|n\u{043E}ne~1|+|none~0|none~1|none~2|", 17, "unknown operation"),
    ])
    func malformedArchitectureStrings(arch: String, offset: Int, reason: String) {
        var fixture = CSVFixture()
        fixture.rows[2][1] = arch
        let column = fixture.rows[2][0].count + 2 + offset
        expectInputError(line: 4, column: column, containing: reason) { _ = try fixture.load() }
    }

    @Test func duplicateArchitectureNamesBothLines() {
        var fixture = CSVFixture()
        fixture.rows[9][1] = fixture.rows[2][1]
        expectInputError(line: 11, column: nil, containing: "appears twice, on lines 4 and 11") { _ = try fixture.load() }
    }

    @Test func missingArchitecturesAreCountedAndListed() {
        var fixture = CSVFixture()
        fixture.rows.removeLast(3)
        expectInputError(line: Cell.count - 1, column: nil, containing: "3 of the 15625 architectures are missing") { _ = try fixture.load() }
    }

    @Test(arguments: [
        ("NaN", "is NaN"), ("inf", "is infinite"), ("1e309", "is infinite"), ("-0.5", "is negative"),
        ("100.01", "above 100"), ("\"93,5\"", "is not a number"), ("", "is empty"), ("0x1p3", "is not a number"),
    ])
    func badAccuracies(text: String, reason: String) {
        var fixture = CSVFixture()
        fixture.rows[7][0] = text
        expectInputError(line: 9, column: 1, containing: reason) { _ = try fixture.load() }
    }

    @Test func negativeZeroIsZero() throws {
        var fixture = CSVFixture()
        fixture.rows[7][0] = "-0"
        let value = try fixture.load().metrics[0].values[7]
        #expect(value == 0 && value.sign == .plus)
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = CSVFixture().bytes
        let secondLine = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        bytes[secondLine + 1] = 0xFF
        expectInputError(line: 2, column: 1, containing: "not valid UTF-8") { _ = try CSVSource.parse(bytes: bytes, file: "bench.csv") }
    }

    @Test func unterminatedQuote() {
        var fixture = CSVFixture()
        fixture.rows[15624][2] = "\"open"
        let column = fixture.rows[15624][0].count + fixture.rows[15624][1].count + 3
        expectInputError(line: 15626, column: column, containing: "never closed") { _ = try fixture.load() }
    }

    @Test func realDataLoads() throws {
        guard let path = ProcessInfo.processInfo.environment["NASREACH_DATA"] else {
            print("skipped: NASREACH_DATA is not set, so the real CSV is not loaded")
            return
        }
        let benchmark = try CSVSource.load(path: path)
        #expect(benchmark.metrics.map(\.id) == ["cifar10/ori-test", "cifar100/x-test", "ImageNet16-120/x-test"])
        #expect(abs(benchmark.metrics[0].values[0] - 85.8633) < 1e-4)
        #expect(Set(benchmark.isomorphismClasses ?? []).count == 6466)
    }
}

@Suite struct SyntheticSourceTests {
    @Test func sameSeedSameValuesOtherSeedOtherValues() {
        let a = SyntheticSource.make(seed: 0), b = SyntheticSource.make(seed: 0), c = SyntheticSource.make(seed: 1)
        #expect(a.metrics == b.metrics && a.cells == b.cells)
        #expect(a.metrics[0].values != c.metrics[0].values)
        #expect(a.source.sha256 != c.source.sha256)
    }

    @Test func shapedLikeABenchmark() {
        let benchmark = SyntheticSource.make(seed: 0)
        #expect(benchmark.metrics.count == 3)
        for metric in benchmark.metrics {
            let fitness = benchmark.fitness(metric)
            let disconnected = Cell.all.filter { !$0.isConnected }.map { fitness.values[$0.code] }
            #expect(Set(disconnected).count == 1, "disconnected cells form one plateau at chance")
            let connected = Cell.all.filter(\.isConnected).map { fitness.values[$0.code] }
            #expect(connected.allSatisfy { $0 > disconnected[0] })
            #expect(Set(connected).count > 10_000)
            #expect(fitness.values.allSatisfy { (0...100).contains($0) })
        }
        let best = benchmark.fitness(benchmark.metrics[0]).globalMaximum
        #expect(Cell(code: best).operations.filter { $0 == .conv3x3 }.count >= 2)
    }
}

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array(repeating: UInt8(ascii: "a"), count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
