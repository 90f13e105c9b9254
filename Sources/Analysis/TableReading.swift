import Benchmark
import Support

extension ResultsFolder {
    /// The rows of a table written by `CSVRecordEncoder`, or an error naming file, line and column.
    ///
    /// A table without quotes holds one record per line, so it is parsed and decoded in slices of whole
    /// lines on all cores (the improvability table of the real report is 62 MB and 324,000 rows): the
    /// rows come back in file order, and an error names the same line as a reading from the top would.
    static func table<Row: Decodable & Sendable>(
        _ type: Row.Type, at path: String, threads: Int = Parallel.defaultThreads
    ) throws(InputError) -> [Row] {
        let bytes = try FileBytes.read(path)
        let slices = lineSlices(bytes, count: bytes.count > 1 << 20 ? 4 * threads : 1)
        let header = Array(bytes[..<slices.headerEnd])
        let results = Parallel.map(count: slices.bodies.count, threads: threads) { index -> Result<[Row], InputError> in
            let slice = slices.bodies[index]
            return Result { () throws(InputError) -> [Row] in
                try decodedRows(Row.self, of: header + bytes[slice.range], file: path, firstLine: slice.firstLine)
            }
        }
        var rows: [Row] = []
        for result in results { rows += try result.get() }
        return rows
    }

    /// Decodes `bytes` (a header line, then the records of the table starting at line `firstLine`).
    private static func decodedRows<Row: Decodable>(_ type: Row.Type, of bytes: [UInt8], file: String, firstLine: Int) throws(InputError) -> [Row] {
        // Lines inside `bytes` count from 1 at the header: its line 2 is the table's `firstLine`.
        let shift = firstLine - 2
        let table: CSVTable
        do {
            table = try CSVTable.parse(bytes: bytes, file: file)
        } catch {
            throw InputError(error.kind, file: file, line: error.line.map { $0 == 1 ? 1 : $0 + shift }, column: error.column,
                             byteOffset: error.byteOffset, message: error.message, hint: error.hint)
        }
        let decoder = CSVRecordDecoder(header: table.header)
        var rows: [Row] = []
        rows.reserveCapacity(table.rows.count)
        for (offset, fields) in table.rows.enumerated() {
            do {
                rows.append(try decoder.decode(Row.self, fields: fields, line: offset + firstLine))
            } catch {
                throw InputError(.invalid, file: file, line: error.line, column: error.column, message: error.message)
            }
        }
        return rows
    }

    /// Where the header line ends, and the rest cut into about `count` runs of whole lines, each with
    /// the line it starts on; one run when the table holds a quote (a quoted field may span lines).
    static func lineSlices(_ bytes: [UInt8], count: Int) -> (headerEnd: Int, bodies: [(range: Range<Int>, firstLine: Int)]) {
        let lf = UInt8(ascii: "\n")
        guard let headerLF = bytes.firstIndex(of: lf) else { return (bytes.count, [(bytes.count..<bytes.count, 2)]) }
        let headerEnd = headerLF + 1
        guard count > 1, !bytes.contains(UInt8(ascii: "\"")) else { return (headerEnd, [(headerEnd..<bytes.count, 2)]) }
        var bodies: [(range: Range<Int>, firstLine: Int)] = []
        var start = headerEnd, line = 2
        let step = max(1, (bytes.count - headerEnd) / count)
        while start < bytes.count {
            var end = min(bytes.count, start + step)
            while end < bytes.count, bytes[end - 1] != lf { end += 1 }
            bodies.append((start..<end, line))
            line += bytes[start..<end].reduce(0) { $0 + ($1 == lf ? 1 : 0) }
            start = end
        }
        return (headerEnd, bodies.isEmpty ? [(headerEnd..<headerEnd, 2)] : bodies)
    }
}
