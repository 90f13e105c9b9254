import Support
import SearchSpace
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compact binary copy of a decoded archive, so that later runs skip decompression and parsing.
///
/// Layout (little-endian): magic `NASRNATS`, version (u32), the archive digest (32 bytes), per-seed flag
/// (u32), the cells' codes in API order (u16 each), the metric count (u32) and per metric its dataset,
/// split and column (u32 length + UTF-8), epochs (u32) and values (f64 each); then the SHA-256 of all of it.
/// A cache whose magic, version, archive digest, flag or checksum does not match is ignored.
enum NATSArchiveCache {
    static let magic = Array("NASRNATS".utf8)
    static let version: UInt32 = 1

    static func encode(_ benchmark: Benchmark, digest: [UInt8], perSeed: Bool) -> [UInt8] {
        var out = magic
        out.appendLittleEndian(version)
        out += digest
        out.appendLittleEndian(UInt32(perSeed ? 1 : 0))
        for cell in benchmark.cells { out.appendLittleEndian(UInt16(cell.code)) }
        out.appendLittleEndian(UInt32(benchmark.metrics.count))
        for metric in benchmark.metrics {
            for text in [metric.dataset, metric.split, metric.column] {
                out.appendLittleEndian(UInt32(text.utf8.count))
                out += Array(text.utf8)
            }
            out.appendLittleEndian(UInt32(metric.epochs ?? 0))
            for value in metric.values { out.appendLittleEndian(value.bitPattern) }
        }
        return out + SHA256.digest(out)
    }

    static func decode(_ bytes: [UInt8], digest: [UInt8], perSeed: Bool, input: String) -> Benchmark? {
        guard bytes.count > 32 else { return nil }
        let body = Array(bytes.dropLast(32))
        guard SHA256.digest(body) == Array(bytes.suffix(32)) else { return nil }
        var reader = ByteReader(bytes: body)
        guard reader.take(magic.count) == magic, reader.integer(UInt32.self) == version,
              reader.take(32) == digest, reader.integer(UInt32.self) == (perSeed ? 1 : 0) else { return nil }
        var cells: [Cell] = []
        for _ in 0..<Cell.count {
            guard let code = reader.integer(UInt16.self), Int(code) < Cell.count else { return nil }
            cells.append(Cell(code: Int(code)))
        }
        guard let metricCount = reader.integer(UInt32.self) else { return nil }
        var metrics: [Metric] = []
        for _ in 0..<metricCount {
            var texts: [String] = []
            for _ in 0..<3 {
                guard let length = reader.integer(UInt32.self), let raw = reader.take(Int(length)),
                      let text = String(validating: raw, as: UTF8.self) else { return nil }
                texts.append(text)
            }
            guard let epochs = reader.integer(UInt32.self) else { return nil }
            var values: [Double] = []
            values.reserveCapacity(Cell.count)
            for _ in 0..<Cell.count {
                guard let bits = reader.integer(UInt64.self) else { return nil }
                values.append(Double(bitPattern: bits))
            }
            metrics.append(Metric(dataset: texts[0], split: texts[1], epochs: epochs == 0 ? nil : Int(epochs), column: texts[2], values: values))
        }
        guard reader.isAtEnd else { return nil }
        return Benchmark(source: SourceDescription(kind: .natsArchive, input: input, sha256: NATSArchiveSource.hex(digest), floatParsing: .correctlyRounded),
                         cells: cells, metrics: metrics)
    }

    /// The cached benchmark, or nil when the file is unreadable, stale or damaged.
    static func read(_ path: String, digest: [UInt8], perSeed: Bool, input: String) -> Benchmark? {
        guard let bytes = try? FileBytes.read(path) else { return nil }
        return decode(bytes, digest: digest, perSeed: perSeed, input: input)
    }

    /// Writes the cache atomically (a temporary file renamed into place).
    static func write(_ benchmark: Benchmark, to path: String, digest: [UInt8], perSeed: Bool) throws(InputError) {
        let bytes = encode(benchmark, digest: digest, perSeed: perSeed)
        let temporary = "\(path).tmp\(getpid())"
        func fail() -> InputError {
            InputError(.unreadable, file: path, message: "the cache cannot be written (\(String(cString: strerror(errno))))")
        }
        guard let handle = fopen(temporary, "wb") else { throw fail() }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard fclose(handle) == 0, written == bytes.count, rename(temporary, path) == 0 else {
            let error = fail()
            unlink(temporary)
            throw error
        }
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count <= bytes.count - position else { return nil }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        take(MemoryLayout<T>.size).map { $0.reversed().reduce(T(0)) { $0 << 8 | T($1) } }
    }
}

extension [UInt8] {
    fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        for shift in stride(from: 0, to: T.bitWidth, by: 8) { append(UInt8(truncatingIfNeeded: value >> shift)) }
    }
}
