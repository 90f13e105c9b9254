import CCairo
import Foundation

/// Draws a laid-out figure on a Cairo context owned by the caller (one context per render, never
/// shared between threads).
struct Painter {
    let cr: OpaquePointer
    let figure: Figure
    let layout: FigureLayout
    /// False on SVG surfaces, whose texts are written as `<text>` elements instead (`svgTextElements`).
    var drawsText = true
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

    /// Strokes the current path; `dash` is in mark pixels, scaled by the style's `markScale`.
    private func stroke(_ color: Color, width: Double, dash: Dash = []) {
        setColor(color)
        cairo_set_line_width(cr, width)
        let dash = dash.map { $0 * style.markScale }
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
        let runs = scatterRuns(m, panel)
        if cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE {
            stamp(runs, on: cr)
        } else if runs.reduce(0, { $0 + $1.points.count }) > style.maxVectorPoints {
            paintRasterLayer(runs, panel)
        } else {
            for run in runs {
                for (exact, color) in run.layers {
                    var geometry = exact
                    geometry.grid = Self.vectorGrid
                    for point in run.points {
                        geometry.append(to: cr, x: point.x, y: point.y)
                    }
                    setColor(color)
                    geometry.paintPath(on: cr)
                }
            }
        }
    }

    /// Consecutive points that look alike, in drawing order, with their pixel positions.
    private struct ScatterRun {
        var points: [(x: Double, y: Double)]
        /// What is painted for every point, bottom first: the halo, if any, then the marker.
        var layers: [(geometry: MarkerGeometry, color: Color)]
    }

    private func scatterRuns(_ m: ScatterMark, _ panel: PanelLayout) -> [ScatterRun] {
        var runs: [ScatterRun] = []
        var current: (radius: Double, color: Color)?
        for i in 0..<min(m.x.count, m.y.count) {
            guard let x = panel.px(m.x[i]), let y = panel.py(m.y[i]) else { continue }
            let look = (radius: m.radius(at: i), color: m.color(at: i))
            if current?.radius != look.radius || current?.color != look.color {
                let size = look.radius * style.markScale
                var layers = [(MarkerGeometry(shape: m.shape, size: size), look.color.withAlpha(look.color.alpha * m.alpha))]
                if m.halo > 0 {
                    layers.insert((MarkerGeometry(shape: m.shape, size: size, outset: m.halo * style.markScale), style.background), at: 0)
                }
                runs.append(ScatterRun(points: [], layers: layers))
                current = look
            }
            runs[runs.count - 1].points.append((x, y))
        }
        return runs
    }

    /// Marker vertices in vector output lie on a half-unit grid: a point moves by a quarter of a pixel
    /// (or point) at most, a tenth of a marker's width, invisible on screen and in print; exact in
    /// Cairo's 24.8 fixed point, and one decimal at most in the SVG and PDF path text (instead of six),
    /// which in a report of a hundred thousand marks is megabytes.
    private static let vectorGrid = 0.5

    /// Dense points drawn as an image of the plot area at `style.rasterScale`, the same way a PNG
    /// draws them, and placed in the vector output as one embedded picture.
    private func paintRasterLayer(_ runs: [ScatterRun], _ panel: PanelLayout) {
        let plot = panel.plot, scale = style.rasterScale
        let (width, height) = (Int32((plot.width * scale).rounded(.up)), Int32((plot.height * scale).rounded(.up)))
        /// Draws `surface` over the plot, one of its pixels per `1 / scale` units.
        func place(_ surface: OpaquePointer, asMaskOf color: Color?) {
            cairo_save(cr)
            cairo_translate(cr, plot.minX, plot.minY)
            cairo_scale(cr, 1 / scale, 1 / scale)
            if let color {
                cairo_set_source_rgb(cr, color.red, color.green, color.blue)
                cairo_mask_surface(cr, surface, 0, 0)
            } else {
                cairo_set_source_surface(cr, surface, 0, 0)
                cairo_paint(cr)
            }
            cairo_restore(cr)
        }
        /// A surface of the plot's pixels with the runs stamped on it.
        func stamped(_ format: cairo_format_t) -> OpaquePointer {
            let surface = cairo_image_surface_create(format, width, height)!
            let layer = cairo_create(surface)!
            cairo_scale(layer, scale, scale)
            cairo_translate(layer, -plot.minX, -plot.minY)
            stamp(runs, on: layer)
            cairo_destroy(layer)
            return surface
        }
        // A failed encoding only costs bytes: Cairo's SVG writer then encodes the pixels itself.
        let colors = Set(runs.flatMap { $0.layers.map { $0.color.withAlpha(1) } })
        guard colors.count == 1, let color = colors.first else {
            let image = stamped(CAIRO_FORMAT_ARGB32)
            defer { cairo_surface_destroy(image) }
            if let png = try? PNGEncoder.encode(image) { attachPNG(png, to: image) }
            place(image, asMaskOf: nil)
            return
        }
        // One colour: its opacity is all there is to store. The PDF fills the colour through the
        // opacity as a soft mask (one channel); the SVG gets an indexed PNG (one byte per pixel).
        let mask = stamped(CAIRO_FORMAT_A8)
        defer { cairo_surface_destroy(mask) }
        if cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_PDF {
            place(mask, asMaskOf: color)
            return
        }
        let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
        defer { cairo_surface_destroy(image) }
        let layer = cairo_create(image)!
        cairo_set_source_rgb(layer, color.red, color.green, color.blue)
        cairo_mask_surface(layer, mask, 0, 0)
        cairo_destroy(layer)
        if let png = try? PNGEncoder.encode(mask: mask, color: color) {
            attachPNG(png, to: image)
        }
        place(image, asMaskOf: nil)
    }

