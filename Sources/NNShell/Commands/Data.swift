import NNEngine

extension Command {
    /// The words after `data` other than data set names.
    static let dataActions = ["add", "clear", "show", "load", "normalize", "split", "features", "export"]

    static let data = Command(
        name: "data",
        usage: "data NAME [n=N] [noise=V] [seed=N] | data add X1 X2 … -> Y1 … | data clear | data show | "
            + "data load FILE.csv [target=COL,…] [sep=,|;|tab] | data normalize | data split test=F [seed=N] | data split off | "
            + "data features EXPR… | data features none | data export FILE.csv",
        summary: "choose, load, add to, show or standardise the training data",
        details: """
              data NAME        a built-in set: students (iq, gpa -> salary), placement (cgpa,
                               resume_score -> salary), and, or, xor, and the seeded generators
                               line, circles, moons, spiral, gauss, xorcloud (classes) and
                               plane, multigauss (regression): n= rows, noise= the standard
                               deviation of their noise, seed= seed
              data add X… -> Y…  appends one row
              data clear       removes every row
              data show        prints the rows
              data load FILE   reads a CSV file with a header row; the target is the last
                               column unless target= names columns (by name or number). A single
                               target column of class labels 0..K-1, for a network with K > 1
                               outputs, becomes K one-hot targets (e.g. the digits data).
                               Quoted fields (RFC 4180) are read; the separator (, ; or tab)
                               comes from the header line unless sep= names it. A target
                               column of words (setosa, versicolor, …) becomes classes.
              data normalize   standardises every feature: (x - mean) / std
              data split test=F  holds out a seeded share F of the rows as a test set that
                               training never reads; epoch prints its mean loss beside the
                               training loss. 'data split off' joins the rows again.
              data features EXPR…  adds computed inputs: xK^2, xJ*xK, sin(xK), cos(xK) over the
                               inputs x1, x2, …; 'data features none' removes them
              data export FILE.csv  writes the data, computed columns and the split included
            """,
        examples: [
            "data students", "data moons n=200 noise=0.2 seed=3", "data add 1 0 -> 1",
            "data load Benchmarks/data/digits.csv", "data split test=0.3", "data features x1^2 x2^2 x1*x2"
        ],
        subcommands: dataActions + BuiltinData.names,
        complete: { previous, partial, _ in
            if previous.isEmpty { return (dataActions + BuiltinData.names).filter { $0.hasPrefix(partial) } }
            if previous == ["load"] || previous == ["export"] { return completeFiles(partial) }
            if previous.first == "load" { return ["target=", "sep="].filter { $0.hasPrefix(partial) } }
            if previous.first == "split" { return ["test=", "seed=", "off"].filter { $0.hasPrefix(partial) } }
            if previous.first == "features" {
                return ["x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)", "cos(x1)", "cos(x2)", "none"].filter {
                    $0.hasPrefix(partial)
                }
            }
            if BuiltinData.generators.contains(previous[0]) {
                return ["n=", "noise=", "seed="].filter { $0.hasPrefix(partial) }
            }
            return []
        },
        run: runData
    )

    @Sendable static func runData(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        let args = invocation.arguments
        guard let first = args.first else {
            throw Command.data.usageError(nil, "'data' needs a data set name or \(dataActions.joined(separator: ", "))")
        }
        let rest = Array(args.dropFirst())
        switch first.text.lowercased() {
        case "show":
            try invocation.expectAtMost(1, args, form: "data show")
            return DataTable.render(state)
        case "clear":
            try invocation.expectAtMost(1, args, form: "data clear")
            guard var data = state.pendingData ?? state.data else { return "no data to clear\n" }
            let count = data.count
            data.removeAll()
            data.name = "your data"
            try state.setData(data)
            return "removed \(counted(count, "row"))\n"
        case "add":
            return try addRow(rest, &state)
        case "load":
            return try load(rest, invocation, &state)
        case "export":
            return try export(rest, invocation, state)
        case "split":
            return try split(rest, invocation, &state)
        case "features":
            return try features(rest, invocation, &state)
        case "normalize", "normalise", "standardize", "standardise":
            try invocation.expectAtMost(1, args, form: "data normalize")
            guard let data = state.pendingData ?? state.data, !data.isEmpty else {
                throw ShellError.state("no data to normalize; choose some first, like 'data students'")
            }
            let (scaled, means, stds) = data.standardized()
            if let bad = means.indices.first(where: { !means[$0].isFinite || !stds[$0].isFinite || !(stds[$0] > 0) }) {
                let what = means[bad].isFinite ? "spread (std) is \(stds[bad])" : "mean is \(means[bad])"
                throw ShellError.state(
                    "cannot normalize '\(data.featureNames[bad])': its \(what), not a finite number; the values are too large to standardise, so scale them down first"
                )
            }
            try state.setData(scaled)
            let columns = data.featureNames.indices.map {
                "\(data.featureNames[$0]): mean \(state.format(means[$0])), std \(state.format(stds[$0]))"
            }
            return "standardised each feature as (x - mean) / std\n" + columns.map { "  " + $0 }.joined(separator: "\n")
                + "\n"
        default:
            return try builtin(first, rest, &state)
        }
    }

