/// `plot boundary` in the terminal: each row of the data as its class's marker, the plane
/// shaded by the class the network predicts there, and the boundary between the regions
/// drawn in braille dots (for a one-layer network, its exact line; for the perceptron also
/// the line before the last update, dotted, and the point that update read).
///
/// Both axes use one scale, so a circle in the data looks round: a braille dot (or, in
/// ASCII, half a character's height) is as tall as it is wide.
enum BoundaryPlot {
    static let maximumRows = 18
    static let minimumRows = 8

    static func render(_ map: BoundaryMap, width: Int, ascii: Bool, colour: Bool) -> String {
        var gutter = 1
        var frame = layout(map, columns: width - gutter - 5)
        for _ in 0..<3 {
            let needed = frame.yAxis.ticks.map { frame.yAxis.label($0).displayWidth }.max() ?? 1
            if needed <= gutter { break }
            gutter = needed
            frame = layout(map, columns: width - gutter - 5)
        }
        let (columns, rows, xRange, yRange, yAxis) = (frame.columns, frame.rows, frame.x, frame.y, frame.yAxis)
        let xAxis = PlotAxis.linear(xRange.lowerBound, xRange.upperBound, tickCount: max(3, columns / 8), widen: false)

        var canvas = DotCanvas(columns: columns, rows: rows, ascii: ascii)
        let place = Placement(canvas: canvas, x: xRange, y: yRange)
        shadeRegions(map, on: &canvas, place: place)
        if let previous = map.previousLine { drawLine(previous, on: &canvas, place: place, dotted: true) }
        if let line = map.line { drawLine(line, on: &canvas, place: place, dotted: false) }
        for point in map.points {
            let (x, y) = place.dot(point.x, point.y)
            let highlighted = map.highlighted.contains(point.row)
            let marker = highlighted ? (ascii ? "@" : "◉") : String(PlotStyle.classMarker(point.label, ascii: ascii))
            canvas.write(
                marker, column: Int(x) / (ascii ? 1 : 2), row: Int(y) / (ascii ? 1 : 4), owner: 100 + point.label)
        }

        var lines = ["\(map.yName)"]
        let colours: (Int) -> String? = { owner in
            guard colour, owner >= 0 else { return nil }
            if owner >= 100 { return PlotStyle.ansiClassColours[(owner - 100) % PlotStyle.ansiClassColours.count] }
            return owner == 0 ? nil : "2"
        }
        lines += LinePlot.yFramed(canvas.renderRows(colour: colours), axis: yAxis, canvas: canvas, gutter: gutter)
        lines += LinePlot.xAxisLines(
            xAxis, indent: gutter + 1, columns: columns, dotsWide: ascii ? 1 : 2, label: map.xName,
            width: width, ascii: ascii)
        lines += packLegend(legend(map, ascii: ascii, colour: colour), width: width, indent: gutter + 2)
        var notes = notes(map)
        if !map.affordable(canvas.dotColumns * canvas.dotRows) {
            notes.append(
                "the regions are not shaded: predicting every dot of the picture with \(counted(map.parameterCount, "parameter")) is too much work"
            )
        }
        for note in notes { lines += wrapText(note, width: width, indent: gutter + 2) }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// The plot's size in cells and its intervals, with one scale on both axes: at most
    /// `columns` wide, between `minimumRows` and `maximumRows` high.
    static func layout(_ map: BoundaryMap, columns available: Int)
        -> (columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>, yAxis: PlotAxis)
    {
        var (xRange, yRange) = (map.xRange, map.yRange)
        var columns = max(20, available)
        var rows = Int((yRange.span * Double(columns) / (2 * xRange.span)).rounded())
        if rows > maximumRows {
            rows = maximumRows
            columns = max(20, Int((2 * xRange.span * Double(rows) / yRange.span).rounded()))
        }
        rows = max(rows, minimumRows)
        // Widen whichever range is short so that both axes keep one scale.
        let ySpan = xRange.span * Double(rows) * 2 / Double(columns)
        if ySpan > yRange.span {
            yRange = yRange.widened(to: ySpan)
        } else {
            xRange = xRange.widened(to: yRange.span * Double(columns) / (2 * Double(rows)))
        }
        let yAxis = PlotAxis.linear(yRange.lowerBound, yRange.upperBound, tickCount: max(3, rows / 3), widen: false)
        return (columns, rows, xRange, yRange, yAxis)
    }

    /// Maps data coordinates to dot coordinates and back.
    struct Placement {
        let dotColumns: Int, dotRows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>
        init(canvas: DotCanvas, x: ClosedRange<Double>, y: ClosedRange<Double>) {
            (dotColumns, dotRows, self.x, self.y) = (canvas.dotColumns, canvas.dotRows, x, y)
        }
        func dot(_ px: Double, _ py: Double) -> (Double, Double) {
            (
                ((px - x.lowerBound) / x.span * Double(dotColumns) - 0.5).rounded(),
                ((y.upperBound - py) / y.span * Double(dotRows) - 0.5).rounded()
            )
        }
        func data(_ dx: Double, _ dy: Double) -> (Double, Double) {
            (
                x.lowerBound + (dx + 0.5) / Double(dotColumns) * x.span,
                y.upperBound - (dy + 0.5) / Double(dotRows) * y.span
            )
        }
    }

    /// Shades each cell by the class predicted at its centre; where classes meet inside the
    /// dot grid and there is no exact line to draw, the boundary is drawn in dots.
    static func shadeRegions(_ map: BoundaryMap, on canvas: inout DotCanvas, place: Placement) {
        let (w, h) = (canvas.dotColumns, canvas.dotRows)
        guard map.affordable(w * h) else { return }
        var grid: [Double] = []
        grid.reserveCapacity(w * h * 2)
        for dy in 0..<h { for dx in 0..<w { let (x, y) = place.data(Double(dx), Double(dy)); grid += [x, y] } }
        let classes = map.predictedClasses(grid)
        let bands = map.scoreBands(grid)
        let (across, down) = canvas.ascii ? (1, 1) : (2, 4)
        for row in 0..<canvas.rows {
            for column in 0..<canvas.columns {
                let centre = (row * down + down / 2) * w + column * across + across / 2
                let label = classes[centre]
                let shade =
                    bands.map { PlotStyle.scoreShade($0[centre], ascii: canvas.ascii) }
                    ?? PlotStyle.classShade(label, ascii: canvas.ascii)
                canvas.shade(column: column, row: row, with: shade, owner: label)
            }
        }
        guard map.line == nil, !canvas.ascii else { return }
        for dy in 0..<h {
            for dx in 0..<w {
                let here = classes[dy * w + dx]
                if (dx + 1 < w && classes[dy * w + dx + 1] != here)
                    || (dy + 1 < h && classes[(dy + 1) * w + dx] != here)
                {
                    canvas.dot(dx, dy, owner: 0)
                }
            }
        }
    }

    /// Draws a·x + b·y + c = 0 across the canvas: one dot per dot column and per dot row it crosses.
    static func drawLine(_ line: BoundaryMap.Line, on canvas: inout DotCanvas, place: Placement, dotted: Bool) {
        let cellX = line.b / place.x.span * Double(canvas.columns), cellY = line.a / place.y.span * Double(canvas.rows)
        let glyph: Character = dotted ? ":" : DotCanvas.slopeGlyph(dx: cellX, dy: cellY)
        func visible(_ i: Int) -> Bool { !dotted || i % 4 < 2 }
        if line.b != 0 {
            for dx in 0..<canvas.dotColumns where visible(dx) {
                let x = place.data(Double(dx), 0).0
                let (_, dy) = place.dot(x, -(line.a * x + line.c) / line.b)
                if dy >= 0, dy < Double(canvas.dotRows) { canvas.dot(dx, Int(dy), owner: 0, glyph: glyph) }
            }
        }
        if line.a != 0 {
            for dy in 0..<canvas.dotRows where visible(dy) {
                let y = place.data(0, Double(dy)).1
                let (dx, _) = place.dot(-(line.b * y + line.c) / line.a, y)
                if dx >= 0, dx < Double(canvas.dotColumns) { canvas.dot(Int(dx), dy, owner: 0, glyph: glyph) }
            }
        }
    }

    static func legend(_ map: BoundaryMap, ascii: Bool, colour: Bool) -> [LegendEntry] {
        var entries = map.classNames.enumerated().map { index, name in
            LegendEntry(
                sample: String(PlotStyle.classMarker(index, ascii: ascii)), label: name,
                colour: colour ? PlotStyle.ansiClassColours[index % PlotStyle.ansiClassColours.count] : nil)
        }
        if map.shadesByScore {
            let edges = map.scoreEdges.map { NumberFormat(digits: 2)($0) }
            let (yHat, atMost, atLeast) = ascii ? ("yhat", "<=", ">=") : ("ŷ", "≤", "≥")
            let labels = [
                "\(yHat) < \(edges[0])", "\(edges[0]) \(atMost) \(yHat) < \(edges[1])",
                "\(edges[1]) \(atMost) \(yHat) < \(edges[2])", "\(yHat) \(atLeast) \(edges[2])"
            ]
            for band in [3, 2, 1] {
                entries.append(
                    LegendEntry(
                        sample: String(PlotStyle.scoreShade(band, ascii: ascii)),
                        label: labels[band] + (band >= 2 ? " (\(map.classNames[1]))" : " (\(map.classNames[0]))"),
                        colour: nil))
            }
            entries.append(LegendEntry(sample: "(blank)", label: labels[0] + " (\(map.classNames[0]))", colour: nil))
        } else {
            for index in map.classNames.indices.dropFirst() {
                entries.append(
                    LegendEntry(
                        sample: String(PlotStyle.classShade(index, ascii: ascii)),
                        label: "predicts \(map.classNames[index])", colour: nil))
            }
            entries.append(LegendEntry(sample: "(blank)", label: "predicts \(map.classNames[0])", colour: nil))
        }
        if map.line != nil, map.lineVisible {
            entries.append(LegendEntry(sample: ascii ? "/" : "⠤⠤", label: "the line now", colour: nil))
        } else if !map.isLinear, !ascii {
            entries.append(LegendEntry(sample: "⠤⠤", label: "where the prediction changes", colour: nil))
        }
        if map.previousLine != nil, map.previousLine != map.line, let update = map.lastUpdate {
            entries.append(
                LegendEntry(sample: ascii ? ":" : "⠄⠄", label: "the line before update \(update)", colour: nil))
        }
        if let row = map.highlighted.first, let update = map.lastUpdate {
            entries.append(
                LegendEntry(sample: ascii ? "@" : "◉", label: "row \(row + 1), read by update \(update)", colour: nil))
        }
        return entries
    }

    static func notes(_ map: BoundaryMap) -> [String] {
        var lines: [String] = []
        if let row = map.highlighted.first, let update = map.lastUpdate {
            lines.append(
                !map.lineMoved
                    ? "update \(update) read row \(row + 1), already on its own side: the line did not move"
                    : "update \(update) read row \(row + 1), on the wrong side: the line moved toward it")
        }
        if let caption = map.caption { lines.append(caption + (map.lineVisible ? "" : " (outside this picture)")) }
        lines.append(
            map.affordable(map.points.count)
                ? "\(map.correctCount) of \(map.points.count) points are on their own class's side"
                : "the \(map.points.count) points are not checked against their classes: too much work with this network"
        )
        return lines
    }
}

extension ClosedRange where Bound == Double {
    var span: Double { upperBound - lowerBound }

    /// The same centre, widened to `span` (never narrowed).
    func widened(to span: Double) -> ClosedRange<Double> {
        guard span > self.span else { return self }
        let centre = (lowerBound + upperBound) / 2
        return (centre - span / 2)...(centre + span / 2)
    }
}
