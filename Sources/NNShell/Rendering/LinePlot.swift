/// Line plots in the terminal: braille dots (or ASCII characters with `--ascii`) inside a
/// y axis with tick labels, an x axis with tick labels, the axis names and a legend, all
/// fitting `width` columns. Several series share one plot; when there are between two and
/// ten, each carries its own marker (and colour, when the terminal has it).
enum LinePlot {
    /// One panel of `series`. `format` is kept for callers; tick labels follow the axis step.
    static func render(
        series: [PlotSeries], xLabel: String, yLabel: String, width: Int, height: Int,
        ascii: Bool, format: NumberFormat, title: String? = nil, logY: Bool = false,
        colour: Bool = false
    ) -> String {
        render(
            PlotPanel(title: title, series: series, xLabel: xLabel, yLabel: yLabel, logY: logY),
            width: width, height: height, ascii: ascii, colour: colour)
    }

    /// Several panels one under another, a blank line apart.
    static func render(_ panels: [PlotPanel], width: Int, height: Int, ascii: Bool, colour: Bool) -> String {
        panels.map { render($0, width: width, height: height, ascii: ascii, colour: colour) }.joined(separator: "\n")
    }

    static func render(_ panel: PlotPanel, width: Int, height: Int, ascii: Bool, colour: Bool) -> String {
        let height = max(height, 4)
        var lines: [String] = []
        if let title = panel.title { lines += wrapText(title, width: width) }
        guard let roughAxes = panel.axes(xTicks: 5, yTicks: max(2, height / 3 + 1)) else {
            return (lines + ["(nothing to plot yet: make some updates with 'step' or 'epoch')"]).joined(separator: "\n")
                + "\n"
        }
        let yAxis = roughAxes.y
        let yLabels = yAxis.ticks.map(yAxis.label)
        let gutter = yLabels.map(\.displayWidth).max() ?? 1
        let plotColumns = max(10, width - gutter - 2 - 3)
        let xAxis = panel.axes(xTicks: max(2, plotColumns / 12 + 1), yTicks: max(2, height / 3 + 1))!.x
        var canvas = DotCanvas(columns: plotColumns, rows: height, ascii: ascii)
        let columns = draw(panel, on: &canvas, x: xAxis, y: yAxis)

        lines.append(panel.yLabel + (yAxis.scale == .log ? " (log scale)" : ""))
        let rows = canvas.renderRows(colour: { colour && $0 >= 0 ? PlotStyle.ansi($0) : nil })
        lines += yFramed(rows, axis: yAxis, canvas: canvas, gutter: gutter)
        lines += xAxisLines(
            xAxis, indent: gutter + 1, columns: plotColumns, dotsWide: ascii ? 1 : 2, label: panel.xLabel,
            width: width, ascii: ascii)
        lines += packLegend(legend(panel, ascii: ascii, colour: colour), width: width, indent: gutter + 2)
        let caption = PlotColumns.caption(columns, unit: panel.xLabel).map { [$0] } ?? []
        for note in caption + (panel.logFallbackNote.map { [$0] } ?? []) + panel.notes {
            lines += wrapText(note, width: width, indent: gutter + 2)
        }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// The canvas rows behind a y axis with its tick labels right-aligned in `gutter` columns.
    static func yFramed(_ rows: [String], axis: PlotAxis, canvas: DotCanvas, gutter: Int) -> [String] {
        var tickRows: [Int: String] = [:]
        for tick in axis.ticks {
            guard let f = axis.fraction(tick) else { continue }
            let row = Int(((1 - f) * Double(canvas.dotRows - 1)).rounded()) / (canvas.ascii ? 1 : 4)
            if tickRows[row] == nil { tickRows[row] = axis.label(tick) }
        }
        let ascii = canvas.ascii
        return rows.enumerated().map { index, row in
            let label = tickRows[index] ?? ""
            let line = tickRows[index] != nil ? (ascii ? "+" : "┤") : (ascii ? "|" : "│")
            return String(repeating: " ", count: max(0, gutter - label.displayWidth)) + label + " " + line + row
        }
    }

    /// Draws every series as connected dots, then the markers on top. A recorded series is
    /// drawn column by column: its range as a dotted line, its mean as the line. Returns the
    /// columns of each recorded series.
    @discardableResult
    static func draw(_ panel: PlotPanel, on canvas: inout DotCanvas, x xAxis: PlotAxis, y yAxis: PlotAxis)
        -> [[PlotColumn]]
    {
        func position(_ point: (Double, Double)) -> (x: Double, y: Double)? {
            guard let fx = xAxis.fraction(point.0), let fy = yAxis.fraction(point.1) else { return nil }
            return (fx * Double(canvas.dotColumns - 1), (1 - fy) * Double(canvas.dotRows - 1))
        }
        let dotColumns = canvas.dotColumns
        var gathered: [[PlotColumn]] = []
        for (index, series) in panel.series.enumerated() where !series.spans.isEmpty {
            let columns = PlotColumns.gather(series.spans) { x in
                xAxis.fraction(x).map { Int(($0 * Double(dotColumns - 1)).rounded()) }
            }
            gathered.append(columns)
            guard columns.contains(where: { $0.count > 1 }) else { continue }
            let glyph = PlotStyle.marker(index, ascii: true)
            var previous: (x: Double, y: Double)?
            for column in columns {
                guard let low = position((0, column.low)), let high = position((0, column.high)),
                    let mean = position((0, column.mean))
                else { previous = nil; continue }
                let x = Double(column.column)
                canvas.line(from: (x, low.y), to: (x, high.y), owner: index, glyph: glyph, pattern: { $0 % 2 == 0 })
                if let previous {
                    canvas.line(from: previous, to: (x, mean.y), owner: index, glyph: glyph)
                } else {
                    canvas.dot(column.column, Int(mean.y.rounded()), owner: index, glyph: glyph)
                }
                previous = (x, mean.y)
            }
        }
        for (index, series) in panel.series.enumerated()
        where series.spans.isEmpty || !gathered[gatheredIndex(panel, index)].contains(where: { $0.count > 1 }) {
            let glyph = PlotStyle.marker(index, ascii: true)
            var previous: (x: Double, y: Double)?
            for point in series.points {
                guard let here = position(point) else { previous = nil; continue }
                if let previous {
                    canvas.line(from: previous, to: here, owner: index, glyph: glyph)
                } else {
                    canvas.dot(Int(here.x.rounded()), Int(here.y.rounded()), owner: index, glyph: glyph)
                }
                previous = here
            }
        }
        guard panel.usesMarkers, !canvas.ascii else { return gathered }
        for index in panel.series.indices {
            for i in panel.markerIndices(series: index, everyPointBelow: canvas.columns / 4) {
                guard let here = position(panel.series[index].points[i]) else { continue }
                canvas.write(
                    String(PlotStyle.marker(index, ascii: false)), column: Int(here.x.rounded()) / 2,
                    row: Int(here.y.rounded()) / 4, owner: index)
            }
        }
        return gathered
    }

    /// Where series `index` sits among the panel's recorded series.
    static func gatheredIndex(_ panel: PlotPanel, _ index: Int) -> Int {
        panel.series[..<index].filter { !$0.spans.isEmpty }.count
    }

    /// The x axis line with tick marks, the tick labels under it and the axis name.
    static func xAxisLines(
        _ axis: PlotAxis, indent: Int, columns: Int, dotsWide: Int, label: String,
        width: Int, ascii: Bool
    ) -> [String] {
        var line = Array(repeating: Character(ascii ? "-" : "─"), count: columns)
        var labels = Array(repeating: Character(" "), count: indent + 1 + columns + 8)
        var lastEnd = -1
        for tick in axis.ticks {
            guard let f = axis.fraction(tick) else { continue }
            let column = Int((f * Double(columns * dotsWide - 1)).rounded()) / dotsWide
            line[column] = ascii ? "+" : "┬"
            let text = Array(axis.label(tick))
            let start = max(0, indent + 1 + column - (text.count - 1) / 2)
            guard start > lastEnd + 1, start + text.count <= labels.count else { continue }
            for (offset, character) in text.enumerated() { labels[start + offset] = character }
            lastEnd = start + text.count - 1
        }
        let axisLine = String(repeating: " ", count: indent) + (ascii ? "+" : "└") + String(line)
        let tickLine = String(labels[0...max(lastEnd, 0)])
        let right = indent + 1 + columns
        if lastEnd + 3 + label.count <= max(right, width) - 0 {
            let pad = max(2, right - lastEnd - 1 - label.count)
            return [axisLine, tickLine + String(repeating: " ", count: pad) + label]
        }
        return [axisLine, tickLine, String(repeating: " ", count: max(0, right - label.count)) + label]
    }

    /// One legend entry per series (a sample of its line and marker), or one for a bundle.
    static func legend(_ panel: PlotPanel, ascii: Bool, colour: Bool) -> [LegendEntry] {
        guard panel.namesSeries else {
            let label = panel.bundleLabel ?? "\(panel.series.count) series"
            return [LegendEntry(sample: ascii ? "***" : "───", label: label, colour: nil)]
        }
        return panel.series.enumerated().map { index, series in
            let sample: String
            if ascii {
                sample = String(repeating: PlotStyle.marker(index, ascii: true), count: 3)
            } else if panel.usesMarkers {
                sample = "─" + String(PlotStyle.marker(index, ascii: false)) + "─"
            } else {
                sample = "───"
            }
            return LegendEntry(sample: sample, label: series.name, colour: colour ? PlotStyle.ansi(index) : nil)
        }
    }
}
