/// `plot boundary` as SVG: predicted regions as tinted rectangles, the data as class
/// markers, the line (and the perceptron's line before its last update, dashed), axes on
/// one scale and a legend.
enum SVGBoundaryPlot {
    static let plotWidth = 560.0
    static let gridColumns = 200

    static func render(_ map: BoundaryMap, title: String) -> String {
        var (xRange, yRange) = (map.xRange, map.yRange)
        var height = plotWidth * yRange.span / xRange.span
        height = min(max(height, 260), 560)
        // One scale on both axes: widen the range that is short.
        if height / plotWidth > yRange.span / xRange.span {
            yRange = yRange.widened(to: xRange.span * height / plotWidth)
        } else {
            xRange = xRange.widened(to: yRange.span * plotWidth / height)
        }
        let xAxis = PlotAxis.linear(xRange.lowerBound, xRange.upperBound, tickCount: 7, widen: false)
        let yAxis = PlotAxis.linear(yRange.lowerBound, yRange.upperBound, tickCount: 7, widen: false)
        let left = SVGAxes.leftMargin(yAxis)
        let rect = SVGRect(x: left, y: 40, width: plotWidth, height: height)
        let legend = legendEntries(map)
        var document = SVGDocument(
            width: max(left + plotWidth + 30, 40 + SVGDocument.textWidth(title, size: 16)),
            height: rect.bottom + 60 + Double(legend.count + 2) * 20, title: title)
        let n = SVGDocument.number
        document.add(
            SVGDocument.element(
                "text",
                [
                    ("class", "title"), ("x", "20"), ("y", "24"), ("font-size", "15"), ("font-weight", "bold"),
                    ("fill", "#111111")
                ], text: title))
        document.add(
            "<defs><clipPath id=\"plot-clip\">"
                + SVGDocument.element(
                    "rect", [("x", n(rect.x)), ("y", n(rect.y)), ("width", n(rect.width)), ("height", n(rect.height))])
                + "</clipPath></defs>")
        func position(_ x: Double, _ y: Double) -> (Double, Double) {
            (
                rect.x + (x - xRange.lowerBound) / xRange.span * rect.width,
                rect.bottom - (y - yRange.lowerBound) / yRange.span * rect.height
            )
        }
        let area: [(String, String)] = [
            ("class", "plot-area"), ("clip-path", "url(#plot-clip)"),
            ("data-left", n(rect.x)), ("data-top", n(rect.y)), ("data-width", n(rect.width)),
            ("data-height", n(rect.height)),
            ("data-x-min", SVGDocument.exact(xRange.lowerBound)), ("data-x-max", SVGDocument.exact(xRange.upperBound)),
            ("data-y-min", SVGDocument.exact(yRange.lowerBound)), ("data-y-max", SVGDocument.exact(yRange.upperBound)),
            ("data-y-scale", "linear")
        ]
        regions(map, rect: rect, x: xRange, y: yRange, into: &document)
        SVGAxes.draw(&document, in: rect, x: xAxis, y: yAxis, xLabel: map.xName, yLabel: map.yName)
        document.group(area) { doc in
            for (line, dashed) in [(map.previousLine == map.line ? nil : map.previousLine, true), (map.line, false)] {
                guard let line, let (a, b) = endpoints(line, x: xRange, y: yRange) else { continue }
                let (x1, y1) = position(a.0, a.1), (x2, y2) = position(b.0, b.1)
                doc.add(
                    SVGDocument.element(
                        "line",
                        [
                            ("class", dashed ? "previous-line" : "boundary-line"), ("x1", n(x1)), ("y1", n(y1)),
                            ("x2", n(x2)), ("y2", n(y2)),
                            ("stroke", dashed ? "#777777" : "#111111"), ("stroke-width", dashed ? "1.5" : "2.2")
                        ]
                            + (dashed ? [("stroke-dasharray", "6 4")] : [])))
            }
            for point in map.points {
                let (x, y) = position(point.x, point.y)
                doc.add(marker(point.label, at: (x, y), data: point))
                if map.highlighted.contains(point.row) {
                    doc.add(
                        SVGDocument.element(
                            "circle",
                            [
                                ("class", "highlight"), ("cx", n(x)), ("cy", n(y)), ("r", "9"), ("fill", "none"),
                                ("stroke", "#d62728"), ("stroke-width", "2")
                            ]))
                }
            }
        }
        document.add(
            SVGDocument.element(
                "rect",
                [
                    ("x", n(rect.x)), ("y", n(rect.y)), ("width", n(rect.width)), ("height", n(rect.height)),
                    ("fill", "none"), ("stroke", "#333333")
                ]))
        var y = rect.bottom + 62
        document.group([("class", "legend")]) { doc in
            for entry in legend {
                doc.add(entry.sample(rect.x + 10, y - 4))
                doc.add(
                    SVGDocument.element(
                        "text", [("x", n(rect.x + 28)), ("y", n(y)), ("fill", "#111111")], text: entry.label))
                y += 20
            }
            for note in BoundaryPlot.notes(map) {
                doc.add(
                    SVGDocument.element(
                        "text", [("class", "note"), ("x", n(rect.x)), ("y", n(y)), ("fill", "#555555")], text: note))
                y += 20
            }
        }
        return document.render()
    }

