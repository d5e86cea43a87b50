import NNEngine

extension Command {
    static let showTopics = [
        "weights", "forward", "gradients", "loss", "params", "data", "net", "deltas", "memo", "graph"
    ]

    static let show = Command(
        name: "show",
        usage: "show weights|forward|gradients|loss|params|data|net|deltas|memo",
        summary: "print matrices, the forward pass, chain-rule gradients, …",
        details: """
              show weights     every W^k with rows i (from) and columns j (to), and the biases
              show forward     the last forward pass, layer by layer: (W^k)^T a + b = z -> g(z) = O
                               ('layer K' for one layer, --all for every value of a wide one)
              show gradients   every gradient of the last update as its chain-rule product, then
                               the simplified factors, then the numbers and the result; past 60
                               parameters, the largest per layer ('layer K', a NAME-PATTERN like
                               w1_*, or --all shows more)
              show loss        the loss of the last update and the mean loss over all rows now
              show params      the trainable parameters counted layer by layer
              show data        the rows, with the next one to be used marked
              show net --maps  the drawing, then a small map of what every node computes
              show net         the network drawn as nodes and edges with its weights
              show deltas      the memoized δ = ∂L/∂z of every node in the last update (past 60
                               nodes the largest per layer; 'layer K' or --all shows more)
              show memo        multiplications of backprop with and without memoization
              show graph [NAME] [--svg FILE]   the last update as a graph of scalar operations,
                               each node with its value and ∂L/∂node; with NAME, that parameter's
                               paths to L with the local derivative on every edge
            """,
        examples: ["show forward", "show gradients"],
        subcommands: showTopics,
        complete: { previous, partial, _ in previous.isEmpty ? showTopics.filter { $0.hasPrefix(partial) } : [] },
        run: runShow
    )

    @Sendable static func runShow(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        guard let topic = invocation.arguments.first else {
            throw Command.show.usageError(nil, "'show' needs what to show")
        }
        if topic.text.lowercased() == "net", invocation.arguments.count == 2,
            invocation.arguments[1].text.lowercased() == "--maps"
        {
            let training = try state.requireTraining()
            let notation = invocation.notationFor(state), context = invocation.context
            return NetworkDrawing.render(
                training.network, notation: notation, format: state.format, width: context.width,
                colour: context.color)
                + "\n"
                + (try NeuronMap.thumbnails(
                    training, notation: notation, format: state.format, width: context.width,
                    ascii: context.ascii))
        }
        if topic.text.lowercased() == "graph" { return try showGraph(invocation.arguments, invocation, state) }
        if !["gradients", "deltas", "forward"].contains(topic.text.lowercased()) {
            try Arguments.expectAtMost(1, invocation.arguments, usage: "show \(topic.text)")
        }
        return try show(topic, invocation, state)
    }

    /// A line saying that the last update was computed before parameters were set by hand, or "".
    static func handChangeNote(_ training: Training, notation: Notation) -> String {
        let edits = training.editsSinceLastUpdate
        guard let record = training.lastStep, !edits.isEmpty else { return "" }
        let names = Set(edits.map(\.index)).sorted().map { notation.parameter(training.network.parameter(at: $0)) }
        let text =
            "(update \(record.update) was computed before \(names.joined(separator: ", ")) "
            + "\(names.count == 1 ? "was" : "were") set by hand; the next update uses the new value\(names.count == 1 ? "" : "s"))"
        return wrapText(text, width: 78).joined(separator: "\n") + "\n"
    }

