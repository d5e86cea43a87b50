import NNEngine

/// `show net`: the network drawn as nodes and edges with its current weights.
///
/// Nodes stand in columns, one per layer, each with its bias under it. Every edge is a line
/// from node i of layer k−1 to node j of layer k labelled `w^k_ij = value` in textbook
/// notation; its style shows the weight: solid when positive, dashed when negative, thick when
/// its size is at least half the largest in the network (and blue or red with colour). When the
/// labels do not fit, the network is drawn without them and its weights are listed; a network
/// too large to draw is summarised layer by layer.
enum NetworkDrawing {
    /// Layers up to this many nodes are drawn with every weight on its edge.
    static let labelledNodeLimit = 4
    /// Layers up to this many nodes are drawn at all.
    static let drawnNodeLimit = 8

    static func render(_ network: Network, notation: Notation, format: NumberFormat, width: Int, colour: Bool = false)
        -> String
    {
        let drawing = draw(network, notation: notation, format: format, width: width, colour: colour)
        guard network.residual else { return drawing }
        return drawing
            + wrapText(Command.shortcutSummary(network, notation: notation), width: width - 2).map { "  " + $0 }
            .joined(separator: "\n") + "\n"
    }

    static func draw(_ network: Network, notation: Notation, format: NumberFormat, width: Int, colour: Bool) -> String {
        let header =
            "the \(network.sizes.map(String.init).joined(separator: "-")) network, "
            + "\(network.parameterCount) parameters, loss \(network.loss.rawValue)"
        let largest = network.sizes.max() ?? 1
        if largest <= labelledNodeLimit,
            var layout = Layout(network, notation: notation, format: format, width: width, labelled: true)
        {
            let unplaced = layout.draw()
            var text = header + "\n\n" + layout.render(colour: colour) + legend(notation.ascii, colour: colour)
            if !unplaced.isEmpty {
                text += "  not on the picture for lack of room: " + unplaced.joined(separator: ", ") + "\n"
            }
            return text
        }
        if largest <= drawnNodeLimit,
            var layout = Layout(network, notation: notation, format: format, width: width, labelled: false)
        {
            _ = layout.draw()
            let numbers =
                network.parameterCount <= 60
                ? NetworkSummary.list(network, notation: notation, format: format, width: width)
                : NetworkSummary.table(network, notation: notation, format: format)
            return wrapText(header + " (too many edges to label: the numbers are below)", width: width).joined(
                separator: "\n") + "\n\n" + layout.render(colour: colour)
                + legend(notation.ascii, colour: colour) + "\n" + numbers
        }
        return header + "\n" + "Too large to draw at \(width) columns; each layer in numbers:\n\n"
            + NetworkSummary.table(network, notation: notation, format: format) + "'show weights' lists every weight.\n"
    }

    static func legend(_ ascii: Bool, colour: Bool) -> String {
        let entries = [
            LegendEntry(sample: ascii ? "---" : "⠒⠒⠒", label: "positive weight", colour: colour ? positiveColour : nil),
            LegendEntry(sample: ascii ? "- -" : "⠒ ⠒", label: "negative", colour: colour ? negativeColour : nil),
            LegendEntry(sample: ascii ? "===" : "⠶⠶⠶", label: "at least half the largest size", colour: nil)
        ]
        return "\n" + packLegend(entries, width: 200, indent: 2).joined(separator: "\n") + "\n"
    }

    static let positiveColour = "34"
    static let negativeColour = "31"
}

/// `show net` for a network too large to draw: each layer's weights in a few numbers.
enum NetworkSummary {
    /// Every weight and bias, layer by layer, wrapped to `width`.
    static func list(_ network: Network, notation: Notation, format: NumberFormat, width: Int) -> String {
        var lines: [String] = []
        for k in 1...network.layerCount {
            let items = (network.weightOffsets[k]..<network.biasOffsets[k] + network.sizes[k]).map {
                "\(notation.parameter(network.parameter(at: $0))) = \(format(network.parameters[$0]))"
            }
            lines.append("  layer \(k) (\(network.activations[k - 1].rawValue)):")
            var line = ""
            for item in items {
                if !line.isEmpty, 4 + line.displayWidth + 3 + item.displayWidth > width {
                    lines.append("    " + line); line = ""
                }
                line += (line.isEmpty ? "" : "   ") + item
            }
            if !line.isEmpty { lines.append("    " + line) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func table(_ network: Network, notation: Notation, format: NumberFormat) -> String {
        var table = TextTable(header: [
            "layer", "nodes", "activation", "weights", "> 0", "< 0", "mean |w|", "largest |w|"
        ])
        table.leftAligned = [0, 1, 2, 7]
        for k in 1...network.layerCount {
            let weights = (network.weightOffsets[k]..<network.biasOffsets[k]).map {
                (network.parameter(at: $0), network.parameters[$0])
            }
            let sizes = weights.map { abs($0.1) }
            let biggest = weights.max { abs($0.1) < abs($1.1) }
            let mean = sizes.reduce(0, +) / Double(max(sizes.count, 1))
            table.rows.append([
                "\(k)", "\(network.sizes[k - 1])\(notation.arrow)\(network.sizes[k])",
                network.activations[k - 1].rawValue,
                "\(weights.count)", "\(weights.filter { $0.1 > 0 }.count)", "\(weights.filter { $0.1 < 0 }.count)",
                format(mean),
                biggest.map { "\(notation.parameter($0.0)) = \(format($0.1))" } ?? ""
            ])
        }
        return table.render()
    }
}
