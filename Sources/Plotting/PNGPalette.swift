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
        let channels = entries.map(Self.channels)
        for color in ranked.dropFirst(256) { index[color] = Self.nearest(color, in: channels) }
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

    /// A colour's four channels, for distances in one vector operation.
    private static func channels(_ color: UInt32) -> SIMD4<Int32> {
        SIMD4(Int32(color & 0xFF), Int32((color >> 8) & 0xFF), Int32((color >> 16) & 0xFF), Int32(color >> 24))
    }

    /// The index of the entry closest to `color` in squared distance over the four channels (the first
    /// of equally close ones). An image past 256 colours has thousands of rare shades to map, each
    /// against every entry.
    private static func nearest(_ color: UInt32, in entries: [SIMD4<Int32>]) -> UInt8 {
        let target = channels(color)
        var best = 0, bestDistance = Int32.max
        for (i, entry) in entries.enumerated() {
            let difference = target &- entry
            let distance = (difference &* difference).wrappedSum()
            if distance < bestDistance { (best, bestDistance) = (i, distance) }
        }
        return UInt8(best)
    }
}
