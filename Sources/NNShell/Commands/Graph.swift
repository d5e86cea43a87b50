import NNEngine

extension Command {
    /// `show graph [NAME] [--svg FILE]`: the computation graph of the last update.
    static func showGraph(_ arguments: [Token], _ invocation: Invocation, _ state: SessionState) throws(ShellError)
        -> String
    {
        var words = arguments.dropFirst()
        var file: Token?, name: Token?
        while let token = words.popFirst() {
            if token.text.lowercased() == "--svg" {
                guard let path = words.popFirst() else {
                    throw ShellError.at(token, "'--svg' needs a file name, like '--svg graph.svg'")
                }
                file = path
            } else if name == nil {
                name = token
            } else {
                throw ShellError.at(token, "unexpected '\(token.text)'; usage: show graph [NAME] [--svg FILE]")
            }
        }
        let training = try state.requireTraining()
        guard training.network.parameterCount <= GraphText.graphParameterLimit else {
            throw ShellError.state(
                "'show graph' builds a node for every multiplication, so it is kept to networks "
                    + "of at most \(GraphText.graphParameterLimit) parameters; "
                    + "this one has \(training.network.parameterCount): "
                    + "'show gradients' and 'inspect NAME' show the numbers")
        }
        guard let record = training.lastStep else {
            throw ShellError.state("no update yet to draw: make one with 'step' (or 'step --walk'), then 'show graph'")
        }
        var network = training.network
        network.parameters = record.parametersBefore
        let parameter = try name.map { token throws(ShellError) in try Arguments.parameter(token, in: network) }
        let graph = network.computationGraph(record.trace)
        let text = GraphText(
            graph: graph, network: network, notation: invocation.notationFor(state), format: state.format)
        let row =
            record.isSingleSample
            ? "row \(record.rows[0] + 1)" : "row \(record.rows.last! + 1), the last of its \(record.rows.count) rows"
        let title = "computation graph of update \(record.update) (\(row)), at the parameters before it"
        var output: String
        if let parameter {
            output = text.paths(of: parameter)
        } else if network.parameterCount <= GraphText.drawableParameters {
            output = text.full(title: title)
        } else {
            output =
                "the graph of this network has \(graph.nodes.count) scalar nodes, too many to draw here; "
                + "'show graph --svg FILE' draws it, 'show graph NAME' shows one parameter's paths\n"
        }
        guard let file else { return output }
        let svg = SVGGraph.render(graph, text: text, highlight: parameter, title: title)
        if file.text == "-" { return svg }
        try FileAccess.writeAtomically(svg, to: invocation.context.resolve(file.text), shown: file.text)
        return output + "wrote \(file.text) (SVG)\n"
    }
}
