import CEditLine
import NNShell

/// The read-eval-print loop: read a line, let the session execute it, print the reply.
///
/// Shaped like lua.c's loop. All terminal work is in the `LineReader`; all meaning is
/// in the `Session`. Output goes to standard output, error messages to standard error.
struct REPL {
    /// The prompt of a line that continues the one before (which ended in `\`).
    static let continuationPrompt = "...> "

    let session: Session
    var reader: any LineReader

    /// Runs until `quit` or the end of input and returns the exit status (always 0:
    /// mistakes typed at a prompt are not failures of the program).
    mutating func run() -> Int32 {
        while true {
            switch readCommand() {
            case .end:
                return 0
            case .interrupted:
                continue
            case .line(let line):
                session.recordTyped(line)
                let reply = session.execute(line)
                LiveView.restore()
                show(reply)
                if reply.quit { return 0 }
            }
        }
    }

    /// One command: a line, and the lines that continue it while each ends in `\`.
    /// Ctrl-C abandons all of it; the end of input in the middle drops the unfinished part.
    private mutating func readCommand() -> LineEvent {
        var prompt = session.prompt
        var text = ""
        while true {
            let event = reader.readLine(prompt: prompt)
            guard case .line(let line) = event else { return event }
            guard Token.continues(line) else { return .line(text + line) }
            text += Token.joiningNext(line)
            prompt = Self.continuationPrompt
        }
    }

    /// Executes `line` as if typed (the lesson given on the command line is loaded so).
    func execute(_ line: String) {
        show(session.execute(line))
    }

    /// Prints the reply's output, ending it with a newline so the next prompt starts a
    /// line, and its error message on standard error.
    private func show(_ reply: Reply) {
        if !reply.output.isEmpty {
            Terminal.write(reply.output.hasSuffix("\n") ? reply.output : reply.output + "\n")
        }
        if let failure = reply.failure {
            // Red "error:" only where colour is allowed (a terminal, no NO_COLOR, no --no-color).
            Terminal.report(failure.rendered(color: session.options.color))
        }
    }
}
