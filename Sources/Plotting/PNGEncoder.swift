import CCairo
import CZlib

/// Writes a Cairo ARGB32 image surface as a PNG.
///
/// Cairo's own writer goes through libpng at zlib's default level, which dominates the cost of a large
/// figure; plots are mostly flat colour, so the fast levels compress them almost as well.
enum PNGEncoder {
    /// zlib level: 1–3 are the fast ones, and flat-colour plots compress well even at these.
    static let compressionLevel: Int32 = 2
    /// Point layers embedded in SVG are small beside a figure's PNG, and every byte is stored once more
    /// as base64: they get zlib's best compression.
    static let embeddedCompressionLevel: Int32 = 9

    /// The PNG bytes of `surface`'s pixels: 8-bit RGB when every pixel is opaque, RGBA otherwise, each
    /// row with filter type Up.
    static func encode(_ surface: OpaquePointer, compressionLevel: Int32 = compressionLevel) throws(RenderError) -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            throw RenderError(message: "PNG: empty image surface")
        }
        let pixels = UnsafeRawPointer(data)
        var alphas: UInt32 = 0xFF
        for y in 0..<height {
            let row = pixels.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { alphas &= row[x] >> 24 }
        }
        let opaque = alphas == 0xFF
        let channels = opaque ? 3 : 4
        let raw = filteredRows(pixels, width: width, height: height, stride: stride, channels: channels)
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try deflated(raw, level: compressionLevel), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Scanlines of straight-alpha RGB(A), each prefixed by filter type 2 (Up: byte minus the byte
    /// above), which turns the repeated rows of flat plot backgrounds into zeros.
    private static func filteredRows(
        _ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int, channels: Int
    ) -> [UInt8] {
        let rowBytes = width * channels
        var out = [UInt8](repeating: 0, count: height * (rowBytes + 1))
        // Two rows of RGBA words; raw pointers throughout, as this touches every pixel of a large image.
        let rows = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * width)
        rows.initialize(repeating: 0, count: 2 * width)
        defer { rows.deallocate() }
        var previous = rows, current = rows + width
        out.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            for y in 0..<height {
                let row = pixels.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width { current[x] = straightRGBA(row[x]) }
                let line = base + y * (rowBytes + 1)
                line[0] = 2
                var o = 1
                for x in 0..<width {
                    let up = bytewiseDifference(current[x], previous[x])
                    line[o] = UInt8(truncatingIfNeeded: up)
                    line[o + 1] = UInt8(truncatingIfNeeded: up >> 8)
                    line[o + 2] = UInt8(truncatingIfNeeded: up >> 16)
                    if channels == 4 { line[o + 3] = UInt8(truncatingIfNeeded: up >> 24) }
                    o += channels
                }
                swap(&previous, &current)
            }
        }
        return out
    }

    /// `color` painted through the A8 `mask`, as an indexed PNG whose palette holds the colour at each of
    /// the 256 opacities: one byte per pixel instead of four, for a point layer of one series.
    static func encode(mask: OpaquePointer, color: Color, compressionLevel: Int32) throws(RenderError) -> [UInt8] {
        cairo_surface_flush(mask)
        let width = Int(cairo_image_surface_get_width(mask))
        let height = Int(cairo_image_surface_get_height(mask))
        let stride = Int(cairo_image_surface_get_stride(mask))
        guard width > 0, height > 0, cairo_image_surface_get_format(mask) == CAIRO_FORMAT_A8,
              let data = cairo_image_surface_get_data(mask) else {
            throw RenderError(message: "PNG: empty or non-A8 mask surface")
        }
        var rows = [UInt8](repeating: 0, count: height * (width + 1))
        for y in 0..<height {
            // Filter type None (0): palette indices do not predict each other.
            rows.withUnsafeMutableBufferPointer { rows in
                (rows.baseAddress! + y * (width + 1) + 1).update(from: data + y * stride, count: width)
            }
        }
        let channel = { (value: Double) in UInt8((min(1, max(0, value)) * 255).rounded()) }
        let rgb = [channel(color.red), channel(color.green), channel(color.blue)]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        appendChunk("IHDR", header, to: &png)
        appendChunk("PLTE", (0..<256).flatMap { _ in rgb }, to: &png)
        appendChunk("tRNS", (0..<256).map(UInt8.init), to: &png)
        appendChunk("IDAT", try deflated(rows, level: compressionLevel), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// A native ARGB32 word (premultiplied) as R, G, B, A bytes in memory order of a little-endian word.
    @inline(__always)
    private static func straightRGBA(_ argb: UInt32) -> UInt32 {
        let a = argb >> 24
        var r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF
        if a != 0xFF, a != 0 {
            r = (r * 255 + a / 2) / a
            g = (g * 255 + a / 2) / a
            b = (b * 255 + a / 2) / a
        }
        return r | g << 8 | b << 16 | a << 24
    }

    /// Each byte of `a` minus the same byte of `b`, modulo 256, without borrows between bytes.
    @inline(__always)
    private static func bytewiseDifference(_ a: UInt32, _ b: UInt32) -> UInt32 {
        ((a | 0x8080_8080) &- (b & 0x7F7F_7F7F)) ^ ((a ^ ~b) & 0x8080_8080)
    }

    /// A zlib stream (as IDAT holds it) of `bytes`.
    private static func deflated(_ bytes: [UInt8], level: Int32) throws(RenderError) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &length, input.baseAddress, uLong(input.count), level)
            }
        }
        guard status == Z_OK else { throw RenderError(message: "PNG: zlib error \(status)") }
        out.removeSubrange(Int(length)...)
        return out
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        png += typed
        let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png.appendBigEndian(UInt32(crc))
    }
}

extension [UInt8] {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
