import CZlib

/// A gzip member (RFC 1952) that depends on the bytes alone: no modification time, no file name, and
/// "unknown" as the operating system, so that a rerun writes a byte-identical file on any machine.
/// Large downloads (tables, results, figure data) ship this way: Python's `gzip` module and pandas
/// read them directly.
public enum Gzip {
    /// The fixed header: magic, deflate, no flags, mtime 0, no extra flags, OS 255 (unknown).
    private static let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]

    public static func compress(_ input: [UInt8]) throws(OutputError) -> [UInt8] {
        var stream = z_stream()
        // Negative window bits: a raw deflate stream, so that the header above is the only one.
        let initStatus = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw OutputError.io("gzip: zlib could not start (\(initStatus))") }
        defer { deflateEnd(&stream) }
        var body = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        var input = input
        let status = input.withUnsafeMutableBufferPointer { input in
            body.withUnsafeMutableBufferPointer { output in
                stream.next_in = input.baseAddress
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                // deflateBound leaves room for the whole stream, so one call finishes it.
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw OutputError.io("gzip: zlib could not compress (\(status))") }
        let checksum = input.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        var member = header
        member.append(contentsOf: body.prefix(Int(stream.total_out)))
        for value in [checksum, UInt32(truncatingIfNeeded: input.count)] {
            member.append(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) })
        }
        return member
    }
}
