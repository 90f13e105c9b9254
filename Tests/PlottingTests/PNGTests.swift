import Foundation
import Plotting
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

/// Undoes the PNG filters (only None, Sub and Up are expected) and returns the pixel bytes.
private func unfiltered(_ raw: [UInt8], rowBytes: Int, bytesPerPixel: Int) -> [[UInt8]] {
    var rows: [[UInt8]] = []
    var previous = [UInt8](repeating: 0, count: rowBytes)
    for start in stride(from: 0, to: raw.count, by: rowBytes + 1) {
        let filter = raw[start]
        var row = Array(raw[(start + 1)...(start + rowBytes)])
        for i in row.indices {
            switch filter {
            case 0: break
            case 1: row[i] &+= i >= bytesPerPixel ? row[i - bytesPerPixel] : 0
            case 2: row[i] &+= previous[i]
            default: Issue.record("unexpected filter \(filter)")
            }
        }
        rows.append(row)
        previous = row
    }
    return rows
}

@Test func pngDecodesToTheDrawnPixels() throws {
    // A white canvas with one blue-filled bar from 0 to 1: the middle of the bar is pure Okabe–Ito blue.
    let panel = Panel(x: Axis(range: .fixed(-0.5, 0.5)), y: Axis(range: .fixed(0, 1)), marks: [.bar(BarMark(values: [1], color: Palette.blue, groupWidth: 0.8))])
    let figure = Figure(id: "px", width: 200, height: 150, panels: [panel], style: { var s = Style(); s.grid = false; return s }())
    let png = try render(figure, as: .png)
    let parts = chunks(png)
    #expect(parts.map(\.type) == ["IHDR", "IDAT", "IEND"])
    let header = parts[0].data
    let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }, height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == 400 && height == 300)
    #expect(header[8] == 8 && header[9] == 2, "opaque figures are written as 8-bit RGB")
    let raw = inflated(parts[1].data, expected: height * (width * 3 + 1))
    let rows = unfiltered(raw, rowBytes: width * 3, bytesPerPixel: 3)
    let plot = layout(figure).panels[0].plot
    let (cx, cy) = (Int(plot.midX * pngScale), Int(plot.midY * pngScale))
    #expect(Array(rows[cy][(cx * 3)..<(cx * 3 + 3)]) == [0x00, 0x72, 0xB2])
    #expect(Array(rows[2][6..<9]) == [0xFF, 0xFF, 0xFF], "the margin is white")
}

@Test func translucentBackgroundsAreWrittenWithStraightAlpha() throws {
    var style = Style()
    style.background = Color(red: 1, green: 0, blue: 0, alpha: 0.5)
    let figure = Figure(id: "a", width: 40, height: 30, panels: [Panel()], style: style)
    let parts = chunks(try render(figure, as: .png))
    #expect(parts[0].data[9] == 6, "RGBA")
    let rows = unfiltered(inflated(parts[1].data, expected: 60 * (80 * 4 + 1)), rowBytes: 80 * 4, bytesPerPixel: 4)
    let pixel = Array(rows[1][4..<8])
    #expect(Array(pixel.prefix(3)) == [0xFF, 0, 0], "un-premultiplied red: \(pixel)")
    #expect((0x7F...0x80).contains(pixel[3]), "half alpha: \(pixel)")
}
