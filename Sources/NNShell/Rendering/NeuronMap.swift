import NNEngine

/// What one node computes over the input plane (TensorFlow Playground's thumbnails, with
/// the numbers): `plot neuron O1_2` and the small maps of `show net --maps`.
///
/// Each cell shows the node's value at the cell's centre, computed by the engine's forward
/// pass; the shade is one of `ramp.count` equal bands between the smallest and the largest
/// value on the map, and the caption names the band edges. Data rows are drawn on top as
/// their class markers.
struct NeuronMap {
    let label: String
    let xName: String
    let yName: String
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    let columns: Int
    let rows: Int
    /// rows × columns, top row first.
    let values: [Double]
    let low: Double
    let high: Double
    let points: [(x: Double, y: Double, label: Int)]

    static let asciiRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    static let unicodeRamp: [Character] = [" ", "·", "░", "▒", "▓", "█"]

    /// The node named `name` (`O1_2`, `z1_2`, or `yhat`), or nil with the reason.
    static func node(_ token: Token, in network: Network) throws(ShellError) -> (layer: Int, node: Int, pre: Bool) {
        let text = token.text.lowercased()
        if text == "yhat" || text == "ŷ" {
            guard network.outputCount == 1 else {
                throw ShellError.at(
                    token, "this network has \(network.outputCount) outputs; name one, like O\(network.layerCount)_1")
            }
            return (network.layerCount, 1, false)
        }
        let kind = text.first
        let parts = text.dropFirst().split(separator: "_").compactMap { Int($0) }
        guard kind == "o" || kind == "z", parts.count == 2 else {
            throw ShellError.at(
                token, "expected a node like O1_2 (output of node 2 in layer 1), z1_2 or yhat, found '\(token.text)'")
        }
        guard (1...network.layerCount).contains(parts[0]), (1...network.sizes[parts[0]]).contains(parts[1]) else {
            let widths = (1...network.layerCount).map { "layer \($0) has \(network.sizes[$0])" }.joined(separator: ", ")
            throw ShellError.at(token, "this network has no node '\(token.text)': \(widths)")
        }
        return (parts[0], parts[1], kind == "z")
    }

    init(
        _ training: Training, layer k: Int, node j: Int, preActivation: Bool, label: String,
        columns: Int, rows: Int
    ) throws(ShellError) {
        let network = training.network, data = training.data
        guard network.inputCount == 2 else {
            throw ShellError.state("a node's map is drawn over two inputs; this network has \(network.inputCount)")
        }
        self.label = label
        (self.columns, self.rows) = (columns, rows)
        let hasData = !data.isEmpty && data.featureCount == 2
        xName = hasData ? data.featureNames[0] : "x1"
        yName = hasData ? data.featureNames[1] : "x2"
        xRange = hasData ? BoundaryMap.padded((0..<data.count).map { data.features(row: $0).first! }) : -1...1
        yRange = hasData ? BoundaryMap.padded((0..<data.count).map { data.features(row: $0).last! }) : -1...1
        var grid: [Double] = []
        grid.reserveCapacity(columns * rows * 2)
        for r in 0..<rows {
            for c in 0..<columns {
                grid.append(xRange.lowerBound + (Double(c) + 0.5) / Double(columns) * xRange.span)
                grid.append(yRange.upperBound - (Double(r) + 0.5) / Double(rows) * yRange.span)
            }
        }
        values = network.nodeValues(grid, layer: k, node: j, preActivation: preActivation)
        let finite = values.filter(\.isFinite)
        (low, high) = (finite.min() ?? 0, finite.max() ?? 0)
        if hasData, data.targetCount >= 1 {
            let targets = (0..<data.count).map { Array(data.target(row: $0)) }
            let classes = Array(
                Set(
                    targets.map { y in
                        y.count == 1 ? y[0] : Double(y.indices.max { y[$0] < y[$1] } ?? 0)
                    })
            ).sorted()
            points = targets.indices.map { r in
                let y = targets[r]
                let value = y.count == 1 ? y[0] : Double(y.indices.max { y[$0] < y[$1] } ?? 0)
                return (data.features(row: r).first!, data.features(row: r).last!, classes.firstIndex(of: value) ?? 0)
            }
        } else {
            points = []
        }
    }

