/// A `style="…"` attribute as Cairo writes it, without what SVG assumes anyway: Cairo spells out every
/// default (`stroke-linecap:butt;stroke-linejoin:miter;stroke-opacity:1;fill-rule:nonzero;…`) and every
/// colour as percentages to six decimals, so the style of a figure's few hundred paths outweighs
/// many of its marks. Colours become `#rrggbb` when they are exact 8-bit values (every palette colour
/// is); the miter limit goes only where no join uses it.
enum SVGStyleCompaction {
    private static let defaults: Set<String> = [
        "stroke-linecap:butt", "stroke-linejoin:miter", "stroke-opacity:1", "fill-opacity:1", "fill-rule:nonzero",
    ]

    static func compact(_ style: ArraySlice<UInt8>) -> [UInt8] {
        let declarations = String(decoding: style, as: UTF8.self).split(separator: ";").map(String.init)
        let joinsUseMiter = !declarations.contains { $0 == "stroke-linejoin:round" || $0 == "stroke-linejoin:bevel" || $0 == "stroke:none" }
            && declarations.contains { $0.hasPrefix("stroke:") }
        let kept = declarations.filter { declaration in
            !defaults.contains(declaration) && (joinsUseMiter || !declaration.hasPrefix("stroke-miterlimit:"))
        }
        return Array(kept.map(hexColor).joined(separator: ";").utf8)
    }

    /// `fill:rgb(90.196078%,62.352941%,0%)` as `fill:#e69f00`, when every channel is an 8-bit value.
    private static func hexColor(_ declaration: String) -> String {
        guard let open = declaration.range(of: ":rgb("), declaration.hasSuffix(")") else { return declaration }
        let channels = declaration[open.upperBound..<declaration.index(before: declaration.endIndex)].split(separator: ",")
        let bytes = channels.compactMap { channel -> Int? in
            guard channel.hasSuffix("%"), let percent = Double(channel.dropLast()) else { return nil }
            let value = percent * 2.55
            // Cairo writes six decimals of the percentage: an 8-bit channel lands within 1e-5 of its integer.
            return abs(value - value.rounded()) < 1e-3 && (0...255).contains(Int(value.rounded())) ? Int(value.rounded()) : nil
        }
        guard channels.count == 3, bytes.count == 3 else { return declaration }
        let digits = Array("0123456789abcdef")
        let hex = String(bytes.flatMap { [digits[$0 / 16], digits[$0 % 16]] })
        return declaration[..<open.lowerBound] + ":#" + hex
    }
}
