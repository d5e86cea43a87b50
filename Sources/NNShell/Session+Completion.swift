extension Session {
    /// Candidates for the last word of `line` (the text before the cursor): command names
    /// first, then whatever the command offers (sub-commands, options, parameter names of
    /// the current network, data set names, file paths).
    public func complete(_ line: String) -> [String] {
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let partial = line.hasSuffix(" ") || line.isEmpty ? "" : (words.popLast() ?? "")
        guard let name = words.first else {
            return Command.all.map(\.name).filter { $0.hasPrefix(partial.lowercased()) }
        }
        guard let command = Command.named(name) else { return [] }
        return command.complete(Array(words.dropFirst()), partial, state)
    }
}
