import NNEngine

/// `review --html FILE`: one self-contained page of the lesson or session. Every line typed
/// with what it printed (plots drawn again as inline SVG), then where it ended: the network
/// with its formulas in MathML, each layer's weights and biases as a table, the loss curve
/// and, for 2-D data, the decision regions. No scripts, no links, no files beside it.
enum HTMLReview {
    static func page(
        title: String, summary: String?, transcript: Transcript, state: SessionState, context: CommandContext
    ) -> String {
        var body: [String] = ["<h1>\(escape(title))</h1>"]
        if let summary { body.append("<p class=\"summary\">\(escape(summary))</p>") }
        body.append("<h2>What was typed</h2>")
        let shown = transcript.entries.filter { !($0.line.allSatisfy(\.isWhitespace) && $0.output.isEmpty) }
        if shown.isEmpty { body.append("<p>Nothing was typed yet.</p>") }
        body += shown.map(entry)
        body += ending(state, context: context)
        return document(title: title, body: body.joined(separator: "\n"))
    }

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="generator" content="nnstep"/>
        <title>\(escape(title))</title>
        <style>
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 62em; margin: 2em auto; color: #222; }
        pre { font-family: "DejaVu Sans Mono", Menlo, monospace; background: #f6f6f4; padding: 0.6em; overflow-x: auto; }
        pre.typed { background: #e8eef8; margin-bottom: 0; }
        pre.typed + pre { margin-top: 0; }
        .prompt { color: #2255aa; font-weight: bold; }
        .error { color: #b00020; }
        table { border-collapse: collapse; margin: 0.8em 0; }
        th, td { border: 1px solid #bbb; padding: 0.2em 0.6em; text-align: right; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: bold; }
        figure { margin: 1em 0; }
        svg { max-width: 100%; height: auto; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// One line: the prompt and what was typed, the output, the error, the picture.
    static func entry(_ entry: Transcript.Entry) -> String {
        var parts = ["<section class=\"entry\">"]
        let typed = entry.line.allSatisfy(\.isWhitespace) ? "(Enter)" : entry.line
        parts.append("<pre class=\"typed\"><span class=\"prompt\">\(escape(entry.prompt))</span>\(escape(typed))</pre>")
        let output = plain(entry.output)
        if !output.isEmpty { parts.append("<pre class=\"output\">\(escape(output))</pre>") }
        if let error = entry.error { parts.append("<pre class=\"error\">error: \(escape(error))</pre>") }
        parts += entry.pictures.map { "<figure>\(inline($0))</figure>" }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// The network at the end: formulas, parameter tables and pictures.
    static func ending(_ state: SessionState, context: CommandContext) -> [String] {
        guard let training = state.training else { return [] }
        let network = training.network
        let sizes = network.sizes.map(String.init).joined(separator: "-")
        var out = [
            "<h2>Where it ended</h2>",
            "<p>A \(sizes) network, loss \(network.loss.rawValue), after \(counted(training.updateCount, "update")), "
                + "learning rate η = \(state.format(training.settings.learningRate)).</p>"
        ]
        for k in 1...network.layerCount {
            out.append(MathML.layer(k, activation: network.activations[k - 1]))
            if network.parameterCount(layer: k) <= 400 { out.append(table(network, layer: k, format: state.format)) }
        }
        out.append(MathML.loss(network.loss, outputs: network.outputCount))
        let notation = Notation(ascii: context.ascii, outputCount: network.outputCount)
        if training.updateCount > 0 {
            let panel = PlotData.lossPanel(
                current: PlotData.run(training, name: "this run", notation: notation), kept: state.savedRuns,
                axis: nil, logY: false)
            out.append("<figure>\(inline(SVGLinePlot.render([panel], title: "nnstep: loss")))</figure>")
        }
        if network.inputCount == 2, let map = try? BoundaryMap(training, notation: notation, format: state.format) {
            out.append(
                "<figure>\(inline(SVGBoundaryPlot.render(map, title: Command.boundaryTitle(map, training))))</figure>")
        }
        return out
    }

    /// W^k as a table (rows i, columns j) with the biases b^k as its last row.
    static func table(_ network: Network, layer k: Int, format: NumberFormat) -> String {
        let rows = network.sizes[k - 1], columns = network.sizes[k]
        var html = [
            "<table class=\"weights\">",
            "<caption>" + MathML.math(MathML.sup(MathML.mi("W"), MathML.mn("\(k)")), block: false)
                + " and " + MathML.math(MathML.sup(MathML.mi("b"), MathML.mn("\(k)")), block: false) + "</caption>"
        ]
        html.append("<tr><th></th>" + (1...columns).map { "<th>j = \($0)</th>" }.joined() + "</tr>")
        for i in 1...rows {
            let cells = (1...columns).map { j in
                "<td>" + MathML.math(MathML.weight(k, i, j), block: false)
                    + " = \(escape(format(network.weight(k, i, j))))</td>"
            }
            html.append("<tr><th>i = \(i)</th>" + cells.joined() + "</tr>")
        }
        html.append(
            "<tr><th>bias</th>" + (1...columns).map { "<td>\(escape(format(network.bias(k, $0))))</td>" }.joined()
                + "</tr>")
        html.append("</table>")
        return html.joined(separator: "\n")
    }

    /// An SVG document without its XML declaration, to sit inside the page.
    static func inline(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") else { return svg }
        return String(svg[svg.index(after: end)...])
    }

    /// `text` without ANSI colour escapes (a terminal session records them).
    static func plain(_ text: String) -> String {
        var out = "", escaping = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { escaping = true; continue }
            if escaping { if (0x40...0x7E).contains(scalar.value) && scalar != "[" { escaping = false }; continue }
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
            out.unicodeScalars.append(scalar)
        }
        while out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
