/// Lays out `figure`: measures every text with Cairo and places titles, tick labels, axis labels,
/// legend and annotations so that none overlap and all stay on the canvas. Text that does not fit is
/// truncated with "…" (titles wrap first); a tick label that would still collide is left out.
public func layout(_ figure: Figure) -> FigureLayout {
    var engine = LayoutEngine(figure: figure, metrics: TextMetrics(family: figure.style.fontFamily))
    return engine.run()
}

struct LayoutEngine {
    let figure: Figure
    let metrics: TextMetrics
    var style: Style { figure.style }
    private var texts: [PlacedText] = []

    init(figure: Figure, metrics: TextMetrics) {
        self.figure = figure
        self.metrics = metrics
    }

    var tickFont: Font { Font(size: style.tickLabelSize) }
    var axisFont: Font { Font(size: style.axisLabelSize) }

    mutating func run() -> FigureLayout {
        let canvas = Rect(x: 0, y: 0, width: figure.width, height: figure.height)
        var content = canvas.insetBy(dx: style.margin, dy: style.margin)
        if !figure.title.isEmpty, style.drawsFigureTitle {
            let height = placeLines(
                figure.title, role: .figureTitle, font: Font(size: style.figureTitleSize, bold: true),
                top: content.minY, within: content, maxLines: 2, color: .black)
            content.y += height + style.gap * 2
            content.height = max(0, content.height - height - style.gap * 2)
        }
        var swatches: [LegendSwatch] = []
        if !figure.legend.isEmpty {
            let height: Double
            (swatches, height) = placeLegend(bottom: content.maxY, within: content)
            content.height = max(0, content.height - height - style.gap * 2)
        }
        let rows = figure.rows, columns = figure.columns
        let cellWidth = max(0, (content.width - Double(columns - 1) * style.panelSpacing) / Double(columns))
        let cellHeight = max(0, (content.height - Double(rows - 1) * style.panelSpacing) / Double(rows))
        var panels: [PanelLayout] = []
        for (index, panel) in figure.panels.enumerated() {
            let cell = Rect(
                x: content.minX + Double(index % columns) * (cellWidth + style.panelSpacing),
                y: content.minY + Double(index / columns) * (cellHeight + style.panelSpacing),
                width: cellWidth, height: cellHeight)
            panels.append(layOutPanel(panel, in: cell))
        }
        return FigureLayout(
            width: figure.width, height: figure.height, texts: resolvedTexts(on: canvas), panels: panels, legend: swatches)
    }

    // MARK: - Text placement

    private mutating func place(
        _ text: String, role: PlacedText.Role, font: Font, x: Double, y: Double, rotated: Bool = false, color: Color? = nil
    ) -> Rect {
        let width = metrics.width(text, font)
        let (ascent, descent) = metrics.lineMetrics(font)
        let frame = rotated
            ? Rect(x: x, y: y, width: ascent + descent, height: width)
            : Rect(x: x, y: y, width: width, height: ascent + descent)
        texts.append(PlacedText(text: text, role: role, frame: frame, rotated: rotated, font: font, ascent: ascent, color: color ?? style.foreground))
        return frame
    }

    /// Wraps `text` to `within.width` and places the lines centred from `top`; returns their height.
    private mutating func placeLines(
        _ text: String, role: PlacedText.Role, font: Font, top: Double, within: Rect, maxLines: Int, color: Color? = nil
    ) -> Double {
        let lineHeight = metrics.lineHeight(font)
        let lines = metrics.wrapped(text, font, maxWidth: within.width, maxLines: maxLines)
        for (i, line) in lines.enumerated() {
            let width = metrics.width(line, font)
            _ = place(line, role: role, font: font, x: within.midX - width / 2, y: top + Double(i) * lineHeight, color: color)
        }
        return Double(lines.count) * lineHeight
    }

