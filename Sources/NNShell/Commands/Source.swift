/// `source FILE`: runs a script's commands in this session, as `.read` does in sqlite3.
extension Command {
    static let source = Command(
        name: "source",
        usage: "source FILE",
        summary: "run the commands in FILE in this session",
        details: """
            Runs each command of FILE in order, echoing it after '> ', as 'nnstep --script' \
            does. '#' starts a comment and a line ending in '\\' goes on on the next. The \
            first command that fails stops it with FILE:LINE:COL and the message, and then \
            nothing of FILE is kept: the session is as it was before 'source'. 'quit' in FILE \
            ends FILE, not nnstep.
            """,
        examples: ["source setup.nn"],
        complete: { previous, partial, _ in previous.isEmpty ? completeFiles(partial) : [] },
        run: runSource
    )

    /// How deep files may source each other before it is taken for a loop.
    static let sourceDepthLimit = 16

    @Sendable static func runSource(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String
    {
        guard let file = invocation.arguments.first else {
            throw ShellError.syntax("'source' needs a file of commands; usage: source FILE", column: nil)
        }
        try invocation.expectAtMost(1)
        let path = invocation.context.resolve(file.text)
        let text: String
        do { text = try FileAccess.readText(path, shown: file.text, kind: .script) } catch {
            throw ShellError.at(file, error.message)
        }
        let key = System.realPath(path) ?? path
        var context = invocation.context
        if context.sourcing.contains(key) || context.sourcing.count >= sourceDepthLimit {
            throw ShellError.at(
                file,
                "'\(file.text)' is already being sourced; a file cannot source itself, "
                    + "directly or through another file")
        }
        context.sourcing.append(key)
        var output = ""
        for line in ScriptLine.lines(of: text) where !Token.withoutComment(line.text).allSatisfy(\.isWhitespace) {
            let words = (try? Token.split(line.text)) ?? []
            if let first = words.first, Command.named(first.text)?.name == "quit" { break }
            output += "> \(line.text)\n"
            do {
                output += try LessonPlayer.execute(line.text, &state, context)
            } catch {
                let (row, column) = line.location(error.column)
                throw ShellError.at(file, "\(file.text):\(row):\(column): \(error.message)")
            }
        }
        return output
    }
}
