import ArgumentParser
import CEditLine
import Glibc
import NNShell

/// `nnstep`: the shell on a terminal, a script runner on a pipe, a checker with `--check`.
@main
struct NNStep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnstep",
        abstract: "An interactive shell that teaches neural networks one step at a time.",
        discussion: """
            With no options nnstep greets you and offers the lessons; type 'help' at the prompt.

            When standard input is not a terminal, nnstep runs it as a script, as with '--script -'.

            The NO_COLOR environment variable turns colour off, as '--no-color' does.
            """,
        version: "nnstep \(Version.number)"
    )

    @Option(help: ArgumentHelp(
        "Run the commands in FILE without prompts, echoing each one, then exit ('-' reads standard input).",
        valueName: "FILE"))
    var script: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Check lesson or script files and report every error as FILE:LINE:COL: message.",
        valueName: "FILE"))
    var check: [String] = []

    @Flag(help: "Print ASCII names (w2_11) instead of Unicode (w²₁₁).")
    var ascii = false

    @Flag(help: "Print no colour.")
    var noColor = false

    @Flag(help: "In a script, continue after a failing command (the exit status is still 1).")
    var keepGoing = false

    @Argument(help: ArgumentHelp("A lesson to open in the shell.", valueName: "LESSON"))
    var lesson: String?

    func validate() throws {
        if script != nil && !check.isEmpty {
            throw ValidationError("Use either '--script' or '--check', not both.")
        }
        if let lesson, !check.isEmpty {
            throw ValidationError("Unexpected argument '\(lesson)'. To check it, list it after '--check'.")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let status: Int32
        if !check.isEmpty {
            status = runChecks()
        } else if let script {
            status = runScript(script)
        } else if !Terminal.isTTY(STDIN_FILENO) {
            status = runScript("-")
        } else {
            status = runShell()
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// `--check`: every problem on standard error; 1 if there was any.
    private func runChecks() -> Int32 {
        var messages: [String] = []
        for path in check {
            do throws(CannotRead) {
                _ = try TextFile.read(path)
                messages += LessonChecker.check(path: path)
            } catch {
                messages.append(error.message)
            }
        }
        messages.forEach(Terminal.report)
        return messages.isEmpty ? 0 : 1
    }

    /// `--script FILE`, or piped input: echo and run each command, stop at the first error.
    private func runScript(_ path: String) -> Int32 {
        let source: String
        do throws(CannotRead) {
            source = try TextFile.read(path)
        } catch {
            Terminal.report(error.message)
            return 1
        }
        let session = Session(options: sessionOptions(interactive: false))
        if let lesson {
            let reply = session.execute("load \(lesson)")
            Terminal.write(reply.output)
            if let error = reply.error {
                Terminal.report(error)
                return 1
            }
        }
        return ScriptRunner.run(
            source: source, fileName: path == "-" ? "<stdin>" : path, session: session,
            keepGoing: keepGoing, output: Terminal.write, errorOutput: Terminal.writeError)
    }

    /// The shell: libedit when both ends are terminals, plain lines when output is redirected.
    private func runShell() -> Int32 {
        let onTerminal = Terminal.isTTY(STDOUT_FILENO)
        let session = Session(options: sessionOptions(interactive: onTerminal))
        var reader: any LineReader = PlainLineReader()
        if onTerminal {
            nnedit_install_interrupt_handler()
            session.interruptCheck = { take_interrupt() != 0 }
            session.progressSink = { Terminal.writeError($0) }
            completionSession = session
            let historyPath = HistoryFile.defaultPath(environment: Environment.current)
            if let editor = EditLineReader(historyPath: historyPath) { reader = editor }
            Terminal.write(session.greeting)
        }
        var repl = REPL(session: session, reader: reader)
        if let lesson { repl.execute("load \(lesson)") }
        return repl.run()
    }

    /// Rendering options from the flags, the environment and the terminal.
    ///
    /// Colour needs a terminal, no `--no-color`, an empty `NO_COLOR` and a TERM other
    /// than `dumb`. The width is the terminal's, or 80 (so piped output is the same everywhere).
    private func sessionOptions(interactive: Bool) -> SessionOptions {
        let environment = Environment.current
        let onTerminal = Terminal.isTTY(STDOUT_FILENO)
        var options = SessionOptions()
        options.interactive = interactive
        options.ascii = ascii || (onTerminal && Terminal.localeLacksUTF8(environment))
        options.color = onTerminal && !noColor && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb"
        options.width = onTerminal ? (Terminal.columns() ?? 80) : 80
        if interactive, let history = HistoryFile.defaultPath(environment: environment) {
            options.stateDirectory = Environment.parent(of: history)
        }
        return options
    }
}
