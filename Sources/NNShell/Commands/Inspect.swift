import NNEngine

extension Command {
    static let inspect = Command(
        name: "inspect",
        usage: "inspect NAME | inspect weights | inspect gradients",
        summary: "one parameter or node in full: value, gradient, history",
        details: """
            NAME is a parameter (w2_11, b1_2, w1_3_12) or a node output (O1_2). For a parameter:
            its value at full precision, its gradient in the last update as a chain-rule
            product, and its values across the updates. For a node: z, O and δ in the last
            forward pass. 'inspect weights' and 'inspect gradients' are 'show weights' and
            'show gradients'.
            """,
        examples: ["inspect w1_21", "inspect O1_1"],
        subcommands: ["weights", "gradients"],
        complete: { previous, partial, state in
            guard previous.isEmpty, let network = state.training?.network else { return [] }
            let nodes = (1...network.layerCount).flatMap { k in (1...min(network.sizes[k], 20)).map { "O\(k)_\($0)" } }
            return (["weights", "gradients"] + nodes).filter { $0.hasPrefix(partial) }
                + parameterNames(network, prefix: partial)
        },
        run: runInspect
    )

    static let historyShown = 12

    @Sendable static func runInspect(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String
    {
        guard let name = invocation.arguments.first else {
            throw Command.inspect.usageError(nil, "'inspect' needs a name, like w2_11")
        }
        try invocation.expectAtMost(1, form: "inspect NAME")
        switch name.text.lowercased() {
        case "weights", "gradients": return try show(name, invocation, state)
        default: break
        }
        let training = try state.requireTraining()
        let notation = invocation.notationFor(state)
        let format = state.format
        if let node = NodeName(name: name.text) {
            return try inspectNode(node, name, training, notation, format)
        }
        let parameter = try Arguments.parameter(name, in: training.network)
        let index = training.network.index(of: parameter)!
        let value = training.network.parameters[index]
        var lines = [
            "\(notation.parameter(parameter)) (\(parameter.asciiName)): \(describe(parameter, training.network, notation))",
            "  value now: \(NumberFormat.full(value))"
        ]
        if let record = training.lastStep {
            let before = withParameters(training.network, record.parametersBefore)
            let chain = GradientText.chain(
                before.explainGradient(parameter, record.trace), notation: notation, format: format)
            lines.append(
                "  gradient in update \(record.update) (\(record.isSingleSample ? "row \(record.rows[0] + 1)" : "last of \(record.rows.count) rows")):"
            )
            lines += chain.split(separator: "\n").map { "    " + $0 }
            lines.append(
                "  full precision: \(NumberFormat.full(record.trace.gradient[index]))"
                    + (record.isSingleSample
                        ? "" : ";\n  the update applied the mean G = \(NumberFormat.full(record.gradient[index]))"))
            lines += UpdateText.inspectLines(record, index: index, notation: notation)
            lines.append(
                "  update \(record.update): \(NumberFormat.full(record.parametersBefore[index])) \(notation.arrow) \(NumberFormat.full(record.parametersAfter[index]))"
            )
        } else {
            lines.append("  no update yet, so no gradient; 'step' makes one")
        }
        let recorder = training.recorder
        if training.updateCount > 0, !recorder.isTracked(index) {
            lines.append(
                "  history: not recorded; in a network this large nnstep follows \(recorder.tracked.count) of the \(training.network.parameterCount) parameters"
            )
        } else if training.updateCount > 0 {
            let recent = recorder.recentValues(ofParameter: index, limit: historyShown).map { ($0.update, $0.value) }
            let total = recorder.count + 1
            let shown = ([(0, training.initialParameters[index])] + recent).suffix(historyShown)
            lines += NetworkText.wrap(
                shown.map { "\($0.0): \(format($0.1))" }, first: "  history, update: value  ", width: 78)
            if total > historyShown {
                lines.append(
                    "  (the last \(historyShown) of \(total); 'plot weights \(parameter.asciiName)' draws them all)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ parameter: Parameter, _ network: Network, _ notation: Notation) -> String {
        switch parameter {
        case .weight(let k, let i, let j):
            let from =
                k == 1
                ? "input \(i) (\(notation.input(i)))" : "node \(i) of layer \(k - 1) (\(notation.output(k - 1, i)))"
            return "the weight from \(from) into node \(j) of layer \(k)"
        case .bias(let k, let j):
            return "the bias of node \(j) in layer \(k)"
        }
    }

    static func inspectNode(
        _ node: NodeName, _ token: Token, _ training: Training, _ notation: Notation, _ format: NumberFormat
    ) throws(ShellError) -> String {
        guard node.layer <= training.network.layerCount, node.node <= training.network.sizes[node.layer] else {
            throw ShellError.at(
                token,
                "this network has no node '\(token.text)'; layers 1…\(training.network.layerCount), and layer \(min(node.layer, training.network.layerCount)) has \(training.network.sizes[min(node.layer, training.network.layerCount)]) node\(training.network.sizes[min(node.layer, training.network.layerCount)] == 1 ? "" : "s")"
            )
        }
        guard let record = training.lastStep else {
            throw ShellError.state("no forward pass yet: make an update first with 'step'")
        }
        let k = node.layer, j = node.node
        let trace = record.trace
        return """
            \(notation.output(k, j)) (\(node.asciiName)): node \(j) of layer \(k) (\(training.network.activations[k - 1].rawValue)), in update \(record.update)
              \(notation.z(k, j)) = \(NumberFormat.full(trace.z[k - 1][j - 1]))
              \(notation.output(k, j)) = g(\(notation.z(k, j))) = \(NumberFormat.full(trace.outputs[k - 1][j - 1]))
              \(notation.delta(k, j)) = \(notation.ascii ? "dL/d" : "∂L/∂")\(notation.z(k, j)) = \(NumberFormat.full(trace.deltas[k - 1][j - 1]))

            """
    }
}
