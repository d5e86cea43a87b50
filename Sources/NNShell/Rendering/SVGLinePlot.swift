/// Line plots as SVG: the same panels the terminal shows, stacked, each with its axes,
/// ticks, series and legend.
///
/// Every plot area is a `<g class="plot-area">` carrying its pixel rectangle and data
/// interval (`data-left`, `data-x-min`, …), and every series a `<g class="series">` with
/// its name, so that the picture can be checked against the numbers it shows.
enum SVGLinePlot {
    static let width = 760.0
    static let plotHeight = 280.0

    static func render(_ panels: [PlotPanel], title: String) -> String {
        var blocks: [(panel: PlotPanel, legend: [[Int]], top: Double)] = []
        var y = 10.0
        for panel in panels {
            let legend = legendRows(panel, width: width - 100)
            blocks.append((panel, legend, y))
            y += panelHeight(panel, legendRows: legend.count)
        }
        let widest = panels.compactMap(\.title).map { 40 + SVGDocument.textWidth($0, size: 16) }.max() ?? 0
        var document = SVGDocument(width: max(width, widest), height: y + 6, title: title)
        for (index, block) in blocks.enumerated() {
            document.group([("class", "panel"), ("id", "panel-\(index + 1)")]) { doc in
                draw(block.panel, number: index + 1, top: block.top, legend: block.legend, into: &doc)
            }
        }
        return document.render()
    }

    static func panelHeight(_ panel: PlotPanel, legendRows: Int) -> Double {
        let notes = panel.notes.count + (panel.logFallbackNote == nil ? 0 : 1) + (rangeCaption(panel) == nil ? 0 : 1)
        return 30 + plotHeight + 50 + Double(legendRows) * 20 + Double(notes) * 18 + 10
    }

    /// What a range line means, when some bucket holds several values.
    static func rangeCaption(_ panel: PlotPanel) -> String? {
        guard let most = panel.series.flatMap({ $0.spans.map(\.count) }).max(), most > 1 else { return nil }
        return
            "each bucket of up to \(most) \(panel.xLabel)s is drawn from its minimum to its maximum (thin line); the line joins their means"
    }

    static func draw(_ panel: PlotPanel, number: Int, top: Double, legend: [[Int]], into document: inout SVGDocument) {
        let n = SVGDocument.number
        if let title = panel.title {
            document.add(
                SVGDocument.element(
                    "text",
                    [
                        ("class", "title"), ("x", "20"), ("y", n(top + 16)), ("font-size", "15"),
                        ("font-weight", "bold"), ("fill", "#111111")
                    ], text: title))
        }
        guard let axes = panel.axes(xTicks: 8, yTicks: 7) else {
            document.add(SVGDocument.element("text", [("x", "20"), ("y", n(top + 50))], text: "nothing to plot yet"))
            return
        }
        let left = SVGAxes.leftMargin(axes.y)
        let rect = SVGRect(x: left, y: top + 30, width: width - left - 30, height: plotHeight)
        SVGAxes.draw(&document, in: rect, x: axes.x, y: axes.y, xLabel: panel.xLabel, yLabel: panel.yLabel)
        let area: [(String, String)] = [
            ("class", "plot-area"), ("id", "plot-area-\(number)"),
            ("data-left", n(rect.x)), ("data-top", n(rect.y)), ("data-width", n(rect.width)),
            ("data-height", n(rect.height)),
            ("data-x-min", SVGDocument.exact(axes.x.low)), ("data-x-max", SVGDocument.exact(axes.x.high)),
            ("data-y-min", SVGDocument.exact(axes.y.low)), ("data-y-max", SVGDocument.exact(axes.y.high)),
            ("data-y-scale", axes.y.scale.rawValue)
        ]
        document.group(area) { doc in
            for (index, series) in panel.series.enumerated() {
                drawSeries(series, index: index, panel: panel, rect: rect, axes: axes, into: &doc)
            }
        }
        var y = rect.bottom + 62
        document.group([("class", "legend")]) { doc in
            for row in legend {
                var x = rect.x
                for index in row {
                    let label =
                        panel.namesSeries
                        ? panel.series[index].name : (panel.bundleLabel ?? "\(panel.series.count) series")
                    let colour = panel.namesSeries ? PlotStyle.svg(index) : "#777777"
                    doc.add(
                        SVGDocument.element(
                            "line",
                            [
                                ("x1", n(x)), ("y1", n(y - 4)), ("x2", n(x + 24)), ("y2", n(y - 4)),
                                ("stroke", colour), ("stroke-width", "2")
                            ]))
                    if panel.usesMarkers { doc.add(marker(index, at: (x + 12, y - 4))) }
                    doc.add(
                        SVGDocument.element("text", [("x", n(x + 30)), ("y", n(y)), ("fill", "#111111")], text: label))
                    x += 30 + SVGDocument.textWidth(label) + 24
                }
                y += 20
            }
            for note in (rangeCaption(panel).map { [$0] } ?? []) + (panel.logFallbackNote.map { [$0] } ?? [])
                + panel.notes
            {
                doc.add(
                    SVGDocument.element(
                        "text", [("class", "note"), ("x", n(rect.x)), ("y", n(y)), ("fill", "#555555")], text: note))
                y += 18
            }
        }
    }

