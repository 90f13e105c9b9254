import Foundation

/// `svg` with the path data of every `d="…"` attribute rewritten in relative, space-free form:
/// Cairo writes `M 804.5 153.25 L 801.25 158.75 L 807.75 158.75 Z`, the same outline is
/// `M804.5 153.25l-3.25 5.5h6.5z`. Scatter series and text glyphs are most of a figure's SVG, and
/// their paths shrink by about a third.
///
/// Path data with anything but Cairo's absolute `M`, `L`, `C` and `Z` is left as it is.
public func compactingSVGPaths(_ svg: String) -> String {
    let opener = Array(" d=\"".utf8)
    let bytes = Array(svg.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        guard bytes[i] == opener[0], i + opener.count <= bytes.count, bytes[i..<i + opener.count].elementsEqual(opener) else {
            output.append(bytes[i])
            i += 1
            continue
        }
        let start = i + opener.count
        guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else {
            output += bytes[i...]
            break
        }
        output += opener
        let data = String(decoding: bytes[start..<end], as: UTF8.self)
        output += (RelativePath(cairoPathData: data)?.text ?? data).utf8
        output.append(UInt8(ascii: "\""))
        i = end + 1
    }
    return String(decoding: output, as: UTF8.self)
}

/// Path data re-emitted with relative commands, measured from where the reader's pen actually is
/// (the sum of the rounded offsets written so far), so rounding never accumulates.
struct RelativePath {
    private(set) var text = ""
    private var pen = (x: 0.0, y: 0.0)
    private var subpathStart = (x: 0.0, y: 0.0)

    /// Nil when `cairoPathData` holds a command other than absolute M, L, C and Z, or a malformed number.
    init?(cairoPathData: String) {
        let tokens = cairoPathData.split(separator: " ")
        var index = 0
        func numbers(_ count: Int) -> [Double]? {
            guard index + count <= tokens.count else { return nil }
            let values = tokens[index..<index + count].compactMap { Double($0) }
            index += count
            return values.count == count ? values : nil
        }
        while index < tokens.count {
            let command = tokens[index]
            index += 1
            switch command {
            case "M":
                guard let p = numbers(2) else { return nil }
                emit("m", offsets: [p[0] - pen.x, p[1] - pen.y], first: text.isEmpty)
                subpathStart = pen
            case "L":
                guard let p = numbers(2) else { return nil }
                let (dx, dy) = (Self.rounded(p[0] - pen.x), Self.rounded(p[1] - pen.y))
                if dy == 0 { emit("h", offsets: [dx]) } else if dx == 0 { emit("v", offsets: [dy]) } else { emit("l", offsets: [dx, dy]) }
            case "C":
                guard let p = numbers(6) else { return nil }
                let origin = pen
                emit("c", offsets: [p[0] - origin.x, p[1] - origin.y, p[2] - origin.x, p[3] - origin.y, p[4] - origin.x, p[5] - origin.y],
                     endpointFrom: origin)
            case "Z":
                text += "z"
                pen = subpathStart
            default:
                return nil
            }
        }
    }

    /// Appends a command and its offsets from `endpointFrom` (the pen by default); the pen moves by the
    /// last pair as written. The first moveto of a path is written absolute.
    private mutating func emit(_ command: String, offsets: [Double], first: Bool = false, endpointFrom origin: (x: Double, y: Double)? = nil) {
        let written = offsets.map(Self.rounded)
        text += first ? command.uppercased() : command
        var previous: String?
        for value in written {
            let number = Self.format(value)
            // A minus sign separates numbers by itself; so does a second decimal point.
            if let previous, !number.hasPrefix("-"), !(number.hasPrefix(".") && previous.contains(".")) { text += " " }
            text += number
            previous = number
        }
        let base = origin ?? pen
        switch command {
        case "h": pen = (base.x + written[0], base.y)
        case "v": pen = (base.x, base.y + written[0])
        default: pen = (base.x + written[written.count - 2], base.y + written[written.count - 1])
        }
    }

    /// Six decimals, as Cairo writes them: no precision is lost that the input had.
    private static func rounded(_ value: Double) -> Double {
        let result = (value * 1e6).rounded() / 1e6
        return result == 0 ? 0 : result
    }

    /// The shortest text of a six-decimal value: no trailing zeros, no leading zero before the point.
    private static func format(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text.hasPrefix("0.") { text.removeFirst() } else if text.hasPrefix("-0.") { text = "-" + text.dropFirst(2) }
        return text == "-0" ? "0" : text
    }
}
