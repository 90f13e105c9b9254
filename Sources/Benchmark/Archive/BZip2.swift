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
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, input.count * 4))
        var consumed = 0
        while consumed < input.count {
            consumed += try inflateStream(input, from: consumed, into: &output, file: file, limit: limit)
        }
        return output
    }

    /// Inflates the stream starting at `start`, appending to `output`; returns the compressed bytes it used.
    private static func inflateStream(_ input: [UInt8], from start: Int, into output: inout [UInt8], file: String,
                                      limit: Int) throws(InputError) -> Int {
        var stream = bz_stream()
        guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else {
            throw InputError(.invalid, file: file, byteOffset: start, message: "the bzip2 decoder could not start (out of memory)")
        }
        defer { BZ2_bzDecompressEnd(&stream) }
        let chunk = 1 << 16
        let result: Result<Int, InputError> = input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutableRawPointer(mutating: source.baseAddress! + start).assumingMemoryBound(to: CChar.self)
            stream.avail_in = UInt32(source.count - start)
            while true {
                let used = Int(stream.total_in_lo32) | Int(stream.total_in_hi32) << 32
                let room = min(chunk, limit - output.count)
                guard room > 0 else {
                    return .failure(InputError(.invalid, file: file, byteOffset: start + used,
                                               message: "the bzip2 stream inflates to more than \(limit) bytes",
                                               hint: "this is not a NATS-Bench archive file, or it is corrupt"))
                }
                let before = output.count
                output.append(contentsOf: repeatElement(0, count: room))
                let status = output.withUnsafeMutableBufferPointer { target in
                    stream.next_out = UnsafeMutableRawPointer(target.baseAddress! + before).assumingMemoryBound(to: CChar.self)
                    stream.avail_out = UInt32(room)
                    return BZ2_bzDecompress(&stream)
                }
                output.removeLast(Int(stream.avail_out))
                let offset = start + (Int(stream.total_in_lo32) | Int(stream.total_in_hi32) << 32)
                switch status {
                case BZ_STREAM_END:
                    return .success(offset - start)
                case BZ_OK:
                    if stream.avail_in == 0 && stream.avail_out > 0 {
                        return .failure(InputError(.invalid, file: file, byteOffset: offset,
                                                   message: "the bzip2 stream is truncated: the file ends before the stream's end marker"))
                    }
                case BZ_DATA_ERROR_MAGIC:
                    return .failure(InputError(.invalid, file: file, byteOffset: offset,
                                               message: "not a bzip2 stream (the 'BZh' signature is missing)"))
                case BZ_MEM_ERROR:
                    return .failure(InputError(.invalid, file: file, byteOffset: offset, message: "the bzip2 decoder ran out of memory"))
                default:
                    return .failure(InputError(.invalid, file: file, byteOffset: offset,
                                               message: "the bzip2 stream is corrupt (bzip2 error \(status))"))
                }
            }
        }
        return try result.get()
    }
}
