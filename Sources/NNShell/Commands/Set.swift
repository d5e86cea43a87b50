import NNEngine

extension Command {
    static let set = Command(
        name: "set",
        usage: "set lr V | set NAME V | set mode sgd|batch|minibatch | set batch N | set order sequential|random"
            + " | set seed N | set digits N [fixed] | set freeze PATTERN…|none | set l1 V | set l2 V"
            + " | set optimizer sgd|momentum|rmsprop|adam | set momentum|alpha|beta1|beta2|eps V"
            + " | set predict on|off | set recording on|off | set recording budget N",
        summary: "change η, one parameter, the training mode or the display",
        details: """
              set lr V         the learning rate η (default 0.1)
              set NAME V       one parameter by its ASCII name: set w1_21 0.2, set b2_1 0.6
              set mode M       sgd (one row per update, the default), batch (every row),
                               minibatch (the next 'batch' rows)
              set batch N      rows per mini-batch (default 32); powers of two are customary
              set order O      sequential (file order, wrapping around; the default) or random
                               (a new seeded shuffle every pass)
              set seed N       the seed for random row order
              set digits N     decimals shown on screen (default 4); inspect and JSON keep all
              set digits N fixed   exactly N decimals, trailing zeros kept, decimal points aligned
              set predict on|off   with on, 'step --walk' asks for each number before showing it
              set freeze P…    parameters that updates leave as they are, by name or pattern
                               (b*, w2_*); their gradients are still shown. set freeze none
              set l2 V, set l1 V   add λ·½·Σw² or λ·Σ|w| over the weights to each update's loss
              set optimizer O  sgd (the default), momentum, rmsprop or adam; with set momentum μ
                               (0.9), set alpha α (0.99), set beta1 β₁ (0.9), set beta2 β₂ (0.999),
                               set eps ε (1e-8)
              set recording on|off   off keeps no undo window and no history (for measuring
                               what recording costs); on is the default
              set recording budget N   the most memory, in MB, undo checkpoints and plot records
                               keep (default 64); a large network keeps fewer checkpoints
            """,
        examples: ["set lr 0.01", "set w1_21 0.2", "set mode minibatch", "set batch 2"],
        subcommands: setSubjects,
        complete: { previous, partial, state in
            switch previous.first {
            case nil:
                let names = state.training.map { parameterNames($0.network, prefix: partial) } ?? []
                return (setSubjects + names).filter { $0.hasPrefix(partial) }
            case "mode": return TrainingSettings.Mode.allCases.map(\.rawValue).filter { $0.hasPrefix(partial) }
            case "order": return TrainingSettings.Order.allCases.map(\.rawValue).filter { $0.hasPrefix(partial) }
            case "recording": return ["on", "off", "budget"].filter { $0.hasPrefix(partial) }
            case "predict": return ["on", "off"].filter { $0.hasPrefix(partial) }
            case "optimizer": return Optimizer.allCases.map(\.rawValue).filter { $0.hasPrefix(partial) }
            case "freeze":
                return
                    (["none", "b*", "w*"] + (state.training.map { parameterNames($0.network, prefix: partial) } ?? []))
                    .filter { $0.hasPrefix(partial) }
            default: return []
            }
        },
        run: runSet
    )

    static let setSubjects = [
        "lr", "mode", "batch", "order", "seed", "digits", "predict", "recording", "freeze", "optimizer",
        "l2", "l1", "momentum", "alpha", "beta1", "beta2", "eps"
    ]

