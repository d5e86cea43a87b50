import NNEngine

extension Command {
    static let export = Command(
        name: "export",
        usage: "export json [PATH]",
        summary: "write the whole state as JSON, to PATH or the screen",
        details: """
            Writes the network, learning rate, mode, update count, every parameter, the last
            update (its sample, outputs, loss and gradients) and the last run, with every number
            at full precision. A file is written to a temporary name and then renamed, so an
            existing file is never left half-written.
            """,
        examples: ["export json", "export json state.json"],
        subcommands: ["json"],
        complete: { previous, partial, _ in
            previous.isEmpty ? ["json"].filter { $0.hasPrefix(partial) } : completeFiles(partial)
        },
        run: runExport
    )

    static let importCommand = Command(
        name: "import",
        usage: "import json PATH",
        summary: "build the network and set every parameter from a JSON file",
        details: """
            Reads a file written by 'export json' (a file with only 'network' and 'parameters'
            is enough), builds that network and sets every parameter. The learning rate, mode,
            batch size, order and seed are read too when present. The data is kept if it fits.
            """,
        examples: ["import json Benchmarks/data/digits_net.json"],
        subcommands: ["json"],
        complete: { previous, partial, _ in
            previous.isEmpty ? ["json"].filter { $0.hasPrefix(partial) } : completeFiles(partial)
        },
        run: runImport
    )

    @Sendable static func runExport(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String
    {
        let args = invocation.arguments
        guard let format = args.first, format.text.lowercased() == "json" else {
            throw Command.export.usageError(
                args.first,
                args.first.map { "cannot export as '\($0.text)'; expected 'json'" } ?? "'export' needs a format: json")
        }
        try invocation.expectAtMost(2, args)
        let training = try state.requireTraining()
        let text = JSONState.export(state, training: training)
        guard args.count == 2 else { return text }
        return try FileAccess.save(text, to: invocation.context.resolve(args[1].text), shown: args[1].text)
    }

    @Sendable static func runImport(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String
    {
        let args = invocation.arguments
        guard let format = args.first, format.text.lowercased() == "json" else {
            throw Command.importCommand.usageError(
                args.first,
                args.first.map { "cannot import '\($0.text)'; expected 'json'" } ?? "'import' needs a format: json")
        }
        guard args.count >= 2 else { throw Command.importCommand.usageError(nil, "'import json' needs a file") }
        try invocation.expectAtMost(2, args)
        let text = try FileAccess.readText(invocation.context.resolve(args[1].text), shown: args[1].text, kind: .json)
        let imported = try JSONImport.parse(text, shown: args[1].text, settings: state.settings)
        let network = imported.network
        let fitted = state.fittedPendingData(for: network)
        var training = Training(
            network: network, data: fitted?.train ?? .empty(features: network.inputCount, targets: network.outputCount),
            settings: imported.settings)
        if let fitted, let test = fitted.test { training.replaceData(fitted.train, test: test) }
        if let optimizerState = imported.optimizerState { training.restoreOptimizerState(optimizerState) }
        state.training = training
        state.pendingSettings = imported.settings
        state.initName = "imported"
        state.lastRun = nil
        var lines = ["imported \(describe(network)) with \(network.parameterCount) parameters from \(args[1].text)"]
        if let raw = state.pendingData, !raw.isEmpty {
            lines.append(
                fitted != nil
                    ? "data: \(raw.name), \(counted(raw.count, "row"))"
                    : "the \(raw.name) data does not fit this network; load data that does with 'data'")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
