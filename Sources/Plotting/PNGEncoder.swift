import CCairo
import CZlib

/// Writes Cairo image surfaces as indexed-colour PNGs.
///
/// Cairo's own writer goes through libpng as 8-bit RGBA at zlib's default level. A figure is a few flat
/// colours, so one palette index per pixel makes its PNG several times smaller.
enum PNGEncoder {
    /// One below zlib's default. Measured on the real-data report's 61 figures: level 9 took 13.5 s of CPU for
    /// 6.36 MB, level 6 1.4 s for 6.77 MB (level 1: 0.4 s, 8.19 MB), so the best level cost ten times the
    /// time for 6% of the bytes; on its 58 indexed PNGs of 2026 (48 MB of rows), level 6 took 0.46 s for
    /// 3.76 MB, level 5 0.35 s for 3.85 MB and level 4 0.27 s for 3.90 MB.
    static let compressionLevel: Int32 = 5

    /// The PNG bytes of an ARGB32 `surface`'s pixels through a `PNGPalette`: exact up to 256 colours.
    static func encode(_ surface: OpaquePointer) throws(RenderError) -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            throw RenderError(message: "PNG: empty image surface")
        }
        var pixels = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data).advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels[y * width + x] = straightRGBA(row[x]) }
        }
        let palette = PNGPalette(pixels: pixels)
        return try indexedPNG(width: width, height: height, indices: palette.indices, palette: palette.entries)
    }

    /// `color` painted through the A8 `mask`, with a palette holding the colour at each of the 256
    /// opacities, for a point layer of one series.
    static func encode(mask: OpaquePointer, color: Color) throws(RenderError) -> [UInt8] {
        cairo_surface_flush(mask)
        let width = Int(cairo_image_surface_get_width(mask))
        let height = Int(cairo_image_surface_get_height(mask))
        let stride = Int(cairo_image_surface_get_stride(mask))
        guard width > 0, height > 0, cairo_image_surface_get_format(mask) == CAIRO_FORMAT_A8,
              let data = cairo_image_surface_get_data(mask) else {
            throw RenderError(message: "PNG: empty or non-A8 mask surface")
        }
        var opacities = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            opacities.withUnsafeMutableBufferPointer { opacities in
                (opacities.baseAddress! + y * width).update(from: data + y * stride, count: width)
            }
        }
        let channel = { (value: Double) in UInt32((min(1, max(0, value)) * 255).rounded()) }
        let rgb = channel(color.red) | channel(color.green) << 8 | channel(color.blue) << 16
        return try indexedPNG(width: width, height: height, indices: opacities, palette: (0..<256).map { rgb | $0 << 24 })
    }

    /// An 8-bit indexed PNG; `palette` holds straight RGBA words (R in the low byte), its alphas go to
    /// tRNS up to the last translucent entry, and no tRNS when every entry is opaque.
    private static func indexedPNG(width: Int, height: Int, indices: [UInt8], palette: [UInt32]) throws(RenderError) -> [UInt8] {
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        appendChunk("IHDR", header, to: &png)
        appendChunk("PLTE", palette.flatMap { [UInt8($0 & 0xFF), UInt8(($0 >> 8) & 0xFF), UInt8(($0 >> 16) & 0xFF)] }, to: &png)
        let alphas = palette.map { UInt8($0 >> 24) }
        if let last = alphas.lastIndex(where: { $0 != 0xFF }) { appendChunk("tRNS", Array(alphas[...last]), to: &png) }
        // Filter type None (0) on every row: palette indices do not predict each other, and zlib already
        // finds the repeated rows of flat backgrounds; choosing a filter per row by the minimum sum of
        // absolute differences made the real report's largest PNGs 15–20% bigger.
        var rows = [UInt8](repeating: 0, count: height * (width + 1))
        for y in 0..<height {
            rows.replaceSubrange((y * (width + 1) + 1)...((y + 1) * (width + 1) - 1), with: indices[(y * width)..<((y + 1) * width)])
        }
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