    /// Legend entries flow left to right in centred rows ending at `bottom`.
    private mutating func placeLegend(bottom: Double, within: Rect) -> ([LegendSwatch], Double) {
        let font = Font(size: style.legendSize)
        let lineHeight = metrics.lineHeight(font)
        let swatchSize = style.legendSize * 0.9, swatchGap = 5.0, itemGap = 18.0
        let items = figure.legend.map { entry in
            let label = metrics.truncated(entry.label, font, maxWidth: max(0, within.width - swatchSize - swatchGap))
            return (entry, label, swatchSize + swatchGap + metrics.width(label, font))
        }
        var rows: [[Int]] = [[]]
        var rowWidth = 0.0
        for (i, item) in items.enumerated() {
            let needed = rows[rows.count - 1].isEmpty ? item.2 : rowWidth + itemGap + item.2
            if needed > within.width, !rows[rows.count - 1].isEmpty {
                rows.append([i])
                rowWidth = item.2
            } else {
                rows[rows.count - 1].append(i)
                rowWidth = needed
            }
        }
        let height = Double(rows.count) * lineHeight
        var swatches: [LegendSwatch] = []
        for (r, row) in rows.enumerated() {
            let total = row.map { items[$0].2 }.reduce(0, +) + Double(row.count - 1) * itemGap
            var x = within.midX - total / 2
            let top = bottom - height + Double(r) * lineHeight
            for i in row {
                let (entry, label, width) = items[i]
                swatches.append(LegendSwatch(
                    entry: entry,
                    frame: Rect(x: x, y: top + (lineHeight - swatchSize) / 2, width: swatchSize, height: swatchSize)))
                _ = place(label, role: .legend, font: font, x: x + swatchSize + swatchGap, y: top)
                x += width + itemGap
            }
        }
        return (swatches, height)
    }

    // MARK: - Panels

    private mutating func layOutPanel(_ panel: Panel, in cell: Rect) -> PanelLayout {
        let tickHeight = metrics.lineHeight(tickFont)
        let axisHeight = metrics.lineHeight(axisFont)
        var top = cell.minY
        if !panel.title.isEmpty {
            top += placeLines(panel.title, role: .panelTitle, font: Font(size: style.panelTitleSize, bold: true),
                              top: top, within: cell, maxLines: 2, color: .black) + style.gap
        }
        // x tick labels hang below the half-height of the lowest y tick label so the two never meet.
        let xTickOffset = max(style.tickLength + 2, tickHeight / 2 + 1)
        let xLabelLines = axisLabelLines(panel.x.label, maxWidth: cell.width)
        let xLabelHeight = xLabelLines.isEmpty ? 0 : Double(xLabelLines.count) * axisHeight + style.gap
        let xTickLines = categoryLineCount(panel.x, plotWidth: cell.width * 0.85)
        let bottom = cell.maxY - xLabelHeight - xTickOffset - tickHeight * Double(xTickLines)
        let xDomain = domain(of: panel.x, marks: panel.marks, along: .x)
        let yDomain = domain(of: panel.y, marks: panel.marks, along: .y)

        let plotHeight = max(1, bottom - top - tickHeight / 2)
        let yTicks = fittedTicks(panel.y, yDomain) { ticks in
            Double(ticks.count) * tickHeight * 1.6 <= plotHeight || ticks.count <= 2
        }.map { Tick(value: $0.value, label: metrics.truncated($0.label, tickFont, maxWidth: cell.width * 0.3)) }
        let yTickWidth = yTicks.map { metrics.width($0.label, tickFont) }.max() ?? 0
        let yLabelLines = axisLabelLines(panel.y.label, maxWidth: plotHeight)
        let yLabelWidth = yLabelLines.isEmpty ? 0 : Double(yLabelLines.count) * axisHeight + style.gap
        let left = cell.minX + yLabelWidth + yTickWidth + style.tickLength + 3
        var plot = Rect(x: left, y: top + tickHeight / 2, width: max(1, cell.maxX - left), height: plotHeight)

        var xTicks = xTicksFitting(panel.x, xDomain, plot: plot, lines: xTickLines)
        if case .categorical = panel.x.scale {} else if let last = xTicks.last {
            // Leave room for the last label's right half inside the cell.
            let overhang = metrics.width(last.label, tickFont) / 2
            let lastX = plot.minX + (AxisLayout(lower: xDomain.lower, upper: xDomain.upper, scale: panel.x.scale, ticks: [])
                .fraction(last.value) ?? 1) * plot.width
            let excess = lastX + overhang - cell.maxX
            if excess > 0 {
                plot.width = max(1, plot.width - excess)
                xTicks = xTicksFitting(panel.x, xDomain, plot: plot, lines: xTickLines)
            }
        }
        let result = PanelLayout(
            cell: cell, plot: plot,
            x: AxisLayout(lower: xDomain.lower, upper: xDomain.upper, scale: panel.x.scale, ticks: xTicks),
            y: AxisLayout(lower: yDomain.lower, upper: yDomain.upper, scale: panel.y.scale, ticks: yTicks))

        for tick in yTicks {
            guard let y = result.py(tick.value) else { continue }
            let width = metrics.width(tick.label, tickFont)
            _ = place(tick.label, role: .tickLabel, font: tickFont, x: plot.minX - style.tickLength - 3 - width, y: y - tickHeight / 2)
        }
        for tick in xTicks {
            guard let x = result.px(tick.value) else { continue }
            for (i, line) in tick.label.split(separator: "\n").enumerated() {
                let width = metrics.width(String(line), tickFont)
                _ = place(String(line), role: .tickLabel, font: tickFont, x: x - width / 2,
                          y: plot.maxY + xTickOffset + Double(i) * tickHeight)
            }
        }
        for (i, line) in xLabelLines.enumerated() {
            let width = metrics.width(line, axisFont)
            let x = min(max(plot.midX - width / 2, cell.minX), cell.maxX - width)
            _ = place(line, role: .axisLabel, font: axisFont, x: x,
                      y: plot.maxY + xTickOffset + tickHeight * Double(xTickLines) + style.gap + Double(i) * axisHeight)
        }
        for (i, line) in yLabelLines.enumerated() {
            let width = metrics.width(line, axisFont)
            _ = place(line, role: .axisLabel, font: axisFont, x: cell.minX + Double(i) * axisHeight, y: plot.midY - width / 2, rotated: true)
        }
        placeInPlotTexts(panel, result)
        return result
    }

