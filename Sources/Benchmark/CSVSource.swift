import Support
import SearchSpace
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads and validates a benchmark CSV (see the contract's "Benchmark CSV").
public enum CSVSource {
    /// How many missing architectures an error lists by name.
    static let missingListed = 5

    public static func load(path: String, floatParsing: FloatParsing = .correctlyRounded) throws(InputError) -> Benchmark {
        let bytes = try FileBytes.read(path)
        return try parse(bytes: bytes, file: path, floatParsing: floatParsing)
    }

    public static func parse(bytes: [UInt8], file: String, floatParsing: FloatParsing = .correctlyRounded) throws(InputError) -> Benchmark {
        var reader = CSVReader(bytes: bytes, file: file)
        guard let header = try reader.nextRecord(), header.fields.contains(where: { !$0.text.isEmpty }) else {
            throw InputError(.invalid, file: file, line: 1, column: 1, message: "the file is empty: expected a header row naming an architecture column and metric columns")
        }
        let layout = try ColumnLayout(header: header, file: file)

        var cellByRow: [Cell] = []
        var indexByRow: [Int] = []
        var lineByRow: [Int] = []
        var values = [[Double]](repeating: [], count: layout.metrics.count)
        var classes: [String] = []
        cellByRow.reserveCapacity(Cell.count)
        while let record = try reader.nextRecord() {
            if record.fields.count == 1, record.fields[0].text.isEmpty { continue }  // blank line
            guard record.fields.count == header.fields.count else {
                let column = record.fields.count > header.fields.count ? record.fields[header.fields.count].column : record.endColumn
                throw InputError(.invalid, file: file, line: record.line, column: column,
                                 message: "row has \(record.fields.count) fields but the header has \(header.fields.count)")
            }
            let archField = record.fields[layout.architecture]
            do {
                cellByRow.append(try ArchString.parse(archField.text))
            } catch {
                throw InputError(.invalid, file: file, line: archField.line, column: archField.column + (archField.quoted ? 1 : 0) + error.offset,
                                 message: "malformed architecture string: \(error.reason)")
            }
            if let indexColumn = layout.index {
                let field = record.fields[indexColumn]
                guard let index = Int(field.text), (0..<Cell.count).contains(index) else {
                    throw InputError(.invalid, file: file, line: field.line, column: field.column,
                                     message: "index \(Snippet.quoted(field.text)) is not an integer from 0 to \(Cell.count - 1)")
                }
                indexByRow.append(index)
            } else {
                indexByRow.append(cellByRow.count - 1)
            }
            for (slot, metric) in layout.metrics.enumerated() {
                values[slot].append(try accuracy(record.fields[metric.column], columnName: metric.name, file: file, floatParsing: floatParsing))
            }
            if let classColumn = layout.isomorphism { classes.append(record.fields[classColumn].text) }
            lineByRow.append(record.line)
        }
        return try assemble(file: file, layout: layout, cellByRow: cellByRow, indexByRow: indexByRow, lineByRow: lineByRow,
                            values: values, classes: layout.isomorphism == nil ? nil : classes, bytes: bytes,
                            floatParsing: floatParsing)
    }

    /// A percentage in [0, 100]; anything else names the field.
    static func accuracy(_ field: CSVReader.Field, columnName: String, file: String,
                         floatParsing: FloatParsing) throws(InputError) -> Double {
        let text = field.text.trimmingSpaces()
        func fail(_ message: String, hint: String? = nil) -> InputError {
            InputError(.invalid, file: file, line: field.line, column: field.column, message: message, hint: hint)
        }
        guard !text.isEmpty else { throw fail("\(columnName) is empty: every architecture needs an accuracy") }
        // Built only on failure: this runs for every accuracy of the file.
        func notANumber() -> InputError {
            fail("\(columnName) value \(Snippet.quoted(text)) is not a number", hint: text.contains(",") ? "use '.' as the decimal separator" : nil)
        }
        guard let value = Double(text) else { throw notANumber() }
        guard !value.isNaN else { throw fail("\(columnName) value \(Snippet.quoted(text)) is NaN: every architecture needs a real accuracy") }
        guard value.isFinite else { throw fail("\(columnName) value \(Snippet.quoted(text)) is infinite (or too large for a double)") }
        // Plain decimal notation only: no hexadecimal floats, no "inf"/"nan" spellings that passed above.
        guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "+-.eE".utf8.contains($0) }) else {
            throw notANumber()
        }
        guard value >= 0 else { throw fail("\(columnName) value \(Snippet.quoted(text)) is negative: accuracies are percentages from 0 to 100") }
        guard value <= 100 else { throw fail("\(columnName) value \(Snippet.quoted(text)) is above 100: accuracies are percentages from 0 to 100") }
        return floatParsing.value(of: text, correctlyRounded: value) + 0  // folds -0 into 0
    }

    private static func assemble(file: String, layout: ColumnLayout, cellByRow: [Cell], indexByRow: [Int], lineByRow: [Int],
                                 values: [[Double]], classes: [String]?, bytes: [UInt8],
                                 floatParsing: FloatParsing) throws(InputError) -> Benchmark {
        var rowOfCode = [Int](repeating: -1, count: Cell.count)
        var rowOfIndex = [Int](repeating: -1, count: Cell.count)
        for (row, cell) in cellByRow.enumerated() {
            let archColumn = layout.architecture
            if rowOfCode[cell.code] >= 0 {
                throw InputError(.invalid, file: file, line: lineByRow[row], column: nil,
                                 message: "architecture \(ArchString.format(cell)) appears twice, on lines \(lineByRow[rowOfCode[cell.code]]) and \(lineByRow[row]) (column \(archColumn + 1))")
            }
            rowOfCode[cell.code] = row
            let index = indexByRow[row]
            if rowOfIndex[index] >= 0 {
                throw InputError(.invalid, file: file, line: lineByRow[row], column: nil,
                                 message: "index \(index) appears twice, on lines \(lineByRow[rowOfIndex[index]]) and \(lineByRow[row])")
            }
            rowOfIndex[index] = row
        }
        let missing = (0..<Cell.count).filter { rowOfCode[$0] < 0 }
        if !missing.isEmpty {
            let listed = missing.prefix(missingListed).map { ArchString.format(Cell(code: $0)) }.joined(separator: ", ")
            throw InputError(.invalid, file: file, line: (lineByRow.last ?? 1) + 1, column: nil,
                             message: "\(missing.count) of the \(Cell.count) architectures are missing (found \(cellByRow.count) rows), e.g. \(listed)",
                             hint: "a benchmark must list every cell of the NATS-Bench topology space once")
        }
        let order = rowOfIndex  // API index → row
        let cells = order.map { cellByRow[$0] }
        let metrics = layout.metrics.enumerated().map { slot, column in
            Metric(dataset: column.dataset, split: column.split, epochs: column.epochs, column: column.name,
                   values: order.map { values[slot][$0] })
        }
        return Benchmark(source: SourceDescription(kind: .csv, input: file, sha256: SHA256.hex(of: bytes), floatParsing: floatParsing),
                         cells: cells, metrics: metrics, isomorphismClasses: classes.map { c in order.map { c[$0] } })
    }
}

