import NNEngine

extension Command {
    static let undo = Command(
        name: "undo",
        usage: "undo [N]",
        summary: "take back the last N updates (default 1), bit for bit",
        details: """
            Restores every parameter exactly as it was before the last N updates, the optimiser's
            state and the row the next update will read. About the last 2000 updates can be taken
            back; a large network keeps fewer, within the recording budget ('set recording budget
            N', 64 MB by default), and undo says how far back it can go.
            """,
        examples: ["undo", "undo 5"],
        run: runUndo
    )

    static let reset = Command(
        name: "reset",
        usage: "reset",
        summary: "go back to the parameters the network started with",
        details: "Restores the starting parameters, sets the update count to 0 and starts the data from its first row.",
        examples: ["reset"],
        run: runReset
    )

    @Sendable static func runUndo(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        try invocation.expectAtMost(1)
        let count =
            try invocation.arguments.first.map { token throws(ShellError) in
                try Arguments.integer(token, "the number of updates to undo", in: 1...Int.max)
            } ?? 1
        var training = try state.requireTraining()
        let notation = invocation.notationFor(state)
        // A change by hand since the last update is its own step: it is taken back first.
        var lines: [String] = []
        var remaining = count
        while remaining > 0, let edit = training.undoHandEdit() {
            let name = notation.parameter(training.network.parameter(at: edit.index))
            lines.append(
                "took back setting \(name) by hand: \(state.format(edit.after)) \(notation.arrow) \(state.format(edit.before))"
            )
            remaining -= 1
        }
        if remaining == 0 || (!lines.isEmpty && training.undoableCount == 0) {
            state.training = training
            return lines.joined(separator: "\n") + "\n"
        }
        guard training.undoableCount > 0 else {
            if training.updateCount == 0 { throw ShellError.state("nothing to undo: no update has been made") }
            let reach = training.undoReach
            throw ShellError.state(
                reach.limitedByBudget
                    ? "nothing more to undo: with the recording budget of \(megabytes(reach.budget)), \(reachText(reach)); "
                        + "'set recording budget N' (in MB) keeps more"
                    : "nothing more to undo: the undo window keeps only the most recent updates")
        }
        let before = training.network.parameters
        let undone = training.undo(remaining)
        state.training = training
        lines.append("took back \(undone) update\(undone == 1 ? "" : "s"); now at update \(training.updateCount)")
        if undone < remaining, training.updateCount == 0 {
            lines.append(
                "(there were only \(undone) update\(undone == 1 ? "" : "s"); this is where the network started)")
        } else if undone < remaining {
            let reach = training.undoReach
            lines.append(
                reach.limitedByBudget
                    ? "(only \(undone) could be taken back: with the recording budget of \(megabytes(reach.budget)), \(reachText(reach)); "
                        + "'set recording budget N' keeps more)"
                    : "(only \(undone) could be taken back; the undo window keeps the most recent updates)")
        }
        var table = TextTable(header: ["param", "was", "now"])
        for i in 0..<min(training.network.parameterCount, UpdateReport.tableLimit)
        where before[i] != training.network.parameters[i] {
            table.rows.append([
                notation.parameter(training.network.parameter(at: i)), state.format(before[i]),
                state.format(training.network.parameters[i])
            ])
        }
        if !table.rows.isEmpty { lines.append(String(table.render().dropLast())) }
        return lines.joined(separator: "\n") + "\n"
    }

    @Sendable static func runReset(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        try invocation.expectAtMost(0)
        var training = try state.requireTraining()
        training.reset()
        state.training = training
        state.lastRun = nil
        return "back to the starting parameters; update count 0, next row 1\n"
    }
}
