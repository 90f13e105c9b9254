/// An image's colours as at most 256 palette entries and one index per pixel, for an indexed PNG: a
/// quarter of the bytes of RGBA before compression, and figures are a few flat colours, their
/// antialiased edges on the background and translucent overlaps.
struct PNGPalette {
    /// Straight-alpha colours, R in the low byte and A in the high one, most frequent first.
    var entries: [UInt32]
    /// One entry index per pixel, row by row.
    var indices: [UInt8]

    /// Exact when `pixels` hold at most 256 colours. Otherwise the 256 most frequent colours (ties
    /// broken by value, so the output never depends on hashing) and every other colour drawn as its
    /// nearest entry: the rare colours are edge and overlap shades, close to a frequent one.
    init(pixels: [UInt32]) {
        var counts: [UInt32: Int] = [:]
        Self.forEachRun(of: pixels) { color, length in counts[color, default: 0] += length }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        entries = Array(ranked.prefix(256))
        var index: [UInt32: UInt8] = [:]
        for (i, color) in entries.enumerated() { index[color] = UInt8(i) }
        for color in ranked.dropFirst(256) { index[color] = Self.nearest(color, in: entries) }
        var indices = [UInt8](repeating: 0, count: pixels.count)
        var offset = 0
        Self.forEachRun(of: pixels) { color, length in
            let entry = index[color]!
            for i in offset..<(offset + length) { indices[i] = entry }
            offset += length
        }
        self.indices = indices
    }

    /// `body` once per run of equal neighbours: flat backgrounds make most of a figure's pixels.
    private static func forEachRun(of pixels: [UInt32], _ body: (UInt32, Int) -> Void) {
        guard var color = pixels.first else { return }
        var length = 0
        for pixel in pixels {
            if pixel == color {
                length += 1
            } else {
                body(color, length)
                (color, length) = (pixel, 1)
            }
        }
        body(color, length)
    }

    /// The index of the entry closest to `color` in squared distance over the four channels.
    private static func nearest(_ color: UInt32, in entries: [UInt32]) -> UInt8 {
        var best = 0, bestDistance = Int.max
        for (i, entry) in entries.enumerated() {
            var distance = 0
            for shift in stride(from: 0, to: 32, by: 8) {
                let d = Int((color >> UInt32(shift)) & 0xFF) - Int((entry >> UInt32(shift)) & 0xFF)
                distance += d * d
            }
            if distance < bestDistance { (best, bestDistance) = (i, distance) }
        }
        return UInt8(best)
    }
}
