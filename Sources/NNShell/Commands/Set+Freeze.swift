import NNEngine

extension Command {
    /// `set freeze PATTERN…` replaces the frozen set; `set freeze none` empties it.
    static func runFreeze(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        let patterns = Array(invocation.arguments.dropFirst())
        guard !patterns.isEmpty else {
            throw Command.set.usageError(
                invocation.arguments.first, "'set freeze' needs parameter names or patterns (b*, w2_*), or none",
                form: "set freeze")
        }
        var training = try state.requireTraining()
        var settings = training.settings
        if patterns.count == 1, patterns[0].text.lowercased() == "none" {
            settings.frozen = []
        } else {
            if let none = patterns.first(where: { $0.text.lowercased() == "none" }) {
                throw ShellError.at(none, "'none' empties the frozen set on its own: 'set freeze none'")
            }
            settings.frozen = try ParameterPattern.indices(patterns, in: training.network)
        }
        training.settings = settings
        state.training = training
        state.pendingSettings = settings
        return frozenSummary(training.network, settings.frozen, notation: invocation.notationFor(state)) + "\n"
    }

    /// "frozen: b₁₁, b₁₂ (2 of 9 parameters); …", or that nothing is frozen.
    static func frozenSummary(_ network: Network, _ frozen: [Int], notation: Notation) -> String {
        guard !frozen.isEmpty else { return "nothing frozen: every parameter moves with each update" }
        let shown = frozen.prefix(12).map { notation.parameter(network.parameter(at: $0)) }
        let more = frozen.count > shown.count ? ", …" : ""
        return
            "frozen: \(shown.joined(separator: ", "))\(more) (\(frozen.count) of \(network.parameterCount) parameters); "
            + "updates leave them as they are, and their gradients are still computed and shown"
    }
}
