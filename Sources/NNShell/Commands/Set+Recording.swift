import NNEngine

extension Command {
    /// `set recording budget N` (or `budget=N`): N MB for undo checkpoints and plot records.
    static func runRecordingBudget(_ args: [Token], _ state: inout SessionState) throws(ShellError) -> String {
        var words = args
        if let equals = words[0].text.firstIndex(of: "=") {
            let value = String(words[0].text[words[0].text.index(after: equals)...])
            words = [Token("budget", column: words[0].column), Token(value, column: words[0].column + 7)]
        }
        guard words.count >= 2 else {
            throw ShellError.at(words[0], "'set recording budget' needs a size in MB, like 'set recording budget 64'")
        }
        try Arguments.expectAtMost(2, words, usage: "set recording budget N")
        let megabytes = try Arguments.integer(words[1], "the recording budget in MB", in: 1...1_000_000)
        let budget = megabytes << 20
        state.recordingBudget = budget
        state.training?.recordingBudget = budget
        var text = "recording budget \(megabytes) MB for undo checkpoints and plot records"
        if let training = state.training { text += "; " + reachText(training.undoReach) }
        return text + "\n"
    }

    /// "undo can reach about 1792 updates back in this network (7 checkpoints of 8.0 MB)".
    static func reachText(_ reach: UndoReach) -> String {
        let size = megabytes(reach.checkpointBytes)
        guard reach.updatesTheBudgetKeeps > 0 else {
            return "one checkpoint of this network takes \(size), more than the budget allows, so undo is off"
        }
        let count = reach.checkpoints
        return "undo can reach about \(reach.updatesTheBudgetKeeps) updates back in this network "
            + "(\(count) checkpoint\(count == 1 ? "" : "s") of \(size))"
    }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / Double(1 << 20)
        return mb >= 10
            ? "\(Int(mb.rounded())) MB" : mb >= 0.1 ? "\((mb * 10).rounded() / 10) MB" : "\(max(1, bytes >> 10)) KB"
    }
}
