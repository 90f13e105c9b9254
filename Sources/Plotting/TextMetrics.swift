import CCairo

/// A font of the figure's family at one size and weight.
struct Font: Equatable {
    var size: Double
    var bold: Bool = false
}

/// Selects `font` on `cr` with hinting off, so text measures the same on every surface and scale
/// (layout is measured once and drawn on PNG, SVG and PDF surfaces alike).
func selectFont(_ font: Font, family: String, on cr: OpaquePointer) {
    cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(cr, font.size)
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_set_font_options(cr, options)
    cairo_font_options_destroy(options)
}

/// Measures text with Cairo on a private 1×1 surface. Not shared between threads: each layout makes
/// its own.
final class TextMetrics {
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let family: String
    private var current: Font?

    init(family: String) {
        self.family = family
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        cr = cairo_create(surface)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    private func use(_ font: Font) {
        guard current != font else { return }
        selectFont(font, family: family, on: cr)
        current = font
    }

    /// Advance width of `text`: where the next text could start without touching it.
    func width(_ text: String, _ font: Font) -> Double {
        use(font)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return max(extents.x_advance, extents.x_bearing + extents.width)
    }

    /// The font's ascent and descent: a line of any text fits in `ascent + descent`.
    func lineMetrics(_ font: Font) -> (ascent: Double, descent: Double) {
        use(font)
        var extents = cairo_font_extents_t()
        cairo_font_extents(cr, &extents)
        return (extents.ascent, extents.descent)
    }

    func lineHeight(_ font: Font) -> Double {
        let metrics = lineMetrics(font)
        return metrics.ascent + metrics.descent
    }

    /// `text` shortened with "…" so that it is at most `maxWidth` wide (possibly just "…" or empty).
    func truncated(_ text: String, _ font: Font, maxWidth: Double) -> String {
        if width(text, font) <= maxWidth { return text }
        let characters = Array(text)
        var lo = 0, hi = characters.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if width(ellipsized(characters, mid), font) <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        let result = ellipsized(characters, lo)
        return width(result, font) <= maxWidth ? result : ""
    }

    private func ellipsized(_ characters: [Character], _ count: Int) -> String {
        String(characters[0..<count]).trimmingTrailingSpaces() + "…"
    }

    /// `text` broken at spaces, or after a hyphen inside a word (so "ImageNet16-120" becomes
    /// "ImageNet16-" / "120" rather than "ImageNet1…"), into at most `maxLines` lines of at most
    /// `maxWidth`; the last line is truncated with "…" when the text does not fit.
    func wrapped(_ text: String, _ font: Font, maxWidth: Double, maxLines: Int) -> [String] {
        let pieces = Self.breakablePieces(text)
        var lines: [String] = []
        var index = 0
        while index < pieces.count, lines.count < maxLines {
            var line = pieces[index].text
            index += 1
            while index < pieces.count, width(line + pieces[index].joiner + pieces[index].text, font) <= maxWidth {
                line += pieces[index].joiner + pieces[index].text
                index += 1
            }
            lines.append(line)
        }
        guard !lines.isEmpty else { return [] }
        while index < pieces.count {
            lines[lines.count - 1] += pieces[index].joiner + pieces[index].text
            index += 1
        }
        return lines.map { truncated($0, font, maxWidth: maxWidth) }.filter { !$0.isEmpty }
    }

    /// The pieces a line may break between, each with what joins it to the previous piece on one line:
    /// a space between words, nothing after a hyphen that has letters or digits on both sides.
    static func breakablePieces(_ text: String) -> [(text: String, joiner: String)] {
        var pieces: [(text: String, joiner: String)] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var joiner = " "
            var current = ""
            let characters = Array(word)
            for (i, character) in characters.enumerated() {
                current.append(character)
                let breaksAfter = character == "-" && i > 0 && i + 1 < characters.count
                    && (characters[i - 1].isLetter || characters[i - 1].isNumber)
                    && (characters[i + 1].isLetter || characters[i + 1].isNumber)
                if breaksAfter {
                    pieces.append((current, pieces.isEmpty ? "" : joiner))
                    current = ""
                    joiner = ""
                }
            }
            if !current.isEmpty { pieces.append((current, pieces.isEmpty ? "" : joiner)) }
        }
        return pieces
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
