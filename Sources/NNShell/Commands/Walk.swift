import NNEngine

extension Command {
    static let walk = Command(
        name: "walk",
        usage: "walk [--predict]   (the same as: step --walk [--predict])",
        summary: "one update, one sub-step at a time, in the order the maths happens",
        details: """
            Walks one update number by number: the sample (or the batch), each layer's nodes
            forward (the weighted sum with its numbers, z, the activation, O), the loss, each δ
            backward from the output layer, each gradient as δ times its input (reusing the δ
            already shown: the memoization), and each parameter's move, before -> after.
            At a terminal Enter shows the next sub-step, c finishes the update without pausing
            and q abandons it, leaving the network as it was. In a script every sub-step is
            printed, numbered [K/N], and the state afterwards is exactly that of 'step'.
            With --predict (or 'set predict on') you type each number before it is shown; it is
            right when the engine's value rounds to what you typed (at least 3 significant
            digits), and a score follows the update.
            """,
        examples: ["walk", "step --walk", "step --walk --predict"],
        subcommands: ["--predict"],
        complete: { _, partial, _ in ["--predict"].filter { $0.hasPrefix(partial) } },
        run: runWalk
    )

    @Sendable static func runWalk(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        var predict = state.predict
        for token in invocation.arguments {
            switch token.text.lowercased() {
            case "--walk": continue
            case "--predict": predict = true
            default: throw Command.walk.usageError(token, "unexpected '\(token.text)'")
            }
        }
        var after = try state.requireTraining()
        let before = after.network
        let result = try TrainingRunner.run(
            .updates(1), total: nil, &after, context: invocation.context,
            clock: invocation.context.clock)
        let notation = invocation.notationFor(state)
        if let divergence = result.report.divergence {
            return TrainingRunner.divergenceMessage(
                divergence, notation: notation, format: state.format, data: after.data)
        }
        guard let record = after.lastStep, result.report.updates == 1 else {
            throw ShellError.state("the walk needs the update's record; turn recording on first ('set recording on')")
        }
        var network = before
        network.parameters = record.parametersBefore
        let steps = WalkPlan.build(
            network: network, record: record, data: after.data, notation: notation, format: state.format)
        let run = LastRun(command: invocation.line.trimmed, updates: 1, seconds: result.seconds)
        var walk = WalkSession(steps: steps, after: after, lastRun: run, predicting: predict, format: state.format)
        // A lesson that runs the walk itself shows it whole; one the learner types pauses.
        let lessonRunsIt = state.lesson?.isActive == true && state.lesson?.forwarding != true
        guard (invocation.context.interactive || predict) && !lessonRunsIt else {
            let text = walk.showRest()
            walk.commit(&state)
            return text + walk.closing
        }
        let text =
            "walking update \(record.update) in \(counted(steps.count, "sub-step")): "
            + (predict
                ? "type your prediction\nfor each number (Enter shows it unjudged), " : "Enter shows the next, ")
            + "c finishes the update, q abandons it\n"
        let first = walk.start()
        state.walk = walk
        return text + first
    }
}