    /// On a raster, a point is its colour painted through a mask of its marker drawn once per look:
    /// Cairo's scan converter costs several times more per tiny shape, and the big scatter plots hold
    /// thousands of them.
    private func stamp(_ runs: [ScatterRun], on target: OpaquePointer) {
        var stamps: [StampKey: (surface: OpaquePointer, half: Double)] = [:]
        defer { for stamp in stamps.values { cairo_surface_destroy(stamp.surface) } }
        // Masks are placed in device pixels; the user-space transform maps the points there.
        var matrix = cairo_matrix_t()
        cairo_get_matrix(target, &matrix)
        var deviceScale = 1.0, zero = 0.0
        cairo_matrix_transform_distance(&matrix, &deviceScale, &zero)
        cairo_save(target)
        cairo_identity_matrix(target)
        for run in runs {
            for (geometry, color) in run.layers {
                let key = StampKey(shape: geometry.shape, size: geometry.size, outset: geometry.outset)
                if stamps[key] == nil {
                    let device = MarkerGeometry(shape: geometry.shape, size: geometry.size * deviceScale, outset: geometry.outset * deviceScale)
                    let size = Int32((2 * device.extent).rounded(.up)) + 2
                    let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, size, size)!
                    let mask = cairo_create(surface)!
                    device.append(to: mask, x: Double(size) / 2, y: Double(size) / 2)
                    device.paintPath(on: mask)
                    cairo_destroy(mask)
                    stamps[key] = (surface, Double(size) / 2)
                }
                let stamp = stamps[key]!
                cairo_set_source_rgba(target, color.red, color.green, color.blue, color.alpha)
                for point in run.points {
                    var (x, y) = point
                    cairo_matrix_transform_point(&matrix, &x, &y)
                    cairo_mask_surface(target, stamp.surface, x - stamp.half, y - stamp.half)
                }
            }
        }
        cairo_restore(target)
    }

    /// Gives `surface` its PNG encoding as MIME data, which Cairo's SVG writer embeds as is instead of
    /// encoding the pixels again at libpng's default level.
    private func attachPNG(_ png: [UInt8], to surface: OpaquePointer) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: png.count)
        buffer.initialize(from: png, count: png.count)
        cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_PNG, buffer, UInt(png.count), { data in
            data?.assumingMemoryBound(to: UInt8.self).deallocate()
        }, buffer)
    }

    private struct StampKey: Hashable {
        var shape: MarkerShape
        var size: Double
        var outset: Double
    }

    private func paintLine(_ m: LineMark, _ panel: PanelLayout) {
        let merging = m.curve == .stepAfter && cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_IMAGE
        var previous: (x: Double, y: Double)?
        /// Whether the pen lies below `previous`, on its vertical, after rises were joined.
        var joinedRise = false
        for i in 0..<min(m.x.count, m.y.count) {
            guard let x = panel.px(m.x[i]), let y = panel.py(m.y[i]) else {
                if joinedRise, let p = previous { cairo_line_to(cr, p.x, p.y) }
                previous = nil
                joinedRise = false
                continue
            }
            if let p = previous {
                if merging, abs(x - p.x) < Self.vectorGrid, i + 1 < m.x.count {
                    // A rise this close to the last one joins it (the curve moves by less than the
                    // marker grid): an empirical CDF of a thousand values is otherwise mostly steps a
                    // hundredth of a pixel wide in the SVG and PDF text.
                    previous = (p.x, y)
                    joinedRise = true
                    continue
                }
                if joinedRise { cairo_line_to(cr, p.x, p.y) }
                joinedRise = false
                if m.curve == .stepAfter { cairo_line_to(cr, x, p.y) }
                cairo_line_to(cr, x, y)
            } else {
                cairo_move_to(cr, x, y)
            }
            previous = (x, y)
        }
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        stroke(m.color, width: m.width.map { $0 * style.markScale } ?? style.lineWidth, dash: m.dash)
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
        let stripPoint = MarkerGeometry(shape: .circle, size: 1.8 * style.markScale)
        for (i, value) in m.strip.enumerated() {
            let offset = i < m.jitter.count ? m.jitter[i] : 0
            guard let x = panel.px(m.at + offset * m.width), let y = panel.py(value) else { continue }
            stripPoint.append(to: cr, x: x, y: y)
        }
        setColor(m.color, alpha: 0.55)
        stripPoint.paintPath(on: cr)
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
        let half = m.capWidth * style.markScale / 2
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
            paintMarker(swatch.entry.marker ?? .circle, at: f, color: swatch.entry.color)
        case .line:
            line(f.minX, f.midY, f.maxX, f.midY)
            stroke(swatch.entry.color, width: style.lineWidth * 1.2)
            if let marker = swatch.entry.marker { paintMarker(marker, at: f, color: swatch.entry.color) }
        case .area:
            fillRect(f.minX, f.minY, f.maxX, f.maxY, swatch.entry.color)
        }
    }

    /// A legend marker spanning about 70% of the swatch, whatever its shape.
    private func paintMarker(_ shape: MarkerShape, at frame: Rect, color: Color) {
        let unit = MarkerGeometry(shape: shape, size: 1)
        let marker = MarkerGeometry(shape: shape, size: frame.width * 0.35 / unit.extent)
        marker.append(to: cr, x: frame.midX, y: frame.midY)
        setColor(color)
        marker.paintPath(on: cr)
    }

    private func paint(_ text: PlacedText) {
        if text.role == .annotation || text.role == .ruleLabel {
            // A translucent backing keeps in-plot text readable over dense marks.
            fillRect(text.frame.minX - 1, text.frame.minY, text.frame.maxX + 1, text.frame.maxY, style.background.withAlpha(0.75))
        }
        guard drawsText else { return }
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
