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
        usage: """
            nnstep [options] [<lesson>]
              nnstep --script <file> [--keep-going] [-i] [options]
              nnstep --check <file> ...
            """,
        discussion: """
            With no options nnstep greets you and offers the lessons; type 'help' at the prompt.

            When standard input is not a terminal, nnstep runs it as a script, as with '--script -'.

            The NO_COLOR environment variable turns colour off, as '--no-color' does.
            """,
        version: "nnstep \(Version.number)"
    )

    @Option(
        help: ArgumentHelp(
            "Run the commands in FILE without prompts, echoing each one, then exit ('-' reads standard input).",
            valueName: "FILE"))
    var script: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Check lesson or script files and report every error as FILE:LINE:COL: message.",
            valueName: "FILE"))
    var check: [String] = []

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Play LESSON with the learner inputs in ANSWERS (one a line, an empty line is Enter) and report each question; "
                + "with EXPECTED, compare the transcript with it. Exit status 1 if a question was not answered right or it differs.",
            valueName: "LESSON ANSWERS [EXPECTED]"))
    var test: [String] = []

    @Flag(help: "Print only ASCII: w2_11 for the weight with a superscript 2 and subscript 11, eta, d, -> and so on.")
    var ascii = false

    @Flag(help: "Print no colour.")
    var noColor = false

    @Flag(help: "In a script, continue after a failing command (the exit status is still 1).")
    var keepGoing = false

    @Option(
        name: .customLong("command"),
        help: ArgumentHelp(
            "Run CMD before the prompt or the script (repeatable; each runs in order).", valueName: "CMD"))
    var commands: [String] = []

    @Option(
        name: .customLong("init"),
        help: ArgumentHelp(
            "Run FILE before the first prompt instead of $XDG_CONFIG_HOME/nnstep/init.nn.", valueName: "FILE"))
    var initFile: String?

    @Flag(name: .customLong("no-init"), help: "Do not run the startup file.")
    var noInit = false

    @Flag(name: [.customShort("i"), .long], help: "Run '--script FILE', then stay at the prompt.")
    var interactive = false

    @Argument(help: ArgumentHelp("A lesson to open in the shell.", valueName: "LESSON"))
    var lesson: String?

    func validate() throws {
        if script != nil && !check.isEmpty {
            throw ValidationError("Use either '--script' or '--check', not both.")
        }
        if let lesson, !check.isEmpty {
            throw ValidationError("Unexpected argument '\(lesson)'. To check it, list it after '--check'.")
        }
        if !test.isEmpty && !(2...3).contains(test.count) {
            throw ValidationError("'--test' takes LESSON ANSWERS and an optional EXPECTED transcript.")
        }
        if !test.isEmpty && (script != nil || !check.isEmpty || lesson != nil) {
            throw ValidationError("Use '--test' on its own.")
        }
        if initFile != nil && noInit {
            throw ValidationError("Use either '--init FILE' or '--no-init', not both.")
        }
    }

    func run() throws {
        Terminal.guardStandardStreams()
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)  // past `ulimit -f` a write fails with EFBIG and gets a message
        let output = sessionOptions(interactive: false)
        (Terminal.ascii, Terminal.colour) = (output.ascii, output.color)
        let status: Int32
        if !test.isEmpty {
            status = LessonTestRun.run(test)
        } else if !check.isEmpty {
            status = Checks.run(check, options: sessionOptions(interactive: false))
        } else if let script, !interactive {
            status = runScript(script)
        } else if script == nil && !interactive && !Terminal.isTTY(STDIN_FILENO) {
            status = runScript("-")
        } else {
            status = runShell()
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// `--script FILE`, or piped input: echo and run each command, stop at the first error.
    private func runScript(_ path: String) -> Int32 {
        let session = Session(options: sessionOptions(interactive: false))
        var status = Startup(session: session, keepGoing: keepGoing).run(initFile: initFile, commands: commands)
        guard status == 0 || keepGoing else { return status }
        if let lesson {
            let reply = session.execute("load \(lesson)")
            Terminal.write(reply.output)
            if let error = reply.error {
                Terminal.report(error)
                return 1
            }
        }
        status = max(status, Startup(session: session, keepGoing: keepGoing).runFile(path))
        return status
    }

    /// The shell: libedit when both ends are terminals, plain lines when output is redirected.
    /// The startup file, `--command`s and (with `-i`) the script run before the first prompt.
    private func runShell() -> Int32 {
        let onTerminal = Terminal.isTTY(STDOUT_FILENO) && Terminal.isTTY(STDIN_FILENO)
        let session = Session(options: sessionOptions(interactive: onTerminal))
        var reader: any LineReader = PlainLineReader()
        if onTerminal {
            nnedit_install_interrupt_handler()
            session.interruptCheck = { take_interrupt() != 0 }
            session.progressSink = { Terminal.writeError($0) }
            session.frameSink = { LiveView.draw($0) }
            session.keyPoll = { LiveView.poll() }
            completionSession = session
            let historyPath = HistoryFile.defaultPath(environment: System.environmentVariables)
            if let editor = EditLineReader(historyPath: historyPath) { reader = editor }
            Terminal.write(session.greeting)
        }
        let startup = Startup(session: session, keepGoing: false)
        let initPath = noInit ? nil : initFile ?? Startup.defaultInitPath(environment: System.environmentVariables)
        if let initPath, initFile != nil || Startup.exists(initPath) { _ = startup.runFile(initPath) }
        _ = startup.run(initFile: nil, commands: commands)
        // With -i a failing script still leaves the prompt, but the exit status remembers it.
        let scriptStatus = script.map { startup.runFile($0) } ?? 0
        var repl = REPL(session: session, reader: reader)
        if let lesson { repl.execute("load \(lesson)") }
        return max(scriptStatus, repl.run())
    }

    /// Rendering options from the flags, the environment and the terminal.
    ///
    /// Colour needs a terminal, no `--no-color`, an empty `NO_COLOR` and a TERM other
    /// than `dumb`. The width is the terminal's, or 80 (so piped output is the same everywhere).
    private func sessionOptions(interactive: Bool) -> SessionOptions {
        let environment = System.environmentVariables
        let onTerminal = Terminal.isTTY(STDOUT_FILENO)
        var options = SessionOptions()
        options.interactive = interactive
        options.ascii = ascii || (onTerminal && Terminal.localeLacksUTF8(environment))
        options.color =
            onTerminal && !noColor && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb"
        options.width = onTerminal ? (Terminal.columns() ?? 80) : 80
        if interactive, let history = HistoryFile.defaultPath(environment: environment) {
            options.stateDirectory = Path.directory(of: history)
        }
        return options
    }
}
