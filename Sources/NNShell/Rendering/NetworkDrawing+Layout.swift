import NNEngine

extension NetworkDrawing {
    /// Where each node, edge and label of a drawn network goes on a `DotCanvas`.
    ///
    /// Layer k's nodes sit in a column starting at `blockStart[k]`, `(O₁₁)` on the node's row and
    /// its bias under it. Edges run in braille from the right end of a node's text to the
    /// left end of the next layer's node; labels sit on their edge where they fit.
    struct Layout {
        let network: Network
        let notation: Notation
        let format: NumberFormat
        let labelled: Bool
        var canvas: DotCanvas
        let blockStart: [Int]
        let blockWidth: [Int]
        let nodeRows: [[Int]]
        let nodeTexts: [[String]]
        let largest: Double
        let width: Int

        /// Nil when the network does not fit in `width` columns this way.
        init?(_ network: Network, notation: Notation, format: NumberFormat, width: Int, labelled: Bool) {
            self.network = network
            self.notation = notation
            self.format = format
            self.labelled = labelled
            let layers = network.layerCount
            let texts = (0...layers).map { k in
                (1...network.sizes[k]).map { j in "(" + (k == 0 ? notation.input(j) : notation.output(k, j)) + ")" }
            }
            let blocks = (0...layers).map { k in
                let nodes = texts[k].map(\.displayWidth).max()!
                guard labelled, k > 0 else { return nodes }
                return max(
                    nodes,
                    (1...network.sizes[k]).map { Self.biasText(network, notation, format, k, $0).displayWidth }.max()!)
            }
            let edgeLabel =
                labelled
                ? (1...layers).flatMap { k in
                    (1...network.sizes[k - 1]).flatMap { i in
                        (1...network.sizes[k]).map { j in
                            Self.weightText(network, notation, format, k, i, j).displayWidth
                        }
                    }
                }.max()! : 0
            let minimumSpan = labelled ? edgeLabel + 6 : 8
            let span = min(34, (width - 3 - blocks.reduce(0, +)) / layers)
            guard span >= minimumSpan else { return nil }
            var starts: [Int] = []
            var column = 0
            for k in 0...layers { starts.append(column); column += blocks[k] + span }
            blockStart = starts
            blockWidth = blocks
            let most = network.sizes.max()!
            let spacing = labelled ? [1: 4, 2: 8, 3: 5][most] ?? 4 : (most <= 4 ? 4 : 2)
            nodeRows = network.sizes.map { n in (0..<n).map { ((most - n) * spacing) / 2 + $0 * spacing } }
            nodeTexts = texts
            largest =
                network.parameters.indices.filter { network.parameter(at: $0).isWeight }.map {
                    abs(network.parameters[$0])
                }.max() ?? 0
            self.width = starts[layers] + blocks[layers]
            canvas = DotCanvas(
                columns: self.width, rows: (most - 1) * spacing + (labelled ? 2 : 1), ascii: notation.ascii)
        }

        static func weightText(
            _ network: Network, _ notation: Notation, _ format: NumberFormat, _ k: Int, _ i: Int, _ j: Int
        ) -> String {
            "\(notation.parameter(.weight(layer: k, from: i, to: j))) = \(format(network.weight(k, i, j)))"
        }

        static func biasText(_ network: Network, _ notation: Notation, _ format: NumberFormat, _ k: Int, _ j: Int)
            -> String
        {
            "\(notation.parameter(.bias(layer: k, node: j))) = \(format(network.bias(k, j)))"
        }

        /// Draws nodes, edges and labels; returns the labels that found no room.
        mutating func draw() -> [String] {
            for k in 0...network.layerCount {
                for j in 0..<network.sizes[k] {
                    canvas.write(nodeTexts[k][j], column: blockStart[k], row: nodeRows[k][j])
                    if labelled, k > 0 {
                        let bias = network.bias(k, j + 1)
                        canvas.write(
                            Self.biasText(network, notation, format, k, j + 1), column: blockStart[k],
                            row: nodeRows[k][j] + 1, owner: bias < 0 ? 1 : 0)
                    }
                }
            }
            for k in 1...network.layerCount {
                for i in 1...network.sizes[k - 1] { for j in 1...network.sizes[k] { drawEdge(k, i, j) } }
            }
            guard labelled else { return [] }
            var unplaced: [String] = []
            for k in 1...network.layerCount {
                for i in 1...network.sizes[k - 1] {
                    for j in 1...network.sizes[k] where !placeLabel(k, i, j) {
                        unplaced.append(Self.weightText(network, notation, format, k, i, j))
                    }
                }
            }
            return unplaced
        }

