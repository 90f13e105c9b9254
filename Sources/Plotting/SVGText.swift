/// A figure's texts as SVG `<text>` elements, which the SVG output carries instead of Cairo's glyph
/// outlines: on the real report the outlines were half of all SVG bytes (a symbol per glyph plus a
/// `<use>` per character), and real text can be searched, selected and read by screen readers.
///
/// Each text keeps the advance width the layout measured (`textLength`), so a viewer without the
/// style's font still fits every label in its box instead of running into its neighbours.
func svgTextElements(_ texts: [PlacedText], fontFamily: String) -> String {
    guard !texts.isEmpty else { return "" }
    var svg = "<g font-family=\"\(escapedXML(fontFamily)), sans-serif\">\n"
    for text in texts {
        // The baseline's start, where the PNG and PDF pen starts too (see `Painter`).
        let x = text.rotated ? text.frame.minX + text.ascent : text.frame.minX
        let y = text.rotated ? text.frame.maxY : text.frame.minY + text.ascent
        let length = text.rotated ? text.frame.height : text.frame.width
        svg += "<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" font-size=\"\(svgNumber(text.font.size))\""
        if text.font.bold { svg += " font-weight=\"bold\"" }
        svg += " fill=\"\(svgColor(text.color))\""
        if text.color.alpha < 1 { svg += " fill-opacity=\"\(svgNumber(text.color.alpha))\"" }
        if text.rotated { svg += " transform=\"rotate(-90 \(svgNumber(x)) \(svgNumber(y)))\"" }
        svg += " textLength=\"\(svgNumber(length))\" lengthAdjust=\"spacingAndGlyphs\">\(escapedXML(text.text))</text>\n"
    }
    return svg + "</g>\n"
}

/// `svg` with `elements` placed last in the drawing, i.e. on top of everything Cairo wrote.
func appendingToSVG(_ svg: [UInt8], _ elements: String) -> [UInt8] {
    let end = Array("</svg>".utf8)
    guard !elements.isEmpty,
          let start = (0...max(0, svg.count - end.count)).reversed().first(where: { svg[$0..<min(svg.count, $0 + end.count)].elementsEqual(end) })
    else { return svg }
    return Array(svg[..<start]) + Array(elements.utf8) + Array(svg[start...])
}

/// To the hundredth of a pixel, as the path data; no trailing zeros.
private func svgNumber(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    if hundredths == 0 { return "0" }
    var text = String(Int(hundredths.magnitude) / 100)
    let fraction = Int(hundredths.magnitude) % 100
    if fraction != 0 {
        text += "." + (fraction < 10 ? "0\(fraction)" : (fraction % 10 == 0 ? "\(fraction / 10)" : "\(fraction)"))
    }
    return hundredths < 0 ? "-" + text : text
}

private func svgColor(_ color: Color) -> String {
    func hex(_ channel: Double) -> String {
        let value = Int((min(max(channel, 0), 1) * 255).rounded())
        return (value < 16 ? "0" : "") + String(value, radix: 16)
    }
    return "#" + hex(color.red) + hex(color.green) + hex(color.blue)
}

private func escapedXML(_ text: String) -> String {
    var escaped = ""
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        default: escaped.append(character)
        }
    }
    return escaped
}
