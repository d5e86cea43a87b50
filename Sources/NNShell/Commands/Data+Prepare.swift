import NNEngine

/// `data split` and `data features`: how the chosen rows become what the network trains on.
extension Command {
    /// `data split test=F [seed=N]`, `data split off`, or `data split` alone to say what it is.
    static func split(
        _ rest: [Token], _ invocation: Invocation,
        _ state: inout SessionState
    ) throws(ShellError) -> String {
        let form = "data split test=F [seed=N] | data split off"
        if rest.isEmpty { return describeSplit(state) }
        if rest[0].text.lowercased() == "off" {
            try invocation.expectAtMost(2, form: form)
            var preparation = state.preparation
            preparation.split = nil
            let note = state.setPreparation(preparation)
            let rows = state.pendingData.map { ": training uses all \(counted($0.count, "row"))" } ?? ""
            return "no test set\(rows)\n" + (note.map { $0 + "\n" } ?? "")
        }
        let options = try Arguments.options(rest, allowed: ["test", "seed"], command: "data split")
        guard let testToken = options["test"] else {
            throw ShellError.at(
                rest[0],
                "'data split' needs test=F, the share of rows to hold out (like test=0.3), "
                    + "or off; usage: \(form)")
        }
        let fraction = try Arguments.number(testToken, "test=")
        guard fraction > 0, fraction < 1 else {
            throw ShellError.at(
                testToken,
                "test= is the share of rows held out, between 0 and 1 (like 0.3), found \(testToken.text)")
        }
        let seed =
            try options["seed"].map { token throws(ShellError) in
                UInt64(try Arguments.integer(token, "seed=", in: 0...Int.max))
            }
            ?? state.settings.seed
        var preparation = state.preparation
        preparation.split = DataSplit(testFraction: fraction, seed: seed)
        let note = state.setPreparation(preparation)
        return describeSplit(state) + (note.map { $0 + "\n" } ?? "")
    }

    static func describeSplit(_ state: SessionState) -> String {
        guard let split = state.preparation.split else {
            return "no test set; 'data split test=0.3' holds out 30% of the rows\n"
        }
        let share = "test=\(state.format(split.testFraction)), seed=\(split.seed)"
        guard let data = state.pendingData, !data.isEmpty else {
            return "\(share): the test set will be that share of the data you choose\n"
        }
        let test = split.testCount(rows: data.count)
        return "held out \(test) of \(counted(data.count, "row")) as the test set (\(share));\n"
            + "training uses the other \(data.count - test)\n"
            + (test == 0 ? "(a split needs at least 2 rows)\n" : "")
    }

    /// `data features EXPR…` (replacing any before) or `data features none`.
    static func features(
        _ rest: [Token], _ invocation: Invocation,
        _ state: inout SessionState
    ) throws(ShellError) -> String {
        guard !rest.isEmpty else {
            let names = state.preparation.features.map(\.name)
            return names.isEmpty
                ? "no computed inputs; try 'data features x1^2 x2^2 x1*x2'\n"
                : "computed inputs: \(names.joined(separator: ", "))\n"
        }
        var crosses: [FeatureCross] = []
        if rest.count == 1, rest[0].text.lowercased() == "none" {
            crosses = []
        } else {
            let inputs = state.pendingData?.featureCount
            for token in rest {
                guard let cross = FeatureCross(token.text) else {
                    throw ShellError.at(
                        token,
                        "expected a computed input like x1^2, x1*x2, sin(x1) or cos(x1), "
                            + "found '\(token.text)'")
                }
                if let inputs, cross.inputsNeeded > inputs {
                    throw ShellError.at(
                        token,
                        "\(cross.name) needs input x\(cross.inputsNeeded), "
                            + "but the data has \(counted(inputs, "input"))")
                }
                guard !crosses.contains(cross) else { throw ShellError.at(token, "\(cross.name) is listed twice") }
                crosses.append(cross)
            }
        }
        var preparation = state.preparation
        preparation.features = crosses
        let note = state.setPreparation(preparation)
        let names = crosses.map(\.name).joined(separator: ", ")
        var lines = [crosses.isEmpty ? "no computed inputs" : "computed inputs: \(names)"]
        if state.pendingData == nil {
            if !crosses.isEmpty { lines.append("there is no data yet: they will be added to the data you choose next") }
        } else if let data = state.data {
            lines.append("the inputs are now \(data.featureNames.joined(separator: ", ")) (\(data.featureCount))")
        }
        if let note { lines.append(note) }
        return lines.joined(separator: "\n") + "\n"
    }
}
