import Support

/// `svg` with the path data of every `d="…"` attribute rewritten in relative, space-free form to a
/// hundredth of a unit, and every `x="…"` and `y="…"` (the glyph placements) to the same hundredth:
/// Cairo writes `M 804.5 153.25 L 801.25 158.75 L 807.75 158.75 Z`, the same outline is
/// `M804.5 153.25l-3.25 5.5h6.5z`. A hundredth of a pixel (or point) is far below what a screen or a
/// printer shows, and scatter series, curves and text glyphs — most of a figure's SVG — shrink by
/// about half.
///
/// Path data with anything but Cairo's absolute `M`, `L`, `C` and `Z`, or a number it cannot read, is
/// left as it is. Every `style="…"` loses what SVG assumes anyway (`SVGStyleCompaction`).
public func compactingSVGPaths(_ svg: String) -> String {
    String(decoding: compactingSVGPaths(Array(svg.utf8)), as: UTF8.self)
}

/// `compactingSVGPaths` on the UTF-8 bytes of an SVG.
func compactingSVGPaths(_ bytes: [UInt8]) -> [UInt8] {
    enum Value { case path, number, style }
    let openers: [(pattern: [UInt8], value: Value)] = [
        (Array(" d=\"".utf8), .path), (Array(" x=\"".utf8), .number), (Array(" y=\"".utf8), .number), (Array(" style=\"".utf8), .style),
    ]
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var i = 0
    scanning: while i < bytes.count {
        // Every opener starts with a space; runs without one are copied at once.
        if bytes[i] != UInt8(ascii: " ") {
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: " ") { i += 1 }
            output += bytes[start..<i]
            continue
        }
        for opener in openers where i + opener.pattern.count <= bytes.count && bytes[i..<i + opener.pattern.count].elementsEqual(opener.pattern) {
            let start = i + opener.pattern.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            output += opener.pattern
            let value = bytes[start..<end]
            switch opener.value {
            case .path:
                if let path = RelativePath(cairoPathData: value) { output += path.bytes } else { output += value }
            case .number:
                if let number = HundredthsNumber(value), number.end == value.endIndex {
                    HundredthsNumber.append(number.hundredths, to: &output)
                } else {
                    output += value
                }
            case .style:
                output += SVGStyleCompaction.compact(value)
            }
            output.append(UInt8(ascii: "\""))
            i = end + 1
            continue scanning
        }
        output.append(bytes[i])
        i += 1
    }
    return output
}

/// A decimal number as Cairo writes it (`-4.742188`, no exponent), in hundredths, rounded half away from zero.
struct HundredthsNumber {
    let hundredths: Int
    /// The index just after the number's last byte.
    let end: Int

    init?(_ bytes: ArraySlice<UInt8>, from start: Int? = nil) {
        var i = start ?? bytes.startIndex
        let negative = i < bytes.endIndex && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa = 0, decimals = 0, digits = 0, inFraction = false
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                // Digits past the eighteenth cannot change the hundredths of a coordinate.
                if digits < 18 {
                    mantissa = mantissa * 10 + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                    if inFraction { decimals += 1 }
                }
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        let scaled = Double(mantissa) * 100 / PowersOfTen.nearest[min(decimals, 18)]
        hundredths = (negative ? -1 : 1) * Int(scaled.rounded())
        end = i
    }

    /// The shortest text of `hundredths / 100`: no trailing zeros, no leading zero before the point.
    static func append(_ hundredths: Int, to output: inout [UInt8]) {
        if hundredths < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = abs(hundredths)
        let (whole, fraction) = magnitude.quotientAndRemainder(dividingBy: 100)
        if whole > 0 || fraction == 0 { output += String(whole).utf8 }
        guard fraction > 0 else { return }
        output.append(UInt8(ascii: "."))
        output.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 > 0 { output.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }
}

/// Path data re-emitted with relative commands in hundredths, measured from where the reader's pen
/// actually is (the sum of the offsets written so far, exact in whole hundredths), so rounding never
/// accumulates.
struct RelativePath {
    private(set) var bytes: [UInt8] = []
    private var pen = (x: 0, y: 0)
    private var subpathStart = (x: 0, y: 0)
    /// Whether the last number written has a decimal point (a second one then separates by itself).
    private var lastHadPoint = false

    /// Nil when `cairoPathData` holds a command other than absolute M, L, C and Z, or a malformed number.
    init?(cairoPathData data: ArraySlice<UInt8>) {
        var i = data.startIndex
        func skipSpaces() { while i < data.endIndex, data[i] == UInt8(ascii: " ") { i += 1 } }
        func point() -> (x: Int, y: Int)? {
            skipSpaces()
            guard let x = HundredthsNumber(data, from: i) else { return nil }
            i = x.end
            skipSpaces()
            guard let y = HundredthsNumber(data, from: i) else { return nil }
            i = y.end
            return (x.hundredths, y.hundredths)
        }
        skipSpaces()
        while i < data.endIndex {
            let command = data[i]
            i += 1
            switch command {
            case UInt8(ascii: "M"):
                guard let p = point() else { return nil }
                emit(bytes.isEmpty ? "M" : "m", [p.x - pen.x, p.y - pen.y])
                pen = p
                subpathStart = pen
            case UInt8(ascii: "L"):
                guard let p = point() else { return nil }
                let (dx, dy) = (p.x - pen.x, p.y - pen.y)
                if dy == 0 { emit("h", [dx]) } else if dx == 0 { emit("v", [dy]) } else { emit("l", [dx, dy]) }
                pen = p
            case UInt8(ascii: "C"):
                guard let a = point(), let b = point(), let c = point() else { return nil }
                emit("c", [a.x - pen.x, a.y - pen.y, b.x - pen.x, b.y - pen.y, c.x - pen.x, c.y - pen.y])
                pen = c
            case UInt8(ascii: "Z"):
                bytes.append(UInt8(ascii: "z"))
                pen = subpathStart
            default:
                return nil
            }
            skipSpaces()
        }
    }

    /// Appends a command and its offsets in hundredths. The first command of a path is an absolute M
    /// from the origin, so its offsets are its coordinates.
    private mutating func emit(_ command: Unicode.Scalar, _ offsets: [Int]) {
        bytes.append(UInt8(ascii: command))
        var first = true
        for value in offsets {
            var number: [UInt8] = []
            HundredthsNumber.append(value, to: &number)
            // A minus sign separates numbers by itself; so does a second decimal point.
            if !first, number[0] != UInt8(ascii: "-"), !(number[0] == UInt8(ascii: ".") && lastHadPoint) { bytes.append(UInt8(ascii: " ")) }
            bytes += number
            lastHadPoint = number.contains(UInt8(ascii: "."))
            first = false
        }
    }
}