    /// The band (0 ..< count) of `value`: equal bands from `low` to `high`.
    func band(_ value: Double, count: Int) -> Int {
        guard value.isFinite, high > low else { return 0 }
        return min(count - 1, Int((value - low) / (high - low) * Double(count)))
    }

    /// The map framed by its axes, the data's markers on top, and a caption of its bands.
    func render(ascii: Bool, width: Int, format: NumberFormat) -> String {
        let ramp = ascii ? Self.asciiRamp : Self.unicodeRamp
        var canvas = DotCanvas(columns: columns, rows: rows, ascii: true)
        for r in 0..<rows {
            for c in 0..<columns {
                canvas.shade(column: c, row: r, with: ramp[band(values[r * columns + c], count: ramp.count)], owner: 0)
            }
        }
        for point in points where xRange.contains(point.x) && yRange.contains(point.y) {
            let c = min(columns - 1, Int((point.x - xRange.lowerBound) / xRange.span * Double(columns)))
            let r = min(rows - 1, Int((yRange.upperBound - point.y) / yRange.span * Double(rows)))
            canvas.write(
                String(PlotStyle.classMarker(point.label, ascii: ascii)), column: c, row: r, owner: 100 + point.label)
        }
        let yAxis = PlotAxis.linear(yRange.lowerBound, yRange.upperBound, tickCount: 4, widen: false)
        let xAxis = PlotAxis.linear(xRange.lowerBound, xRange.upperBound, tickCount: max(3, columns / 10), widen: false)
        let gutter = yAxis.ticks.map { yAxis.label($0).displayWidth }.max() ?? 1
        var lines = ["\(label) over (\(xName), \(yName))", yName]
        lines += LinePlot.yFramed(canvas.renderRows(), axis: yAxis, canvas: canvas, gutter: gutter)
        lines += LinePlot.xAxisLines(
            xAxis, indent: gutter + 1, columns: columns, dotsWide: 1, label: xName, width: width, ascii: ascii)
        lines += wrapText(caption(ramp, format: format), width: width, indent: gutter + 2)
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// "each cell: O₁₂ at its centre, from −0.93 to 0.97 in 6 equal bands: ' ' lowest … '█' highest".
    func caption(_ ramp: [Character], format: NumberFormat) -> String {
        guard high > low else {
            return "each cell: \(label) at its centre; it is \(format(low)) everywhere on this map"
        }
        let step = (high - low) / Double(ramp.count)
        let edges = (0...ramp.count).map { format(low + Double($0) * step) }
        let bands = ramp.indices.map { "'\(ramp[$0])' \(edges[$0])–\(edges[$0 + 1])" }.joined(separator: ", ")
        return
            "each cell: \(label) at its centre, from \(format(low)) to \(format(high)), in \(ramp.count) equal bands: \(bands)"
            + (points.isEmpty ? "" : "; markers are the data's rows by class")
    }

    /// The map as SVG: one rectangle per cell in a blue (low) to orange (high) scale, each
    /// carrying its exact value in `data-value`.
    func svg(title: String, format: NumberFormat) -> String {
        let cell = 8.0, margin = 40.0
        var document = SVGDocument(
            width: margin * 2 + Double(columns) * cell, height: margin * 2 + Double(rows) * cell + 20,
            title: title)
        document.add(SVGDocument.element("text", [("x", "\(margin)"), ("y", "20"), ("font-size", "13")], text: title))
        for r in 0..<rows {
            for c in 0..<columns {
                let value = values[r * columns + c]
                let t = high > low && value.isFinite ? (value - low) / (high - low) : 0
                document.add(
                    SVGDocument.element(
                        "rect",
                        [
                            ("x", SVGDocument.number(margin + Double(c) * cell)),
                            ("y", SVGDocument.number(margin + Double(r) * cell)),
                            ("width", SVGDocument.number(cell)), ("height", SVGDocument.number(cell)),
                            ("fill", Self.colour(t)),
                            ("data-value", SVGDocument.exact(value))
                        ]))
            }
        }
        let legend = "\(label): \(format(low)) (blue) to \(format(high)) (orange); x: \(xName), y: \(yName)"
        document.add(
            SVGDocument.element(
                "text",
                [
                    ("x", "\(margin)"), ("y", SVGDocument.number(margin + Double(rows) * cell + 16)),
                    ("font-size", "11")
                ], text: legend))
        return document.render()
    }

    /// From #3b6fb6 (t = 0) through white (0.5) to #e8891d (t = 1).
    static func colour(_ t: Double) -> String {
        let low = (59.0, 111.0, 182.0), high = (232.0, 137.0, 29.0), white = (255.0, 255.0, 255.0)
        let (a, b, u) = t < 0.5 ? (low, white, t * 2) : (white, high, (t - 0.5) * 2)
        func mix(_ p: Double, _ q: Double) -> Int { Int((p + (q - p) * u).rounded()) }
        return "rgb(\(mix(a.0, b.0)),\(mix(a.1, b.1)),\(mix(a.2, b.2)))"
    }
}

extension NeuronMap {
    /// `show net --maps` draws at most this many maps per layer, and only for networks this small.
    static let mapsPerLayer = 32
    static let mapsParameterLimit = 100_000