    static func builtin(_ name: Token, _ rest: [Token], _ state: inout SessionState) throws(ShellError) -> String {
        guard BuiltinData.names.contains(name.text.lowercased()) else {
            let words = dataActions + BuiltinData.names
            let hint = didYouMean(name.text, among: words, otherwise: expected(oneOf: words))
            throw ShellError.at(name, "unknown data set '\(name.text)'" + hint)
        }
        let options = try Arguments.options(rest, allowed: ["n", "noise", "seed"], command: "data \(name.text)")
        let count = try options["n"].map { token throws(ShellError) in
            try Arguments.integer(token, "n=", in: 1...100_000)
        }
        let seed =
            try options["seed"].map { token throws(ShellError) in
                UInt64(try Arguments.integer(token, "seed=", in: 0...Int.max))
            }
            ?? state.settings.seed
        let noise = try options["noise"].map { token throws(ShellError) in
            let value = try Arguments.number(token, "noise=")
            guard value >= 0, value <= 10 else {
                throw ShellError.at(token, "noise= is a standard deviation from 0 to 10, found \(token.text)")
            }
            return value
        }
        guard let data = BuiltinData.make(name.text.lowercased(), seed: seed, count: count, noise: noise) else {
            throw ShellError.at(name, "cannot build '\(name.text)'")
        }
        try state.setData(data)
        return
            "data \(data.name): \(counted(data.count, "row")), \(data.featureNames.joined(separator: ", ")) -> \(data.targetNames.joined(separator: ", "))\n"
    }

    static func addRow(_ rest: [Token], _ state: inout SessionState) throws(ShellError) -> String {
        let usage = "data add X1 X2 … -> Y1 …"
        guard let arrow = rest.firstIndex(where: { $0.text == "->" || $0.text == "→" }) else {
            throw ShellError.syntax(
                "'data add' needs '->' between the inputs and the targets; usage: \(usage)", column: rest.last?.column)
        }
        var x: [Double] = [], y: [Double] = []
        for token in rest[..<arrow] { x.append(try Arguments.number(token, "an input")) }
        for token in rest[(arrow + 1)...] { y.append(try Arguments.number(token, "a target")) }
        guard !x.isEmpty, !y.isEmpty else {
            throw ShellError.syntax(
                "a row needs at least one input and one target; usage: \(usage)", column: rest[arrow].column)
        }
        // A single class label for a network with several outputs becomes one-hot when the data is fitted.
        let isLabel = y.count == 1 && y[0] == y[0].rounded() && y[0] >= 0
        // Computed inputs (`data features`) widen the row the network sees.
        let width = x.count + state.preparation.features.filter { $0.inputsNeeded <= x.count }.count
        if let network = state.training?.network,
            network.inputCount != width
                || (network.outputCount != y.count
                    && !(isLabel && network.outputCount > 1 && state.pendingData.map { $0.targetCount == 1 } ?? true))
        {
            let computed = width == x.count ? "" : " (\(width) with the computed inputs)"
            throw ShellError.syntax(
                "the row has \(x.count) input\(x.count == 1 ? "" : "s")\(computed) -> \(y.count) target\(y.count == 1 ? "" : "s"), but the \(network.sizes.map(String.init).joined(separator: "-")) network takes \(network.inputCount) -> \(network.outputCount)",
                column: rest.first?.column)
        }
        var data = state.pendingData ?? .empty(features: x.count, targets: y.count)
        var note = ""
        if data.isEmpty, data.featureCount != x.count || data.targetCount != y.count {
            data = .empty(features: x.count, targets: y.count)
        } else if state.training != nil, data.featureCount != x.count || data.targetCount != y.count {
            // The row fits the network (checked above) but not data kept from before: it starts new data.
            note =
                "; \(data.name == "your data" ? "your earlier rows" : "the \(data.name) data") did not fit this network, "
                + "so this row starts new data"
            data = .empty(features: x.count, targets: y.count)
        }
        guard data.featureCount == x.count, data.targetCount == y.count else {
            throw ShellError.syntax(
                "this data has \(counted(data.featureCount, "input")) -> \(counted(data.targetCount, "target")) (\(data.featureNames.joined(separator: ", ")) -> \(data.targetNames.joined(separator: ", "))), but the row has \(x.count) -> \(y.count)",
                column: rest.first?.column)
        }
        data.append(features: x, targets: y)
        try state.setData(data)
        return "row \(data.count) added; \(counted(data.count, "row")) in all\(note)\n"
    }
}