        func ends(_ k: Int, _ i: Int, _ j: Int) -> (from: (x: Double, y: Double), to: (x: Double, y: Double)) {
            let startColumn = blockStart[k - 1] + blockWidth[k - 1]
            let endColumn = blockStart[k] - 1
            return (
                (Double(startColumn * 2), Double(nodeRows[k - 1][i - 1] * 4 + 1)),
                (Double(endColumn * 2 + 1), Double(nodeRows[k][j - 1] * 4 + 1))
            )
        }

        mutating func drawEdge(_ k: Int, _ i: Int, _ j: Int) {
            let weight = network.weight(k, i, j)
            let owner = weight < 0 ? 1 : 0
            let thick = largest > 0 && abs(weight) >= largest / 2
            var (from, to) = ends(k, i, j)
            // A stub along the node's row from its text to the end of its column, past the bias.
            let stubStart = Double((blockStart[k - 1] + nodeTexts[k - 1][i - 1].displayWidth) * 2)
            if stubStart < from.x {
                canvas.line(
                    from: canvas.ascii ? (stubStart / 2, from.y / 4) : (stubStart, from.y),
                    to: canvas.ascii ? (from.x / 2, from.y / 4) : from, owner: -1, glyph: "-")
            }
            if canvas.ascii {
                (from, to) = ((from.x / 2, from.y / 4), (to.x / 2, to.y / 4))
                let slope = DotCanvas.slopeGlyph(dx: to.x - from.x, dy: to.y - from.y)
                canvas.line(
                    from: from, to: to, owner: owner, glyph: thick && slope == "-" ? "=" : slope,
                    pattern: weight < 0 ? { $0 % 3 != 2 } : nil)
                return
            }
            let dashes: ((Int) -> Bool)? = weight < 0 ? { $0 % 6 < 4 } : nil
            canvas.line(from: from, to: to, owner: owner, pattern: dashes)
            if thick { canvas.line(from: (from.x, from.y + 1), to: (to.x, to.y + 1), owner: owner, pattern: dashes) }
        }

        /// Puts w^k_ij's label on its edge at the first free spot, nearest the source first.
        mutating func placeLabel(_ k: Int, _ i: Int, _ j: Int) -> Bool {
            let text = Self.weightText(network, notation, format, k, i, j)
            let length = text.displayWidth
            let (from, to) = ends(k, i, j)
            let lowest = blockStart[k - 1] + blockWidth[k - 1] + 2, highest = blockStart[k] - 3
            // First look for a spot with free rows above and below, then for any free spot.
            for roomy in [true, false] {
                for t in [0.3, 0.25, 0.35, 0.4, 0.2, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75] {
                    let x = from.x + t * (to.x - from.x), y = from.y + t * (to.y - from.y)
                    let row = Int((y / 4).rounded(.down)), column = Int((x / 2).rounded()) - length / 2
                    guard column >= lowest, column + length - 1 <= highest,
                        canvas.isFree(column: column - 1, row: row, width: length + 2),
                        !roomy
                            || [row - 1, row + 1].allSatisfy({
                                !(0..<canvas.rows).contains($0)
                                    || canvas.isFree(column: column - 1, row: $0, width: length + 2)
                            })
                    else { continue }
                    canvas.write(
                        " " + text + " ", column: column - 1, row: row, owner: network.weight(k, i, j) < 0 ? 1 : 0)
                    return true
                }
            }
            return false
        }

        /// Column titles, then the picture.
        func render(colour: Bool) -> String {
            var titles = Array(repeating: Character(" "), count: width + 40)
            var kinds = titles
            for k in 0...network.layerCount {
                let output = network.outputCount == 1 ? notation.prediction(1) : (notation.ascii ? "yhat" : "ŷ")
                let title =
                    k == 0 ? "input" : "layer \(k)" + (k == network.layerCount ? " \(notation.arrow) \(output)" : "")
                let kind = k == 0 ? "" : network.activations[k - 1].rawValue
                let start = max(0, min(blockStart[k], width - title.count))
                for (offset, c) in title.enumerated() { titles[start + offset] = c }
                for (offset, c) in kind.enumerated() { kinds[start + offset] = c }
            }
            let trim = { (s: [Character]) in String(String(s).reversed().drop { $0 == " " }.reversed()) }
            let rows = canvas.renderRows { owner in
                guard colour, owner >= 0 else { return nil }
                return owner == 1 ? NetworkDrawing.negativeColour : NetworkDrawing.positiveColour
            }
            return
                ([trim(titles), trim(kinds)] + shortcutRows() + [""]
                + rows.map { row in String(row.reversed().drop { $0 == " " }.reversed()) }).map { "  " + $0 }
                .map { $0.allSatisfy { $0 == " " } ? "" : $0 }.joined(separator: "\n") + "\n"
        }
    }
}

extension Parameter {
    var isWeight: Bool { if case .weight = self { return true } else { return false } }
}