/// Which header column holds what.
struct ColumnLayout {
    struct MetricColumn {
        let column: Int
        let name: String
        let dataset: String
        let split: String
        let epochs: Int?
    }

    let architecture: Int
    let index: Int?
    let isomorphism: Int?
    let metrics: [MetricColumn]

    init(header: CSVReader.Record, file: String) throws(InputError) {
        let names = header.fields.map { $0.text.trimmingSpaces() }
        var seen: [String: Int] = [:]
        for (column, name) in names.enumerated() where !name.isEmpty {
            if let first = seen[name] {
                throw InputError(.invalid, file: file, line: header.line, column: header.fields[column].column,
                                 message: "column '\(name)' appears twice in the header (columns \(first + 1) and \(column + 1))")
            }
            seen[name] = column
        }
        guard let architecture = MetricColumns.architectureNames.lazy.compactMap({ seen[$0] }).first else {
            throw InputError(.invalid, file: file, line: header.line, column: 1,
                             message: "no architecture column: expected one named \(MetricColumns.architectureNames.joined(separator: ", "))",
                             hint: "found columns: \(names.joined(separator: ", "))")
        }
        self.architecture = architecture
        index = seen[MetricColumns.indexName]
        isomorphism = seen[MetricColumns.isomorphismName]
        metrics = names.enumerated().compactMap { column, name in
            MetricColumns.recognise(name).map { MetricColumn(column: column, name: name, dataset: $0.dataset, split: $0.split, epochs: $0.epochs) }
        }
        guard !metrics.isEmpty else {
            throw InputError(.invalid, file: file, line: header.line, column: 1,
                             message: "no recognised metric column",
                             hint: "name metric columns like CIFAR10TestAccuracy200Epochs or <dataset>/<split> with split one of \(MetricColumns.knownSplits.sorted().joined(separator: ", "))")
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return String(slice)
    }
}

/// Reads whole files with POSIX calls, so that a missing or unreadable file is an `InputError`.
public enum FileBytes {
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw InputError(.unreadable, file: path, message: "no such file", hint: "check the path, or use --data synthetic")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw InputError(.unreadable, file: path, message: "not a regular file")
        }
        guard let handle = fopen(path, "rb") else {
            throw InputError(.unreadable, file: path, message: "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { fclose(handle) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
        guard count == bytes.count else {
            throw InputError(.unreadable, file: path, message: "could not be read completely")
        }
        return bytes
    }
}