    /// The predicted class on a grid, each run of one class along a grid row as one rectangle.
    static func regions(
        _ map: BoundaryMap, rect: SVGRect, x: ClosedRange<Double>, y: ClosedRange<Double>,
        into document: inout SVGDocument
    ) {
        let columns = gridColumns, rows = max(1, Int((Double(columns) * rect.height / rect.width).rounded()))
        guard map.affordable(columns * rows) else { return }
        var grid: [Double] = []
        for r in 0..<rows {
            for c in 0..<columns {
                grid += [
                    x.lowerBound + (Double(c) + 0.5) / Double(columns) * x.span,
                    y.upperBound - (Double(r) + 0.5) / Double(rows) * y.span
                ]
            }
        }
        let classes = map.predictedClasses(grid)
        // Shaded by how sure the output is where it can be: a lighter tint in the bands nearer the boundary.
        let bands = map.scoreBands(grid)
        let key: (Int) -> Int = { bands.map { bands in { bands[$0] } }?($0) ?? classes[$0] }
        let cellWidth = rect.width / Double(columns), cellHeight = rect.height / Double(rows), n = SVGDocument.number
        document.group([("class", "regions"), ("shape-rendering", "crispEdges")]) { doc in
            for r in 0..<rows {
                var start = 0
                for c in 1...columns where c == columns || key(r * columns + c) != key(r * columns + start) {
                    let label = classes[r * columns + start]
                    var attributes = [
                        ("x", n(rect.x + Double(start) * cellWidth)), ("y", n(rect.y + Double(r) * cellHeight)),
                        ("width", n(Double(c - start) * cellWidth + 0.5)), ("height", n(cellHeight + 0.5)),
                        ("data-class", "\(label)"),
                        ("fill", PlotStyle.svgRegionColours[label % PlotStyle.svgRegionColours.count])
                    ]
                    if let bands {
                        let band = bands[r * columns + start]
                        attributes += [
                            ("data-band", "\(band)"), ("fill-opacity", band == 1 || band == 2 ? "0.45" : "1")
                        ]
                    }
                    doc.add(SVGDocument.element("rect", attributes))
                    start = c
                }
            }
        }
    }

    /// Where a·x + b·y + c = 0 enters and leaves the rectangle, if it crosses it.
    static func endpoints(_ line: BoundaryMap.Line, x: ClosedRange<Double>, y: ClosedRange<Double>) -> (
        (Double, Double), (Double, Double)
    )? {
        var points: [(Double, Double)] = []
        if line.b != 0 {
            for px in [x.lowerBound, x.upperBound] {
                let py = -(line.a * px + line.c) / line.b; if y.contains(py) { points.append((px, py)) }
            }
        }
        if line.a != 0 {
            for py in [y.lowerBound, y.upperBound] {
                let px = -(line.b * py + line.c) / line.a; if x.contains(px) { points.append((px, py)) }
            }
        }
        guard let first = points.first, let last = points.max(by: { hypot2($0, first) < hypot2($1, first) }),
            hypot2(last, first) > 0
        else { return nil }
        return (first, last)
    }

