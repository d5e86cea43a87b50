import NNEngine

extension Command {
    static let plotTopics = ["loss", "weights", "grads", "boundary", "neuron", "keep", "runs", "forget"]
    static let plotFlags = ["--svg", "--log", "--linear"]

    static let plot = Command(
        name: "plot",
        usage: "plot loss|weights|grads|boundary … [--svg FILE], or plot keep NAME|runs|forget NAME",
        summary: "draw the loss, weights, gradient sizes or the boundary",
        details: """
              plot loss [updates|epochs] [--log]   the loss of each update with each epoch's mean;
                                                   with kept runs, every run's curve on one plot
              plot weights [LAYER|NAME…]           each parameter's value from the start over the
                                                   updates: one panel per layer on one scale, or
                                                   one layer (plot weights 1), or names (w2_11 b1_1)
              plot grads [--linear]                the size of each layer's weight gradient per
                                                   update, on a log scale; with kept runs, one
                                                   panel per run on one scale (plain against
                                                   residual: train, plot keep plain, net …
                                                   residual=on, train, plot grads)
              plot boundary                        the 2-D data by class over the regions the
                                                   network predicts, with the perceptron's line
              plot neuron NODE                     what one node (O1_2, z1_2, yhat) computes over
                                                   the two inputs, shaded in bands with its range
              plot keep NAME                       keep this run's loss and gradient curves under NAME, to lay
                                                   other runs over it ('reset', change, train again)
              plot runs, plot forget NAME|all      list or drop kept runs
              --svg FILE                           also write the picture to FILE as SVG
            """,
        examples: ["plot loss", "plot weights 1", "plot keep sgd", "plot boundary --svg line.svg"],
        subcommands: plotTopics,
        complete: { previous, partial, _ in
            (previous.isEmpty ? plotTopics : previous.first == "loss" ? ["updates", "epochs"] + plotFlags : plotFlags)
                .filter { $0.hasPrefix(partial) }
        },
        run: runPlot
    )

    /// The words of a `plot` line: its topic, the words after it, and the options.
    struct PlotRequest {
        var topic: Token
        var words: [Token] = []
        var svg: Token?
        var logY: Bool?
    }

    static func parsePlot(_ arguments: [Token]) throws(ShellError) -> PlotRequest {
        guard let topic = arguments.first else { throw Command.plot.usageError(nil, "'plot' needs what to draw") }
        var request = PlotRequest(topic: topic)
        var rest = arguments.dropFirst()
        while let token = rest.popFirst() {
            switch token.text.lowercased() {
            case "--svg":
                guard let file = rest.popFirst() else {
                    throw ShellError.at(token, "'--svg' needs a file name, like '--svg loss.svg'")
                }
                request.svg = file
            case "--log": request.logY = true
            case "--linear": request.logY = false
            case let flag where flag.hasPrefix("-"):
                let hint = didYouMean(
                    flag, among: plotFlags, otherwise: "; expected \(plotFlags.joined(separator: ", "))")
                throw ShellError.at(token, "unknown option '\(token.text)'" + hint)
            default: request.words.append(token)
            }
        }
        return request
    }

    @Sendable static func runPlot(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        let request = try parsePlot(invocation.arguments)
        let topic = request.topic.text.lowercased()
        if ["keep", "runs", "forget"].contains(topic) { return try runKept(request, invocation, &state) }
        let training = try state.requireTraining()
        let context = invocation.context, notation = invocation.notationFor(state), format = state.format
        let width = max(context.width, 40)
        let text: String, svg: () -> String
        switch topic {
        case "loss":
            try Arguments.expectAtMost(1, request.words, usage: "plot loss [updates|epochs] [--log] [--svg FILE]")
            var axis: PlotData.LossAxis?
            if let word = request.words.first {
                switch word.text.lowercased() {
                case "updates", "update", "steps": axis = .updates
                case "epochs", "epoch": axis = .epochs
                default:
                    throw ShellError.at(word, "expected 'updates' or 'epochs' after 'plot loss', found '\(word.text)'")
                }
            }
            let panel = PlotData.lossPanel(
                current: PlotData.run(training, name: "this run", notation: notation), kept: state.savedRuns,
                axis: axis, logY: request.logY ?? false)
            text = LinePlot.render(panel, width: width, height: 12, ascii: context.ascii, colour: context.color)
            svg = { SVGLinePlot.render([panel], title: "nnstep: loss") }
        case "weights", "weight", "params":
            let selection = try weightSelection(request.words, training.network)
            let panels = PlotData.weightPanels(training, selection: selection, notation: notation, format: format)
            let height = panels.count == 1 ? 12 : max(6, 16 / panels.count)
            text = LinePlot.render(panels, width: width, height: height, ascii: context.ascii, colour: context.color)
            svg = { SVGLinePlot.render(panels, title: "nnstep: weights over the updates") }
        case "grads", "gradients", "grad":
            try Arguments.expectAtMost(0, request.words, usage: "plot grads [--linear] [--svg FILE]")
            let current = PlotData.run(training, name: "this run", notation: notation)
            let runs = PlotData.gradientRunPanels(
                current: current, kept: state.savedRuns, logY: request.logY ?? true,
                notation: notation, format: format)
            if runs.count > 1 {
                text = LinePlot.render(
                    runs, width: width, height: max(6, 16 / runs.count), ascii: context.ascii, colour: context.color)
                svg = { SVGLinePlot.render(runs, title: "nnstep: gradient size per layer, \(runs.count) runs") }
                break
            }
            var panel = PlotData.gradientPanel(training, logY: request.logY ?? true, notation: notation, format: format)
            if let record = training.lastStep {
                var network = training.network
                network.parameters = record.parametersBefore
                panel.notes += SaturationText.lines(
                    record, network: network, data: training.data, notation: notation, format: format)
            }
            text = LinePlot.render(panel, width: width, height: 12, ascii: context.ascii, colour: context.color)
            svg = { SVGLinePlot.render([panel], title: "nnstep: gradient size per layer") }
        case "boundary", "regions":
            try Arguments.expectAtMost(0, request.words, usage: "plot boundary [--svg FILE]")
            let map = try BoundaryMap(training, notation: notation, format: format)
            let title = boundaryTitle(map, training)
            text =
                wrapText(title, width: width).joined(separator: "\n") + "\n"
                + BoundaryPlot.render(map, width: width, ascii: context.ascii, colour: context.color)
            svg = { SVGBoundaryPlot.render(map, title: title) }
        case "neuron", "node":
            guard let word = request.words.first else {
                throw ShellError.at(request.topic, "'plot neuron' needs a node, like 'plot neuron O1_2'")
            }
            try Arguments.expectAtMost(1, request.words, usage: "plot neuron NODE [--svg FILE]")
            let node = try NeuronMap.node(word, in: training.network)
            let label = node.pre ? notation.z(node.layer, node.node) : notation.output(node.layer, node.node)
            let columns = max(20, min(64, width - 12))
            let map = try NeuronMap(
                training, layer: node.layer, node: node.node, preActivation: node.pre, label: label,
                columns: columns, rows: max(8, columns * 3 / 10))
            text = map.render(ascii: context.ascii, width: width, format: format)
            svg = { map.svg(title: "nnstep: \(label) over the input plane", format: format) }
        default:
            let hint = didYouMean(topic, among: plotTopics, otherwise: expected(oneOf: plotTopics))
            throw ShellError.at(request.topic, "cannot plot '\(request.topic.text)'" + hint)
        }
        guard let file = request.svg else { return text }
        let document = svg()
        if file.text == "-" { return document }
        try FileAccess.writeAtomically(document, to: context.resolve(file.text), shown: file.text)
        return text + "wrote \(file.text) (SVG)\n"
    }