    static func show(_ topic: Token, _ invocation: Invocation, _ state: SessionState) throws(ShellError) -> String {
        let notation = invocation.notationFor(state)
        let format = state.format
        switch topic.text.lowercased() {
        case "data":
            return DataTable.render(state)
        case "weights", "params", "net", "memo":
            let training = try state.requireTraining()
            switch topic.text.lowercased() {
            case "weights": return NetworkText.weights(training.network, notation: notation, format: format)
            case "params": return NetworkText.params(training.network, notation: notation)
            case "net":
                return NetworkDrawing.render(
                    training.network, notation: notation, format: format, width: invocation.context.width,
                    colour: invocation.context.color)
            default: return MemoText.render(training.network)
            }
        case "forward", "gradients", "deltas", "loss":
            let training = try state.requireTraining()
            guard let record = training.lastStep else {
                if topic.text.lowercased() == "loss", !training.data.isEmpty, (try? training.validateData()) != nil {
                    return "no update yet; the " + meanLossLine(training, format, now: "now is") + "\n"
                }
                throw ShellError.state(
                    "nothing to show yet: make an update first with 'step' ('show weights' works at any time)")
            }
            let note = handChangeNote(training, notation: notation)
            switch topic.text.lowercased() {
            case "forward":
                let (layers, full) = try GradientSummary.forwardPart(
                    Array(invocation.arguments.dropFirst()), network: training.network)
                let rowText =
                    "row \(record.rows.last! + 1)"
                    + (record.isSingleSample
                        ? "" : ", the last of the \(record.rows.count) rows in update \(record.update)")
                return
                    "forward pass of update \(record.update) (\(rowText)), with the parameters before the update:\n\n"
                    + NetworkText.forward(
                        record.trace, network: withParameters(training.network, record.parametersBefore),
                        notation: notation,
                        format: format, layers: layers, full: full)
                    + note
            case "gradients", "deltas":
                let network = withParameters(training.network, record.parametersBefore)
                let words = Array(invocation.arguments.dropFirst())
                let part = try GradientSummary.part(words, network: network, topic: topic.text.lowercased())
                return
                    (topic.text.lowercased() == "gradients"
                    ? GradientSummary.gradients(
                        record, network: network, part: part, notation: notation, format: format,
                        stop: invocation.context.interruptCheck)
                    : GradientSummary.deltas(record, network: network, part: part, notation: notation, format: format)
                        + SaturationText.lines(
                            record, network: network, data: training.data, notation: notation, format: format
                        )
                        .map { $0 + "\n" }.joined()) + note
            default:
                var lines = [
                    "loss of update \(record.update): L = "
                        + (record.isSingleSample
                            ? LossText.formula(
                                training.network.loss, trace: record.trace, notation: notation, format: format)
                            : "\(format(record.loss)) (mean over \(record.rows.count) rows)")
                ]
                if (try? training.validateData()) != nil {
                    lines.append(meanLossLine(training, format, now: "with the current parameters:"))
                }
                if let epoch = training.recorder.lastEpochLoss {
                    lines.append("mean loss of the last epoch: \(format(epoch))")
                }
                return lines.joined(separator: "\n") + "\n" + note
            }
        default:
            let hint = didYouMean(topic.text, among: showTopics, otherwise: expected(oneOf: showTopics))
            throw ShellError.at(topic, "cannot show '\(topic.text)'" + hint)
        }
    }

    /// The most rows × parameters `show loss` evaluates for the mean loss over all rows.
    static let meanLossWork = 200_000_000

    /// "the mean loss over all 4 rows now is 0.25", or why it is not computed on data this large.
    static func meanLossLine(_ training: Training, _ format: NumberFormat, now: String) -> String {
        let rows = training.data.count, parameters = training.network.parameterCount
        guard rows.multipliedReportingOverflow(by: parameters).partialValue <= meanLossWork, rows <= meanLossWork else {
            return
                "mean loss over all \(counted(rows, "row")): not computed here (\(rows) rows × \(parameters) parameters is too much work); 'epoch' reports the mean loss of each epoch"
        }
        return
            "mean loss over \(rows == 1 ? "the 1 row" : "all \(rows) rows") \(now) \(format(training.network.meanLoss(on: training.data)))"
    }

    static func withParameters(_ network: Network, _ parameters: [Double]) -> Network {
        var copy = network
        copy.parameters = parameters
        return copy
    }
}
