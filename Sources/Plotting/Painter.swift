import CCairo
import Foundation

/// Draws a laid-out figure on a Cairo context owned by the caller (one context per render, never
/// shared between threads).
struct Painter {
    let cr: OpaquePointer
    let figure: Figure
    let layout: FigureLayout
    var style: Style { figure.style }

    func paint() {
        setColor(style.background)
        cairo_rectangle(cr, 0, 0, layout.width, layout.height)
        cairo_fill(cr)
        for (panel, panelLayout) in zip(figure.panels, layout.panels) {
            paintFrame(panelLayout)
            cairo_save(cr)
            cairo_rectangle(cr, panelLayout.plot.x, panelLayout.plot.y, panelLayout.plot.width, panelLayout.plot.height)
            cairo_clip(cr)
            for mark in panel.marks {
                paint(mark, panelLayout)
            }
            cairo_restore(cr)
            paintAxes(panelLayout)
        }
        for swatch in layout.legend {
            paint(swatch)
        }
        for text in layout.texts {
            paint(text)
        }
    }

    // MARK: - Primitives

    private func setColor(_ color: Color, alpha: Double = 1) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha * alpha)
    }

    private func stroke(_ color: Color, width: Double, dash: Dash = []) {
        setColor(color)
        cairo_set_line_width(cr, width)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    private func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
    }

    // MARK: - Axes

    /// Grid lines behind the marks.
    private func paintFrame(_ panel: PanelLayout) {
        guard style.grid else { return }
        let plot = panel.plot
        for tick in panel.y.ticks {
            if let y = panel.py(tick.value) { line(plot.minX, y, plot.maxX, y) }
        }
        if case .categorical = panel.x.scale {} else {
            for tick in panel.x.ticks {
                if let x = panel.px(tick.value) { line(x, plot.minY, x, plot.maxY) }
            }
        }
        stroke(.lightGray, width: style.gridLineWidth)
    }

    private func paintAxes(_ panel: PanelLayout) {
        let plot = panel.plot
        line(plot.minX, plot.minY, plot.minX, plot.maxY)
        line(plot.minX, plot.maxY, plot.maxX, plot.maxY)
        for tick in panel.x.ticks {
            if let x = panel.px(tick.value) { line(x, plot.maxY, x, plot.maxY + style.tickLength) }
        }
        for tick in panel.y.ticks {
            if let y = panel.py(tick.value) { line(plot.minX - style.tickLength, y, plot.minX, y) }
        }
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        stroke(style.foreground, width: style.axisLineWidth)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    // MARK: - Marks

    private func paint(_ mark: Mark, _ panel: PanelLayout) {
        switch mark {
        case .scatter(let m): paintScatter(m, panel)
        case .line(let m): paintLine(m, panel)
        case .band(let m): paintBand(m, panel)
        case .histogram(let m): paintHistogram(m, panel)
        case .box(let m): paintBox(m, panel)
        case .bar(let m): paintBar(m, panel)
        case .errorBars(let m): paintErrorBars(m, panel)
        case .rule(let m): paintRule(m, panel)
        case .annotation: break
        }
    }

    private func paintScatter(_ m: ScatterMark, _ panel: PanelLayout) {
        if cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE {
            stampScatter(m, panel)
            return
        }
        for i in 0..<min(m.x.count, m.y.count) {
            guard let x = panel.px(m.x[i]), let y = panel.py(m.y[i]) else { continue }
            cairo_new_sub_path(cr)
            cairo_arc(cr, x, y, m.radius(at: i), 0, 2 * .pi)
            setColor(m.color(at: i), alpha: m.alpha)
            cairo_fill(cr)
        }
    }

    /// On a raster, a point is its colour painted through a disc mask drawn once per radius: Cairo's
    /// scan converter costs several times more per tiny circle, and the big scatter plots hold
    /// thousands of them.
    private func stampScatter(_ m: ScatterMark, _ panel: PanelLayout) {
        var stamps: [Double: (surface: OpaquePointer, half: Double)] = [:]
        defer { for stamp in stamps.values { cairo_surface_destroy(stamp.surface) } }
        // Masks are placed in device pixels; the user-space transform maps the points there.
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cr, &matrix)
        cairo_save(cr)
        cairo_identity_matrix(cr)
        for i in 0..<min(m.x.count, m.y.count) {
            guard var x = panel.px(m.x[i]), var y = panel.py(m.y[i]) else { continue }
            let radius = m.radius(at: i)
            cairo_matrix_transform_point(&matrix, &x, &y)
            if stamps[radius] == nil {
                var deviceRadius = radius, zero = 0.0
                cairo_matrix_transform_distance(&matrix, &deviceRadius, &zero)
                let size = Int32((2 * deviceRadius).rounded(.up)) + 2
                let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, size, size)!
                let disc = cairo_create(surface)!
                cairo_arc(disc, Double(size) / 2, Double(size) / 2, deviceRadius, 0, 2 * .pi)
                cairo_fill(disc)
                cairo_destroy(disc)
                stamps[radius] = (surface, Double(size) / 2)
            }
            let stamp = stamps[radius]!
            setColor(m.color(at: i), alpha: m.alpha)
            cairo_mask_surface(cr, stamp.surface, x - stamp.half, y - stamp.half)
        }
        cairo_restore(cr)
    }

    private func paintLine(_ m: LineMark, _ panel: PanelLayout) {
        var previous: (x: Double, y: Double)?
        for i in 0..<min(m.x.count, m.y.count) {
            guard let x = panel.px(m.x[i]), let y = panel.py(m.y[i]) else { previous = nil; continue }
            if let p = previous {
                if m.curve == .stepAfter { cairo_line_to(cr, x, p.y) }
                cairo_line_to(cr, x, y)
            } else {
                cairo_move_to(cr, x, y)
            }
            previous = (x, y)
        }
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        stroke(m.color, width: m.width ?? style.lineWidth, dash: m.dash)
    }

    private func paintBand(_ m: BandMark, _ panel: PanelLayout) {
        let points = (0..<min(m.x.count, m.lower.count, m.upper.count)).compactMap { i -> (Double, Double, Double)? in
            guard let x = panel.px(m.x[i]), let lo = panel.py(m.lower[i]), let hi = panel.py(m.upper[i]) else { return nil }
            return (x, lo, hi)
        }
        guard let first = points.first else { return }
        cairo_move_to(cr, first.0, first.2)
        for p in points.dropFirst() { cairo_line_to(cr, p.0, p.2) }
        for p in points.reversed() { cairo_line_to(cr, p.0, p.1) }
        cairo_close_path(cr)
        setColor(m.color)
        cairo_fill(cr)
    }

    /// The pixel y bars grow from: zero, or the bottom of a log axis.
    private func baseline(_ panel: PanelLayout) -> Double {
        panel.py(0) ?? panel.plot.maxY
    }

    private func fillRect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ color: Color) {
        cairo_rectangle(cr, min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
        setColor(color)
        cairo_fill(cr)
    }

    private func paintHistogram(_ m: HistogramMark, _ panel: PanelLayout) {
        let edges = m.edges, heights = m.heights, base = baseline(panel)
        for (i, height) in heights.enumerated() where height > 0 {
            guard let x0 = panel.px(edges[i]), let x1 = panel.px(edges[i + 1]), let y = panel.py(height) else { continue }
            fillRect(x0, base, x1, y, m.color)
            cairo_rectangle(cr, min(x0, x1), min(base, y), abs(x1 - x0), abs(y - base))
            stroke(style.background, width: 0.5)
        }
    }

    private func paintBar(_ m: BarMark, _ panel: PanelLayout) {
        let base = baseline(panel)
        for (i, value) in m.values.enumerated() {
            let center = m.center(category: i)
            guard let x0 = panel.px(center - m.barWidth / 2), let x1 = panel.px(center + m.barWidth / 2),
                  let y = panel.py(value) else { continue }
            fillRect(x0, base, x1, y, m.color)
        }
    }

    private func paintBox(_ m: BoxMark, _ panel: PanelLayout) {
        let s = m.summary
        guard let x0 = panel.px(m.at - m.width / 2), let x1 = panel.px(m.at + m.width / 2), let xc = panel.px(m.at),
              let yMin = panel.py(s.minimum), let yQ1 = panel.py(s.lowerQuartile), let yMed = panel.py(s.median),
              let yQ3 = panel.py(s.upperQuartile), let yMax = panel.py(s.maximum) else { return }
        fillRect(x0, yQ1, x1, yQ3, m.color.withAlpha(0.25))
        for (i, value) in m.strip.enumerated() {
            let offset = i < m.jitter.count ? m.jitter[i] : 0
            guard let x = panel.px(m.at + offset * m.width), let y = panel.py(value) else { continue }
            cairo_new_sub_path(cr)
            cairo_arc(cr, x, y, 1.8, 0, 2 * .pi)
            setColor(m.color, alpha: 0.55)
            cairo_fill(cr)
        }
        let capHalf = (x1 - x0) / 4
        cairo_rectangle(cr, x0, min(yQ1, yQ3), x1 - x0, abs(yQ3 - yQ1))
        line(xc, yQ1, xc, yMin)
        line(xc, yQ3, xc, yMax)
        line(xc - capHalf, yMin, xc + capHalf, yMin)
        line(xc - capHalf, yMax, xc + capHalf, yMax)
        stroke(m.color, width: style.lineWidth * 0.8)
        line(x0, yMed, x1, yMed)
        stroke(m.color, width: style.lineWidth * 1.6)
    }

    private func paintErrorBars(_ m: ErrorBarMark, _ panel: PanelLayout) {
        let half = m.capWidth / 2
        for i in 0..<min(m.at.count, m.low.count, m.high.count) {
            switch m.orientation {
            case .vertical:
                guard let x = panel.px(m.at[i]), let lo = panel.py(m.low[i]), let hi = panel.py(m.high[i]) else { continue }
                line(x, lo, x, hi)
                if half > 0 { line(x - half, lo, x + half, lo); line(x - half, hi, x + half, hi) }
            case .horizontal:
                guard let y = panel.py(m.at[i]), let lo = panel.px(m.low[i]), let hi = panel.px(m.high[i]) else { continue }
                line(lo, y, hi, y)
                if half > 0 { line(lo, y - half, lo, y + half); line(hi, y - half, hi, y + half) }
            }
        }
        stroke(m.color, width: style.lineWidth * 0.8)
    }

    private func paintRule(_ m: RuleMark, _ panel: PanelLayout) {
        let plot = panel.plot
        switch m.orientation {
        case .horizontal:
            guard let y = panel.py(m.value) else { return }
            line(plot.minX, y, plot.maxX, y)
        case .vertical:
            guard let x = panel.px(m.value) else { return }
            line(x, plot.minY, x, plot.maxY)
        }
        stroke(m.color, width: style.lineWidth * 0.8, dash: m.dash)
    }

    // MARK: - Legend and text

    private func paint(_ swatch: LegendSwatch) {
        let f = swatch.frame
        switch swatch.entry.symbol {
        case .point:
            cairo_arc(cr, f.midX, f.midY, f.width * 0.35, 0, 2 * .pi)
            setColor(swatch.entry.color)
            cairo_fill(cr)
        case .line:
            line(f.minX, f.midY, f.maxX, f.midY)
            stroke(swatch.entry.color, width: style.lineWidth * 1.2)
        case .area:
            fillRect(f.minX, f.minY, f.maxX, f.maxY, swatch.entry.color)
        }
    }

    private func paint(_ text: PlacedText) {
        if text.role == .annotation || text.role == .ruleLabel {
            // A translucent backing keeps in-plot text readable over dense marks.
            fillRect(text.frame.minX - 1, text.frame.minY, text.frame.maxX + 1, text.frame.maxY, style.background.withAlpha(0.75))
        }
        selectFont(text.font, family: style.fontFamily, on: cr)
        setColor(text.color)
        cairo_save(cr)
        if text.rotated {
            cairo_move_to(cr, text.frame.minX + text.ascent, text.frame.maxY)
            cairo_rotate(cr, -Double.pi / 2)
        } else {
            cairo_move_to(cr, text.frame.minX, text.frame.minY + text.ascent)
        }
        cairo_show_text(cr, text.text)
        cairo_restore(cr)
    }
}
