import CBZip2

/// bzip2 decompression over libbz2's streaming API, with a cap on the output so that a hostile or corrupt
/// stream cannot exhaust memory.
public enum BZip2 {
    /// The default output cap: far above any NATS-Bench file (the meta file inflates to 1.4 MB, an
    /// architecture file to about 330 kB) yet small enough to bound a hostile stream.
    public static let defaultLimit = 64 << 20

    /// Inflates one or more concatenated bzip2 streams (as Python's `bz2.decompress` accepts).
    ///
    /// Errors name `file` and, in `byteOffset`, how many compressed bytes had been consumed when the fault
    /// was found.
    public static func decompress(_ input: [UInt8], file: String, limit: Int = defaultLimit) throws(InputError) -> [UInt8] {
        guard !input.isEmpty else {
            throw InputError(.invalid, file: file, byteOffset: 0, message: "the file is empty: expected a bzip2 stream")
        }
        guard input.count <= Int(UInt32.max) else {
            throw InputError(.invalid, file: file, message: "the file is larger than 4 GiB: not a NATS-Bench archive file")
        }
        var output = Output(limit: limit, expected: input.count * 8)
        var consumed = 0
        while consumed < input.count {
            consumed += try inflateStream(input, from: consumed, into: &output, file: file)
        }
        output.bytes.removeSubrange(output.count...)
        return output.bytes
    }

    /// A zero-filled buffer grown by doubling, of which the first `count` bytes are output.
    private struct Output {
        let limit: Int
        var bytes: [UInt8]
        var count = 0

        init(limit: Int, expected: Int) {
            self.limit = limit
            bytes = [UInt8](repeating: 0, count: max(1, min(limit, expected)))
        }

        /// Makes room for more output; false at the cap.
        mutating func grow() -> Bool {
            guard count == bytes.count else { return true }
            guard bytes.count < limit else { return false }
            bytes += [UInt8](repeating: 0, count: min(bytes.count, limit - bytes.count))
            return true
        }
    }

    /// Inflates the stream starting at `start` into `output`; returns the compressed bytes it used.
    private static func inflateStream(_ input: [UInt8], from start: Int, into output: inout Output, file: String) throws(InputError) -> Int {
        var stream = bz_stream()
        guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else {
            throw InputError(.invalid, file: file, byteOffset: start, message: "the bzip2 decoder could not start (out of memory)")
        }
        defer { BZ2_bzDecompressEnd(&stream) }
        func fail(_ message: String, hint: String? = nil) -> InputError {
            InputError(.invalid, file: file, byteOffset: start + (Int(stream.total_in_lo32) | Int(stream.total_in_hi32) << 32),
                       message: message, hint: hint)
        }
        return try input.withUnsafeBufferPointer { source throws(InputError) -> Int in
            stream.next_in = UnsafeMutableRawPointer(mutating: source.baseAddress! + start).assumingMemoryBound(to: CChar.self)
            stream.avail_in = UInt32(source.count - start)
            while true {
                guard output.grow() else {
                    throw fail("the bzip2 stream inflates to more than \(output.limit) bytes",
                               hint: "this is not a NATS-Bench archive file, or it is corrupt")
                }
                let produced = output.count, room = output.bytes.count - produced
                let status = output.bytes.withUnsafeMutableBufferPointer { target in
                    stream.next_out = UnsafeMutableRawPointer(target.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                    stream.avail_out = UInt32(room)
                    return BZ2_bzDecompress(&stream)
                }
                output.count += room - Int(stream.avail_out)
                switch status {
                case BZ_STREAM_END:
                    return Int(stream.total_in_lo32) | Int(stream.total_in_hi32) << 32
                case BZ_OK:
                    if stream.avail_in == 0 && stream.avail_out > 0 {
                        throw fail("the bzip2 stream is truncated: the file ends before the stream's end marker")
                    }
                case BZ_DATA_ERROR_MAGIC:
                    throw fail("not a bzip2 stream (the 'BZh' signature is missing)")
                case BZ_MEM_ERROR:
                    throw fail("the bzip2 decoder ran out of memory")
                default:
                    throw fail("the bzip2 stream is corrupt (bzip2 error \(status))")
                }
            }
        }
    }
}
