import NNEngine

extension Command {
    static let step = Command(
        name: "step",
        usage: "step [N]",
        summary: "make N updates (default 1) and show what changed",
        details: """
            One update: the forward pass, the loss, the backward pass, then every parameter moves
            by -η·∂L/∂p, all at once. In sgd mode an update reads one row; in batch mode every
            row (the mean gradient); in minibatch mode the next 'batch' rows. A step network with
            loss=perceptron uses the perceptron trick: only a misclassified point moves the line.
            With N = 1 every parameter is shown before and after; with more, a summary.
            """,
        examples: ["step", "step 10", "step --walk"],
        run: runStep
    )

    @Sendable static func runStep(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        if invocation.arguments.contains(where: { ["--walk", "--predict"].contains($0.text.lowercased()) }) {
            return try runWalk(invocation, &state)
        }
        try invocation.expectAtMost(1)
        let count =
            try invocation.arguments.first.map { token throws(ShellError) in
                try Arguments.integer(token, "the number of updates", in: 1...100_000_000)
            } ?? 1
        var training = try state.requireTraining()
        let startParameters = training.network.parameters
        let firstUpdate = training.updateCount + 1
        let result = try TrainingRunner.runCommand(.updates(count), total: nil, &training, invocation, &state)
        let notation = invocation.notationFor(state)
        var text = ""
        if result.report.updates == 1, let record = training.lastStep {
            text = UpdateReport.single(
                record, network: training.network, data: training.data, notation: notation, format: state.format)
        } else if result.report.updates > 1 {
            text = UpdateReport.summary(
                first: firstUpdate, report: result.report, before: startParameters,
                training: training, notation: notation, format: state.format)
        }
        if let divergence = result.report.divergence {
            text += TrainingRunner.divergenceMessage(
                divergence, notation: notation, format: state.format, data: training.data)
        }
        if result.report.interrupted {
            text += "interrupted after \(counted(result.report.updates, "update")); they are kept\n"
        }
        return text
    }
}
