import Foundation
@testable import Plotting
import Testing
import CZlib

/// The chunks of a PNG file, by type, with their CRCs checked.
private func chunks(_ png: [UInt8]) -> [(type: String, data: [UInt8])] {
    var result: [(String, [UInt8])] = []
    var offset = 8
    while offset + 12 <= png.count {
        let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        let typed = Array(png[(offset + 4)..<(offset + 8 + length)])
        let stored = png[(offset + 8 + length)..<(offset + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let crc = typed.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        #expect(crc == stored, "CRC of \(String(decoding: typed.prefix(4), as: UTF8.self))")
        result.append((String(decoding: typed.prefix(4), as: UTF8.self), Array(typed.dropFirst(4))))
        offset += 12 + length
    }
    return result
}

private func inflated(_ bytes: [UInt8], expected: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: expected)
    var length = uLongf(expected)
    let status = out.withUnsafeMutableBufferPointer { out in
        bytes.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count)) }
    }
    #expect(status == Z_OK)
    #expect(Int(length) == expected)
    return out
}

/// The rows of one-byte pixels, each of which must have filter type None.
private func unfiltered(_ raw: [UInt8], width: Int) -> [[UInt8]] {
    stride(from: 0, to: raw.count, by: width + 1).map { start in
        #expect(raw[start] == 0, "filter type None")
        return Array(raw[(start + 1)...(start + width)])
    }
}

/// An indexed PNG's pixels as RGBA byte quadruples per row, through its PLTE and tRNS.
private func decodedPixels(_ png: [UInt8]) -> (width: Int, height: Int, rows: [[[UInt8]]]) {
    let parts = chunks(png)
    let header = parts[0].data
    let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }, height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
    #expect(header[8] == 8 && header[9] == 3, "8-bit indexed colour")
    let palette = parts.first { $0.type == "PLTE" }!.data
    let alphas = parts.first { $0.type == "tRNS" }?.data ?? []
    let idat = parts.filter { $0.type == "IDAT" }.flatMap(\.data)
    let rows = unfiltered(inflated(idat, expected: height * (width + 1)), width: width).map { row in
        row.map { i in Array(palette[(Int(i) * 3)..<(Int(i) * 3 + 3)]) + [Int(i) < alphas.count ? alphas[Int(i)] : 0xFF] }
    }
    return (width, height, rows)
}

@Test func pngDecodesToTheDrawnPixels() throws {
    // A white canvas with one blue-filled bar from 0 to 1: the middle of the bar is pure Okabe–Ito blue.
    let panel = Panel(x: Axis(range: .fixed(-0.5, 0.5)), y: Axis(range: .fixed(0, 1)), marks: [.bar(BarMark(values: [1], color: Palette.blue, groupWidth: 0.8))])
    let figure = Figure(id: "px", width: 200, height: 150, panels: [panel], style: { var s = Style(); s.grid = false; return s }())
    let png = try render(figure, as: .png)
    #expect(chunks(png).map(\.type) == ["IHDR", "PLTE", "IDAT", "IEND"], "opaque: no tRNS")
    let (width, height, rows) = decodedPixels(png)
    #expect(width == 300 && height == 225)
    let plot = layout(figure).panels[0].plot
    let (cx, cy) = (Int(plot.midX * pngScale), Int(plot.midY * pngScale))
    #expect(rows[cy][cx] == [0x00, 0x72, 0xB2, 0xFF])
    #expect(rows[2][2] == [0xFF, 0xFF, 0xFF, 0xFF], "the margin is white")
}

@Test func translucentBackgroundsAreWrittenWithStraightAlpha() throws {
    var style = Style()
    style.background = Color(red: 1, green: 0, blue: 0, alpha: 0.5)
    let figure = Figure(id: "a", width: 40, height: 30, panels: [Panel()], style: style)
    let pixel = decodedPixels(try render(figure, as: .png)).rows[1][1]
    #expect(Array(pixel.prefix(3)) == [0xFF, 0, 0], "un-premultiplied red: \(pixel)")
    #expect((0x7F...0x80).contains(pixel[3]), "half alpha: \(pixel)")
}

/// Deterministic pseudo-random words (a 32-bit LCG), so the tests need no seeded generator.
private func words(_ count: Int, modulo: UInt32) -> [UInt32] {
    var state: UInt32 = 12345
    return (0..<count).map { _ in
        state = state &* 1_664_525 &+ 1_013_904_223
        return (state >> 8) % modulo
    }
}

@Test func aPaletteOfAtMost256ColoursIsExact() {
    let colors = (0..<200).map { UInt32($0) * 0x0001_0203 | 0xFF00_0000 }
    let pixels = words(5000, modulo: 200).map { colors[Int($0)] }
    let palette = PNGPalette(pixels: pixels)
    #expect(palette.entries.count == 200)
    #expect(palette.indices.map { palette.entries[Int($0)] } == pixels)
}

private func largestChannelDifference(_ a: UInt32, _ b: UInt32) -> Int {
    var largest = 0
    for shift: UInt32 in [0, 8, 16, 24] {
        let d = abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF))
        largest = max(largest, d)
    }
    return largest
}

@Test func moreThan256ColoursKeepTheFrequentOnesAndMapTheRestToTheNearest() {
    // 250 frequent greys plus 500 rare shades, each one step of red off a frequent grey.
    let grey = { (v: UInt32) in v | v << 8 | v << 16 | 0xFF00_0000 }
    let frequent = (0..<250).flatMap { v in [UInt32](repeating: grey(UInt32(v)), count: 10) }
    let rare = (0..<500).map { grey(UInt32($0 % 250)) &+ 1 + UInt32($0 / 250) }
    let palette = PNGPalette(pixels: frequent + rare)
    #expect(palette.entries.count == 256)
    let decoded = palette.indices.map { palette.entries[Int($0)] }
    #expect(Array(decoded.prefix(frequent.count)) == frequent, "frequent colours are exact")
    for (original, drawn) in zip(rare, decoded.dropFirst(frequent.count)) {
        #expect(largestChannelDifference(original, drawn) <= 2)
    }
    #expect(PNGPalette(pixels: frequent + rare).indices == palette.indices, "deterministic")
}
