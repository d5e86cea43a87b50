import NNEngine

/// `show weights`, `show forward` and `show params`: the network's matrices with names.
enum NetworkText {
    /// Layers wider than this are summarised instead of drawn in full.
    static let matrixLimit = 10

    static func weights(_ network: Network, notation: Notation, format: NumberFormat) -> String {
        var out: [String] = []
        for k in 1...network.layerCount {
            let nIn = network.sizes[k - 1], nOut = network.sizes[k]
            let from = k == 1 ? "input i" : "node i of layer \(k - 1)"
            let w = notation.ascii ? "W\(k)" : "W" + Notation.sup(k)
            out.append(
                "\(w) (\(nIn)×\(nOut), \(network.activations[k - 1].rawValue)): row i = from \(from), column j = to node j"
                    .replacing("×", with: notation.ascii ? "x" : "×"))
            let shownIn = min(nIn, matrixLimit), shownOut = min(nOut, matrixLimit)
            var table = TextTable(header: [""] + (1...shownOut).map { "j=\($0)" } + (nOut > shownOut ? ["…"] : []))
            for i in 1...shownIn {
                table.rows.append(
                    ["i=\(i)"] + (1...shownOut).map { format(network.weight(k, i, $0)) }
                        + (nOut > shownOut ? ["…"] : []))
            }
            if nIn > shownIn { table.rows.append(["…"] + Array(repeating: "", count: table.header.count - 1)) }
            out.append(String(table.render().dropLast()))
            let biases = (1...shownOut).map {
                "\(notation.parameter(.bias(layer: k, node: $0))) = \(format(network.bias(k, $0)))"
            }
            out += wrap(biases + (nOut > shownOut ? ["…"] : []), first: "  biases: ", width: 78)
            if nIn > shownIn || nOut > shownOut {
                out.append(
                    "  (showing \(shownIn)×\(shownOut) of \(nIn)×\(nOut); 'inspect w\(k)_1_1' or 'export json' for any value)"
                )
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// The forward pass layer by layer; layers wider than `matrixLimit` show the first values of
    /// z and O, or all of them with `full`. `layers` picks some (`show forward layer 2`).
    static func forward(
        _ trace: Trace, network: Network, notation: Notation, format: NumberFormat,
        layers: ClosedRange<Int>? = nil, full: Bool = false
    ) -> String {
        var out: [String] = []
        for k in layers ?? 1...network.layerCount {
            let nIn = network.sizes[k - 1], nOut = network.sizes[k]
            let act = network.activations[k - 1].rawValue
            let a = k == 1 ? "x" : (notation.ascii ? "O\(k - 1)" : "O" + Notation.sup(k - 1))
            let sup = notation.ascii ? "\(k)" : Notation.sup(k)
            let wt = notation.ascii ? "(W\(k))^T" : "(W\(sup))ᵀ"
            out.append("layer \(k): \(wt) \(a) + b\(sup) = z\(sup) \(notation.arrow) \(act)(z\(sup)) = O\(sup)")
            let input = k == 1 ? trace.input : trace.outputs[k - 2]
            if nIn <= matrixLimit && nOut <= matrixLimit {
                let transposed = (1...nOut).map { j in (1...nIn).map { i in format(network.weight(k, i, j)) } }
                let blocks = [
                    MatrixText(rows: transposed, ascii: notation.ascii),
                    MatrixText.column(input.map { format($0) }, ascii: notation.ascii),
                    MatrixText(text: "+", height: nOut),
                    MatrixText.column((1...nOut).map { format(network.bias(k, $0)) }, ascii: notation.ascii),
                    MatrixText(text: "=", height: nOut),
                    MatrixText.column(trace.z[k - 1].map { format($0) }, ascii: notation.ascii),
                    MatrixText(text: notation.arrow, height: nOut),
                    MatrixText.column(trace.outputs[k - 1].map { format($0) }, ascii: notation.ascii)
                ]
                out.append(MatrixText.join(blocks).trimmedNewlines)
                let names = (1...nOut).map { notation.output(k, $0) }.joined(separator: ", ")
                out.append(
                    "  "
                        + (k == network.layerCount && nOut == 1
                            ? "\(names) = \(notation.prediction(1)) = \(format(trace.outputs[k - 1][0]))"
                            : "(\(names))"))
            } else {
                for (name, values) in [("z", trace.z[k - 1]), ("O", trace.outputs[k - 1])] {
                    let head = "  \(name)\(sup) = "
                    if full {
                        var items = values.map { format($0) }
                        items[items.count - 1] += ")"
                        out += wrap(items, first: head + "(", width: 78)
                    } else {
                        out.append(head + preview(values, format))
                    }
                }
                if !full && nOut > 8 { out.append("  ('show forward layer \(k) --all' shows all \(nOut) values)") }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Items joined with ", ", broken into lines of at most `width` columns.
    static func wrap(_ items: [String], first: String, width: Int) -> [String] {
        var lines: [String] = [], line = first
        let indent = String(repeating: " ", count: first.displayWidth)
        for (n, item) in items.enumerated() {
            let piece = item + (n < items.count - 1 ? "," : "")
            if line != first, line != indent, line.displayWidth + 1 + piece.displayWidth > width {
                lines.append(line)
                line = indent
            }
            line += (line == first || line == indent ? "" : " ") + piece
        }
        lines.append(line)
        return lines
    }

    static func preview(_ values: [Double], _ format: NumberFormat) -> String {
        let shown = values.prefix(8).map { format($0) }.joined(separator: ", ")
        return "(" + shown + (values.count > 8 ? ", … \(values.count - 8) more" : "") + ")"
    }

    static func params(_ network: Network, notation: Notation) -> String {
        var lines: [String] = []
        var parts: [String] = []
        for k in 1...network.layerCount {
            let nIn = network.sizes[k - 1], nOut = network.sizes[k]
            let count = network.parameterCount(layer: k)
            lines.append(
                "layer \(k): \(nIn)×\(nOut) = \(nIn * nOut) weights + \(nOut) bias\(nOut == 1 ? "" : "es") = \(count)"
                    .replacing("×", with: notation.ascii ? "x" : "×"))
            parts.append(String(count))
        }
        lines.append("total: \(parts.joined(separator: " + ")) = \(network.parameterCount) trainable parameters")
        return lines.joined(separator: "\n") + "\n"
    }
}
