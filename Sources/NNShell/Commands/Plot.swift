import NNEngine

extension Command {
    static let plotTopics = ["loss", "weights", "grads", "boundary"]

    static let plot = Command(
        name: "plot",
        usage: "plot loss|weights [LAYER|NAMES]|grads|boundary [--svg FILE]",
        summary: "draw the loss curve, weights over updates, gradient sizes or the decision boundary",
        details: """
          plot loss          the loss per update and per epoch
          plot weights       each parameter's value over the updates (a layer number or
                             names limit it)
          plot grads         the gradient size of each layer over the updates
          plot boundary      the 2-D data by class, with the line or decision regions
        """,
        examples: ["plot loss", "plot weights 1"],
        subcommands: plotTopics,
        complete: { previous, partial, _ in previous.isEmpty ? plotTopics.filter { $0.hasPrefix(partial) } : ["--svg"].filter { $0.hasPrefix(partial) } },
        run: runPlot
    )

    @Sendable static func runPlot(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        guard let topic = invocation.arguments.first else { throw Command.plot.usageError(nil, "'plot' needs what to draw") }
        let training = try state.requireTraining()
        switch topic.text.lowercased() {
        case "loss":
            let points = zip(training.recorder.updates, training.recorder.losses).map { (Double($0), $1) }
            return LinePlot.render(series: [PlotSeries(name: "loss per update", points: points)], xLabel: "update", yLabel: "loss",
                                   width: invocation.context.width, height: 12, ascii: invocation.context.ascii, format: state.format)
        default:
            throw ShellError.at(topic, "cannot plot '\(topic.text)' yet; expected loss")
        }
    }
}
