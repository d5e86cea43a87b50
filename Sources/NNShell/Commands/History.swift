/// `history [N]`: the lines typed at the prompt, numbered as a Unix shell numbers them.
extension Command {
    static let history = Command(
        name: "history",
        usage: "history [N]",
        summary: "the lines you typed, or the last N of them",
        details: """
            Lists the lines typed in this session, oldest first, each with its number. With \
            N, only the last N. Up and Down at the prompt bring earlier lines back, and Ctrl-R \
            searches them.
            """,
        examples: ["history", "history 5"],
        run: { invocation, _ throws(ShellError) in
            try invocation.expectAtMost(1)
            let lines = invocation.context.typedLines
            var count = lines.count
            if let token = invocation.arguments.first {
                count = min(count, try Arguments.integer(token, "the number of lines", in: 1...1_000_000))
            }
            guard !lines.isEmpty else { return "(nothing typed yet)\n" }
            let width = String(lines.count).count
            return lines.enumerated().suffix(count).map { index, line in
                String(repeating: " ", count: width - String(index + 1).count + 2) + "\(index + 1)  \(line)"
            }.joined(separator: "\n") + "\n"
        }
    )
}