    @Sendable static func runSet(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        let args = invocation.arguments
        guard let what = args.first else { throw Command.set.usageError(nil, "'set' needs what to set and a value") }
        if what.text.lowercased() == "freeze" { return try runFreeze(invocation, &state) }
        guard args.count >= 2 else {
            let form = Parameter(name: what.text) == nil ? "set \(what.text.lowercased())" : "set NAME"
            throw Command.set.usageError(what, "'set \(what.text)' needs a value", form: form)
        }
        if what.text.lowercased() == "digits" { return try setDigits(args, &state) }
        if what.text.lowercased() == "recording", args[1].text.lowercased().hasPrefix("budget") {
            return try runRecordingBudget(Array(args.dropFirst()), &state)
        }
        try Arguments.expectAtMost(2, args, usage: "set \(what.text) V")
        let value = args[1]
        if let text = try runHyperParameter(what, value, &state) { return text }
        var settings = state.settings
        switch what.text.lowercased() {
        case "optimizer", "optimiser":
            return try runOptimizer(value, &state, ascii: invocation.notationFor(state).ascii)
        case "lr", "eta", "learning_rate":
            let rate = try Arguments.number(value, "the learning rate")
            guard Spec.isValidLearningRate(rate) else {
                throw ShellError.at(value, "the learning rate must be positive, like 0.1, found \(value.text)")
            }
            settings.learningRate = rate
            state.settings = settings
            return "learning rate η = \(NumberFormat.full(rate))\n"
        case "mode":
            guard let mode = TrainingSettings.Mode(rawValue: value.text.lowercased()) else {
                throw ShellError.at(value, "unknown mode '\(value.text)'; expected sgd, batch or minibatch")
            }
            settings.mode = mode
            state.settings = settings
            return "mode \(mode.rawValue): \(describe(mode, batch: settings.batchSize))\n"
        case "batch":
            settings.batchSize = try Arguments.integer(value, "the batch size", in: Spec.batchSizes)
            state.settings = settings
            let note = settings.mode == .minibatch ? "" : " (used in minibatch mode; 'set mode minibatch' to use it)"
            return "batch size \(settings.batchSize)\(note)\n"
        case "order":
            guard let order = TrainingSettings.Order(rawValue: value.text.lowercased()) else {
                throw ShellError.at(value, "unknown order '\(value.text)'; expected sequential or random")
            }
            settings.order = order
            state.settings = settings
            return "order \(order.rawValue)\n"
        case "seed":
            settings.seed = UInt64(try Arguments.integer(value, "the seed", in: Spec.seeds))
            state.settings = settings
            return "seed \(settings.seed)\n"
        case "predict":
            guard ["on", "off"].contains(value.text.lowercased()) else {
                throw ShellError.at(value, "expected on or off for predict, found '\(value.text)'")
            }
            state.predict = value.text.lowercased() == "on"
            return state.predict
                ? "predict on: 'step --walk' asks for each number before it shows it\n"
                : "predict off: 'step --walk' shows each number without asking\n"
        case "recording":
            guard ["on", "off"].contains(value.text.lowercased()) else {
                throw ShellError.at(value, "expected on or off for recording, found '\(value.text)'")
            }
            var training = try state.requireTraining()
            training.recording = value.text.lowercased() == "on"
            state.training = training
            return training.recording
                ? "recording on: undo, inspect history and plots follow every update\n"
                : "recording off: no undo window and no history until 'set recording on'\n"
        default:
            var training = try state.requireTraining()
            let parameter = try Arguments.parameter(what, in: training.network)
            let number = try Arguments.number(value, parameter.asciiName)
            let index = training.network.index(of: parameter)!
            let old = training.network.parameters[index]
            training.setParameter(at: index, to: number)
            state.training = training
            let notation = invocation.notationFor(state)
            return "\(notation.parameter(parameter)) = \(state.format(number))   (was \(state.format(old)))\n"
        }
    }

    /// `set digits N` (up to N decimals, trailing zeros dropped) or `set digits N fixed`.
    static func setDigits(_ args: [Token], _ state: inout SessionState) throws(ShellError) -> String {
        try Arguments.expectAtMost(3, args, usage: "set digits N [fixed]")
        let digits = try Arguments.integer(args[1], "digits", in: 0...17)
        let fixed = args.count == 3
        if fixed, args[2].text.lowercased() != "fixed" {
            throw ShellError.at(args[2], "expected 'fixed' or nothing after the digits, found '\(args[2].text)'")
        }
        state.format = NumberFormat(digits: digits, fixed: fixed)
        return fixed
            ? "numbers are shown with exactly \(digits) decimals, trailing zeros kept\n"
            : "numbers are shown with up to \(digits) decimals\n"
    }

    static func describe(_ mode: TrainingSettings.Mode, batch: Int) -> String {
        switch mode {
        case .sgd: return "each update uses one row"
        case .batch: return "each update uses the mean gradient over every row"
        case .minibatch: return "each update uses the mean gradient over the next \(batch) rows"
        }
    }
}