    /// An axis label in at most three lines of at most `maxWidth`: labels with units are long, and the
    /// unit should not be cut off in a small panel.
    private func axisLabelLines(_ label: String, maxWidth: Double) -> [String] {
        label.isEmpty ? [] : metrics.wrapped(label, axisFont, maxWidth: maxWidth, maxLines: 3)
    }

    /// Ticks for `axis`, as many as `fits` accepts (from about eight down to two).
    private func fittedTicks(_ axis: Axis, _ domain: (lower: Double, upper: Double), fits: ([Tick]) -> Bool) -> [Tick] {
        if case .categorical(let labels) = axis.scale {
            return labels.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
        }
        var candidate: [Tick] = []
        for count in stride(from: 8, through: 2, by: -1) {
            candidate = axis.scale == .log
                ? Ticks.log(domain.lower, domain.upper, count: count)
                : Ticks.linear(domain.lower, domain.upper, count: count)
            if fits(candidate) { return candidate }
        }
        return candidate
    }

    /// Width available to one category label under a plot `plotWidth` wide.
    private func categorySlot(_ count: Int, plotWidth: Double) -> Double {
        plotWidth / Double(max(1, count)) - style.tickLabelSpacing / 2
    }

    /// Lines the x tick labels need: two when a category label only fits its slot when wrapped.
    private func categoryLineCount(_ axis: Axis, plotWidth: Double) -> Int {
        guard case .categorical(let labels) = axis.scale else { return 1 }
        let slot = categorySlot(labels.count, plotWidth: plotWidth)
        return labels.contains { metrics.width($0, tickFont) > slot } ? 2 : 1
    }

    /// x ticks whose labels keep `tickLabelSpacing` between neighbours; category labels are wrapped
    /// onto `lines` lines (joined by newlines) and truncated to their slot instead.
    private func xTicksFitting(_ axis: Axis, _ domain: (lower: Double, upper: Double), plot: Rect, lines: Int) -> [Tick] {
        let axisLayout = AxisLayout(lower: domain.lower, upper: domain.upper, scale: axis.scale, ticks: [])
        if case .categorical(let labels) = axis.scale {
            let slot = categorySlot(labels.count, plotWidth: plot.width)
            return fittedTicks(axis, domain) { _ in true }.map {
                Tick(value: $0.value, label: metrics.wrapped($0.label, tickFont, maxWidth: slot, maxLines: lines).joined(separator: "\n"))
            }
        }
        return fittedTicks(axis, domain) { ticks in
            let spans = ticks.map { tick -> (Double, Double) in
                let center = plot.minX + (axisLayout.fraction(tick.value) ?? 0) * plot.width
                let half = metrics.width(tick.label, tickFont) / 2
                return (center - half, center + half)
            }
            return zip(spans, spans.dropFirst()).allSatisfy { $0.1 + style.tickLabelSpacing <= $1.0 }
        }
    }