    static func drawSeries(
        _ series: PlotSeries, index: Int, panel: PlotPanel, rect: SVGRect,
        axes: (x: PlotAxis, y: PlotAxis), into document: inout SVGDocument
    ) {
        let n = SVGDocument.number
        func position(_ point: (Double, Double)) -> (Double, Double)? {
            guard let fx = axes.x.fraction(point.0), let fy = axes.y.fraction(point.1) else { return nil }
            return (rect.x + fx * rect.width, rect.bottom - fy * rect.height)
        }
        let colour = panel.namesSeries ? PlotStyle.svg(index) : PlotStyle.svg(index % 4)
        let strokeWidth = panel.namesSeries ? "1.8" : "1"
        document.group([
            ("class", "series"), ("data-name", series.name), ("data-index", "\(index)"),
            ("data-count", "\(series.points.count)")
        ]) { doc in
            // A bucket of several values: a thin line from its minimum to its maximum.
            for span in series.spans where span.count > 1 {
                guard let low = position(((span.x0 + span.x1) / 2, span.low)),
                    let high = position(((span.x0 + span.x1) / 2, span.high))
                else { continue }
                doc.add(
                    SVGDocument.element(
                        "line",
                        [
                            ("class", "range"), ("x1", n(low.0)), ("y1", n(low.1)), ("x2", n(high.0)),
                            ("y2", n(high.1)), ("stroke", colour), ("stroke-width", "1"),
                            ("stroke-opacity", "0.45"), ("data-count", "\(span.count)")
                        ]))
            }
            var segment: [String] = []
            func flush() {
                if segment.count == 1 { segment.append(segment[0]) }
                if !segment.isEmpty {
                    doc.add(
                        SVGDocument.element(
                            "polyline",
                            [
                                ("points", segment.joined(separator: " ")), ("fill", "none"), ("stroke", colour),
                                ("stroke-width", strokeWidth), ("stroke-linejoin", "round"), ("stroke-linecap", "round")
                            ]))
                }
                segment = []
            }
            for point in series.points {
                guard let (x, y) = position(point) else { flush(); continue }
                segment.append(n(x) + "," + n(y))
            }
            flush()
            guard panel.usesMarkers else { return }
            for i in panel.markerIndices(series: index, everyPointBelow: 40, spaced: 8) {
                if let at = position(series.points[i]) { doc.add(marker(index, at: at)) }
            }
        }
    }

    /// The SVG shape of `PlotStyle.markers[index]`: filled, then hollow, circles, squares, triangles and
    /// diamonds, then a plus and a cross.
    static func marker(_ index: Int, at point: (Double, Double)) -> String {
        let n = SVGDocument.number, (x, y) = point, colour = PlotStyle.svg(index)
        let slot = index % 10, shape = slot < 8 ? slot % 4 : slot, hollow = (4..<8).contains(slot)
        let paint: [(String, String)] = [
            ("class", "marker"), ("fill", hollow ? "#ffffff" : colour), ("stroke", colour), ("stroke-width", "1.5")
        ]
        switch shape {
        case 0: return SVGDocument.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", "3.5")] + paint)
        case 1:
            return SVGDocument.element(
                "rect", [("x", n(x - 3.2)), ("y", n(y - 3.2)), ("width", "6.4"), ("height", "6.4")] + paint)
        case 2:
            return SVGDocument.element(
                "path",
                [("d", "M\(n(x)),\(n(y - 4.5)) L\(n(x + 4.2)),\(n(y + 3)) L\(n(x - 4.2)),\(n(y + 3)) Z")] + paint)
        case 3:
            return SVGDocument.element(
                "path",
                [("d", "M\(n(x)),\(n(y - 4.5)) L\(n(x + 4)),\(n(y)) L\(n(x)),\(n(y + 4.5)) L\(n(x - 4)),\(n(y)) Z")]
                    + paint)
        case 8:
            return SVGDocument.element(
                "path",
                [
                    (
                        "d",
                        "M\(n(x - 4.5)),\(n(y)) L\(n(x + 4.5)),\(n(y)) M\(n(x)),\(n(y - 4.5)) L\(n(x)),\(n(y + 4.5))"
                    ),
                    ("class", "marker"), ("fill", "none"), ("stroke", colour), ("stroke-width", "2.2")
                ])
        default:
            return SVGDocument.element(
                "path",
                [
                    (
                        "d",
                        "M\(n(x - 4)),\(n(y - 4)) L\(n(x + 4)),\(n(y + 4)) M\(n(x + 4)),\(n(y - 4)) L\(n(x - 4)),\(n(y + 4))"
                    ),
                    ("class", "marker"), ("fill", "none"), ("stroke", colour), ("stroke-width", "2.2")
                ])
        }
    }

    /// Legend entries (series indices) packed into rows that fit `width` pixels.
    static func legendRows(_ panel: PlotPanel, width: Double) -> [[Int]] {
        guard panel.namesSeries else { return [[0]] }
        var rows: [[Int]] = [], row: [Int] = [], used = 0.0
        for (index, series) in panel.series.enumerated() {
            let entry = 30 + SVGDocument.textWidth(series.name) + 24
            if !row.isEmpty, used + entry > width { rows.append(row); row = []; used = 0 }
            row.append(index); used += entry
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }
}
