import NNEngine

extension Command {
    static let predict = Command(
        name: "predict",
        usage: "predict next NAME V | predict next grad NAME V",
        summary: "guess one number of the next update, then see it; nothing changes",
        details: """
            Your guess V for one value of the next update, judged and then revealed. Nothing
            changes: the update is worked out on a copy. NAME is
              a parameter (w2_11, b1_2)   the value it will have after the next update
              a node (O2_1, z1_2), yhat   its value in the next update's forward pass
              loss                        the next update's loss (the batch's mean loss in batch modes)
              grad NAME                   that parameter's gradient in the next update
            The guess is right when the engine's value rounds to it at the precision typed:
            0.36 means 0.355 to 0.365, and 0.359 is a sharper claim.
            """,
        examples: ["predict next loss 3.2", "predict next w2_11 0.35", "predict next grad w1_21 0.0877"],
        subcommands: ["next"],
        complete: { previous, partial, state in
            guard previous.first == "next", previous.count <= 2 else { return previous.isEmpty ? ["next"] : [] }
            let names = state.training.map { parameterNames($0.network, prefix: partial) } ?? []
            return (previous.count == 1 ? ["loss", "yhat", "grad"] + names : names).filter { $0.hasPrefix(partial) }
        },
        run: runPredict
    )

    @Sendable static func runPredict(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String
    {
        let usage = "predict next NAME V"
        var args = invocation.arguments
        guard let next = args.first, next.text.lowercased() == "next" else {
            throw Command.predict.usageError(args.first, "'predict' is followed by 'next', then what and your guess")
        }
        args.removeFirst()
        let isGradient = args.first?.text.lowercased() == "grad"
        if isGradient { args.removeFirst() }
        guard args.count == 2 else {
            throw Command.predict.usageError(
                args.last ?? next,
                args.count < 2
                    ? "'predict next' needs what to predict and your guess"
                    : "too many words; \(usage)")
        }
        var copy = try state.requireTraining()
        let result = try TrainingRunner.run(
            .updates(1), total: nil, &copy, context: invocation.context, clock: invocation.context.clock)
        guard let record = copy.lastStep, result.report.divergence == nil else {
            throw ShellError.state("the next update cannot be worked out (it diverges, or recording is off)")
        }
        let notation = invocation.notationFor(state)
        let (what, value) = try predicted(
            args[0], gradient: isGradient, record: record, network: copy.network, notation: notation)
        let guess = args[1]
        // A quick guess is judged at the precision it was typed, however short (0.35 means 0.345…0.355).
        let verdict = AnswerJudge.judge(guess.text, expected: value, minimum: 1)
        if case .unreadable = verdict {
            throw ShellError.at(guess, "'\(guess.text)': " + AnswerJudge.describe(verdict))
        }
        let shown = state.format(value), full = NumberFormat.full(value)
        let reveal = "\(what) is \(shown)" + (full == shown ? "" : " (\(full))")
        let judged =
            verdict == .right
            ? "right: \(reveal)" : "not quite: you said \(guess.text) (\(AnswerJudge.describe(verdict)));\n\(reveal)"
        return judged + "\nnothing has changed; 'step' makes that update ('step --walk' shows how)\n"
    }

    /// What `name` means in the next update, and its value there.
    static func predicted(
        _ token: Token, gradient: Bool, record: StepRecord, network: Network,
        notation: Notation
    ) throws(ShellError) -> (String, Double) {
        let name = token.text
        let row = record.isSingleSample ? "" : " (row \(record.rows.last! + 1), the last of the batch)"
        if !gradient, name.lowercased() == "loss" {
            return (record.isSingleSample ? "the next update's loss" : "the next update's mean loss", record.loss)
        }
        if !gradient, name.lowercased() == "yhat" || name.lowercased() == "ŷ" {
            guard network.outputCount == 1 else {
                throw ShellError.at(
                    token, "this network has \(network.outputCount) outputs; name one, like O\(network.layerCount)_1")
            }
            return ("\(notation.prediction(1)) in the next forward pass\(row)", record.trace.prediction[0])
        }
        if !gradient, let first = name.first, "OoZz".contains(first), let node = NodeName(name: "O" + name.dropFirst())
        {
            guard node.layer <= network.layerCount, node.node <= network.sizes[node.layer] else {
                throw ShellError.at(token, "this network has no node '\(name)'")
            }
            let isZ = first == "z" || first == "Z"
            let value =
                isZ
                ? record.trace.z[node.layer - 1][node.node - 1] : record.trace.outputs[node.layer - 1][node.node - 1]
            let shown = isZ ? notation.z(node.layer, node.node) : notation.output(node.layer, node.node)
            return ("\(shown) in the next forward pass\(row)", value)
        }
        let parameter = try Arguments.parameter(token, in: network)
        let index = network.index(of: parameter)!
        if gradient {
            let d = notation.ascii ? "d" : "∂"
            return (
                "\(record.isSingleSample ? "\(d)L/\(d)\(notation.parameter(parameter))" : "G(\(notation.parameter(parameter)))") "
                    + "in the next update", record.gradient[index]
            )
        }
        return ("\(notation.parameter(parameter)) after the next update", record.parametersAfter[index])
    }
}