    private static func hypot2(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)
    }

    static func marker(_ label: Int, at point: (Double, Double), data: BoundaryMap.Point? = nil) -> String {
        let n = SVGDocument.number, (x, y) = point,
            colour = PlotStyle.svgClassColours[label % PlotStyle.svgClassColours.count]
        var paint: [(String, String)] = [
            ("class", "point"), ("fill", label % 2 == 0 ? "#ffffff" : colour), ("stroke", colour), ("stroke-width", "2")
        ]
        if let data {
            paint += [
                ("data-x", SVGDocument.exact(data.x)), ("data-y", SVGDocument.exact(data.y)), ("data-class", "\(label)")
            ]
        }
        switch (label / 2) % 3 {
        case 0: return SVGDocument.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", "4.5")] + paint)
        case 1:
            return SVGDocument.element(
                "path",
                [("d", "M\(n(x)),\(n(y - 5.5)) L\(n(x + 5)),\(n(y + 3.5)) L\(n(x - 5)),\(n(y + 3.5)) Z")] + paint)
        default:
            return SVGDocument.element(
                "rect", [("x", n(x - 4)), ("y", n(y - 4)), ("width", "8"), ("height", "8")] + paint)
        }
    }

    struct Entry { var sample: (Double, Double) -> String; var label: String }

    static func legendEntries(_ map: BoundaryMap) -> [Entry] {
        let n = SVGDocument.number
        var entries = map.classNames.indices.map { index in
            Entry(
                sample: { marker(index, at: ($0, $1)) },
                label: "\(map.classNames[index]) (region: predicted \(map.classNames[index]))")
        }
        for index in map.classNames.indices {
            let old = entries[index].sample
            entries[index].sample = { x, y in
                SVGDocument.element(
                    "rect",
                    [
                        ("x", n(x - 9)), ("y", n(y - 8)), ("width", "18"), ("height", "16"),
                        ("fill", PlotStyle.svgRegionColours[index % PlotStyle.svgRegionColours.count])
                    ]) + old(x, y)
            }
        }
        if map.shadesByScore {
            let edges = map.scoreEdges.map { NumberFormat(digits: 2)($0) }
            entries.append(
                Entry(
                    sample: { x, y in
                        SVGDocument.element(
                            "rect",
                            [
                                ("x", n(x - 9)), ("y", n(y - 8)), ("width", "18"), ("height", "16"),
                                ("fill", PlotStyle.svgRegionColours[0]), ("fill-opacity", "0.45")
                            ])
                    },
                    label: "lighter tint: less sure, \(edges[0]) ≤ ŷ < \(edges[2])"))
        }
        /// A short stroke for the legend, drawn as the line it stands for.
        func stroke(_ colour: String, width: String, dash: String? = nil) -> (Double, Double) -> String {
            { x, y in
                SVGDocument.element(
                    "line",
                    [
                        ("x1", n(x - 9)), ("y1", n(y)), ("x2", n(x + 9)), ("y2", n(y)), ("stroke", colour),
                        ("stroke-width", width)
                    ] + (dash.map { [("stroke-dasharray", $0)] } ?? []))
            }
        }
        if map.line != nil { entries.append(Entry(sample: stroke("#111111", width: "2.2"), label: "the line now")) }
        if map.previousLine != nil, map.previousLine != map.line, let update = map.lastUpdate {
            entries.append(
                Entry(sample: stroke("#777777", width: "1.5", dash: "6 4"), label: "the line before update \(update)"))
        }
        if let row = map.highlighted.first, let update = map.lastUpdate {
            entries.append(
                Entry(
                    sample: {
                        SVGDocument.element(
                            "circle",
                            [
                                ("cx", n($0)), ("cy", n($1)), ("r", "7"), ("fill", "none"), ("stroke", "#d62728"),
                                ("stroke-width", "2")
                            ])
                    },
                    label: "row \(row + 1), read by update \(update)"))
        }
        return entries
    }
}