    /// `show net --maps`: a small map of every node, layer by layer, side by side, each with
    /// its label and range (no axes: the inputs span the data's extent, as in `plot neuron`).
    static func thumbnails(
        _ training: Training, notation: Notation, format: NumberFormat, width: Int,
        ascii: Bool
    ) throws(ShellError) -> String {
        let network = training.network, columns = 14, rows = 6
        guard network.parameterCount <= mapsParameterLimit else {
            throw ShellError.state(
                "'show net --maps' draws every node, so it is kept to networks of at most "
                    + "\(mapsParameterLimit) parameters; this one has \(network.parameterCount): "
                    + "'plot neuron O1_1' draws one node")
        }
        let ramp = ascii ? asciiRamp : unicodeRamp
        var lines: [String] = []
        for k in 1...network.layerCount {
            let shown = min(network.sizes[k], mapsPerLayer)
            let maps = try (1...shown).map { j throws(ShellError) in
                try NeuronMap(
                    training, layer: k, node: j, preActivation: false, label: notation.output(k, j),
                    columns: columns, rows: rows)
            }
            lines.append(k == network.layerCount ? "output layer \(k):" : "layer \(k):")
            let cellWidth = columns + 10
            let perLine = max(1, (width - 2) / (cellWidth + 2))
            for start in stride(from: 0, to: maps.count, by: perLine) {
                let group = maps[start..<min(maps.count, start + perLine)]
                var block = Array(repeating: "  ", count: rows + 2)
                for map in group {
                    let head = "\(map.label) \(format(map.low))…\(format(map.high))"
                    block[0] += head.padded(to: cellWidth) + "  "
                    for r in 0..<rows {
                        let row = String(
                            (0..<columns).map { ramp[map.band(map.values[r * columns + $0], count: ramp.count)] })
                        block[r + 1] +=
                            (ascii ? "|" : "│") + row + (ascii ? "|" : "│")
                            + String(repeating: " ", count: cellWidth - columns)
                    }
                }
                lines += block.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.filter {
                    !$0.isEmpty
                }
            }
            if shown < network.sizes[k] {
                let more = network.sizes[k] - shown
                lines.append("(\(more) more nodes in layer \(k); 'plot neuron O\(k)_\(shown + 1)' draws any one)")
            }
        }
        let first = try NeuronMap(training, layer: 1, node: 1, preActivation: false, label: "", columns: 2, rows: 2)
        lines.append(
            "each map: the node's output over \(first.xName) (across) and \(first.yName) (up), shaded in "
                + "\(ramp.count) equal bands from its lowest value (' ') to its highest ('\(ramp[ramp.count - 1])')")
        return lines.flatMap { wrapText($0, width: width) }.joined(separator: "\n") + "\n"
    }
}
