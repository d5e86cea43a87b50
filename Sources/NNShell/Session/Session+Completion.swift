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
        let offered = command.complete(Array(words.dropFirst()), partial, state)
        // The declared sub-commands come first after the name, whatever `complete` adds.
        guard words.count == 1 else { return offered }
        let declared = command.subcommands.filter { $0.hasPrefix(partial) }
        return declared + offered.filter { !declared.contains($0) }
    }
}