    static func weightSelection(_ words: [Token], _ network: Network) throws(ShellError) -> PlotData.WeightSelection {
        guard let first = words.first else { return .all }
        if words.count == 1, first.text.allSatisfy(\.isNumber) {
            return .layer(try Arguments.integer(first, "the layer", in: 1...network.layerCount))
        }
        var list: [Parameter] = []
        for word in words { list.append(try Arguments.parameter(word, in: network)) }
        return .parameters(list)
    }

    static func boundaryTitle(_ map: BoundaryMap, _ training: Training) -> String {
        let sizes = training.network.sizes.map(String.init).joined(separator: "-")
        let what =
            training.network.isPerceptron
            ? "the perceptron's line"
            : map.line != nil ? "the line of the \(sizes) network" : "the decision regions of the \(sizes) network"
        return
            "\(what) on the data '\(training.data.name)', after \(training.updateCount) update\(training.updateCount == 1 ? "" : "s")"
    }

    /// `plot keep NAME`, `plot runs`, `plot forget NAME|all`.
    static func runKept(_ request: PlotRequest, _ invocation: Invocation, _ state: inout SessionState)
        throws(ShellError) -> String
    {
        if let svg = request.svg {
            throw ShellError.at(svg, "'--svg' goes with a picture, like 'plot loss --svg loss.svg'")
        }
        switch request.topic.text.lowercased() {
        case "keep":
            guard request.words.count == 1, let name = request.words.first else {
                throw Command.plot.usageError(
                    request.words.dropFirst().first, "'plot keep' needs one name for this run, like 'plot keep sgd'")
            }
            let training = try state.requireTraining()
            guard training.updateCount > 0 else {
                throw ShellError.state("nothing to keep yet: train first with 'step' or 'epoch'")
            }
            let run = PlotData.run(training, name: name.text, notation: invocation.notationFor(state))
            let replaced = state.savedRuns.contains { $0.name == name.text }
            state.savedRuns.removeAll { $0.name == name.text }
            state.savedRuns.append(run)
            let example = training.settings.mode == .batch ? "set mode sgd" : "set mode batch"
            return "\(replaced ? "replaced" : "kept") run '\(name.text)': \(run.summary).\n"
                + "Now 'reset', change a setting (like '\(example)'), train again,\n"
                + "and 'plot loss' lays the runs over each other ('plot grads' shows them\n"
                + "one under the other, on one scale).\n"
        case "runs":
            try Arguments.expectAtMost(0, request.words, usage: "plot runs")
            guard !state.savedRuns.isEmpty else { return "no kept runs; 'plot keep NAME' keeps the current one\n" }
            return state.savedRuns.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n") + "\n"
        default:
            guard request.words.count == 1, let name = request.words.first else {
                throw Command.plot.usageError(
                    request.words.dropFirst().first, "'plot forget' needs a kept run's name, or 'all'")
            }
            if name.text.lowercased() == "all" {
                let count = state.savedRuns.count
                state.savedRuns = []
                return "forgot \(count) kept run\(count == 1 ? "" : "s")\n"
            }
            guard state.savedRuns.contains(where: { $0.name == name.text }) else {
                let names = state.savedRuns.map(\.name)
                let hint = didYouMean(
                    name.text, among: names,
                    otherwise: (names.isEmpty ? "; none are kept" : "; kept: \(names.joined(separator: ", "))"))
                throw ShellError.at(name, "no kept run '\(name.text)'" + hint)
            }
            state.savedRuns.removeAll { $0.name == name.text }
            return "forgot run '\(name.text)'\n"
        }
    }
}