    /// Annotations stack in their corners; rule labels go beside their line, at the first candidate
    /// spot that stays inside the plot. Every in-plot text keeps `style.gap` to the left and right of
    /// the others: texts that merely touch read as one ("10th pct90th pct").
    private mutating func placeInPlotTexts(_ panel: Panel, _ layout: PanelLayout) {
        let plot = layout.plot
        let inner = plot.insetBy(dx: style.annotationPadding, dy: style.annotationPadding)
        let font = Font(size: style.annotationSize)
        let lineHeight = metrics.lineHeight(font)
        var occupied: [Rect] = []
        func isFree(_ box: Rect) -> Bool {
            inner.contains(box) && !occupied.contains { $0.insetBy(dx: -style.gap, dy: 0).overlaps(box) }
        }
        var stacked: [TextAnnotation.Corner: Double] = [:]
        for case .annotation(let note) in panel.marks {
            let isLeft = note.corner == .topLeft || note.corner == .bottomLeft
            let isTop = note.corner == .topLeft || note.corner == .topRight
            let lines = metrics.wrapped(note.text, font, maxWidth: inner.width, maxLines: 3)
            let width = lines.map { metrics.width($0, font) }.max() ?? 0
            // The whole note moves away from its corner, past notes of the other corners, until it is free.
            var offset = stacked[note.corner, default: 0]
            func block(_ offset: Double) -> Rect {
                let height = Double(lines.count) * lineHeight
                return Rect(x: isLeft ? inner.minX : inner.maxX - width, y: isTop ? inner.minY + offset : inner.maxY - height - offset,
                            width: width, height: height)
            }
            while !isFree(block(offset)), offset + Double(lines.count) * lineHeight < inner.height {
                offset += lineHeight
            }
            let frame = block(offset)
            for (i, line) in lines.enumerated() {
                let lineWidth = metrics.width(line, font)
                _ = place(line, role: .annotation, font: font, x: isLeft ? frame.minX : frame.maxX - lineWidth,
                          y: frame.minY + Double(i) * lineHeight, color: note.color)
            }
            occupied.append(frame)
            stacked[note.corner] = offset + frame.height
        }
        let rules = panel.marks.compactMap { mark -> RuleMark? in if case .rule(let rule) = mark { rule } else { nil } }
        // Where the rules run, as thin boxes: a label across another rule's line reads as belonging to it.
        let lines = rules.map { rule -> Rect? in
            switch rule.orientation {
            case .horizontal: layout.py(rule.value).map { Rect(x: plot.minX, y: $0 - 0.5, width: plot.width, height: 1) }
            case .vertical: layout.px(rule.value).map { Rect(x: $0 - 0.5, y: plot.minY, width: 1, height: plot.height) }
            }
        }
        for (index, rule) in rules.enumerated() {
            guard let text = rule.label, !text.isEmpty else { continue }
            // A horizontal rule has the plot's width for its label; a vertical one shares it with others.
            let label = metrics.truncated(text, font, maxWidth: rule.orientation == .horizontal ? inner.width : inner.width / 2)
            let width = metrics.width(label, font)
            var candidates: [(Double, Double)] = []
            switch rule.orientation {
            case .horizontal:
                guard let y = layout.py(rule.value) else { continue }
                for x in [inner.maxX - width, inner.minX, inner.midX - width / 2] {
                    candidates += [(x, y - lineHeight - 1), (x, y + 1)]
                }
            case .vertical:
                guard let x = layout.px(rule.value) else { continue }
                for step in stride(from: inner.minY, through: inner.maxY - lineHeight, by: lineHeight) {
                    candidates += [(x + 3, step), (x - 3 - width, step)]
                }
            }
            // Spots clear of the other rules' lines are preferred; a label with no free spot at all is left
            // out rather than drawn over another text.
            let boxes = candidates.map { Rect(x: $0.0, y: $0.1, width: width, height: lineHeight) }
            let crossesOtherRule = { (box: Rect) in
                lines.enumerated().contains { $0.offset != index && $0.element?.overlaps(box) == true }
            }
            guard let chosen = boxes.first(where: { isFree($0) && !crossesOtherRule($0) }) ?? boxes.first(where: isFree) else {
                continue
            }
            occupied.append(place(label, role: .ruleLabel, font: font, x: chosen.x, y: chosen.y, color: rule.color))
        }
    }

    // MARK: - Final check

    /// Keeps texts in priority order (titles and labels before tick labels), dropping any that would
    /// leave the canvas or overlap one already kept; only a figure far too small for its text loses
    /// more than tick labels.
    private func resolvedTexts(on canvas: Rect) -> [PlacedText] {
        let priority: [PlacedText.Role] = [.figureTitle, .legend, .panelTitle, .axisLabel, .annotation, .ruleLabel, .tickLabel]
        var kept: [PlacedText] = []
        for role in priority {
            for text in texts where text.role == role {
                guard canvas.contains(text.frame), !kept.contains(where: { $0.frame.overlaps(text.frame) }) else { continue }
                kept.append(text)
            }
        }
        return kept
    }
}
