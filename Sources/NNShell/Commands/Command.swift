import NNEngine

/// One command of the shell, declared once: its name, usage, help and how it runs.
/// The declaration drives dispatch, `help`, TAB completion and usage errors.
struct Command: Sendable {
    let name: String
    /// Other names that run the same command (`?` for `help`, `exit` for `quit`).
    var aliases: [String] = []
    /// The usage line: `step [N]`.
    let usage: String
    /// One line for the `help` list.
    let summary: String
    /// Longer help: what it does, its options and defaults.
    let details: String
    /// One or more example lines.
    let examples: [String]
    /// Words that may follow the name (`show weights`), offered by TAB.
    var subcommands: [String] = []
    /// Offers completions for the word being typed, given the words before it.
    var complete: @Sendable (_ previous: [String], _ partial: String, _ state: SessionState) -> [String] = { _, _, _ in
        []
    }
    let run: @Sendable (Invocation, inout SessionState) throws(ShellError) -> String

    /// An error that points at `token` and ends with this command's usage line.
    func usageError(_ token: Token?, _ message: String, form: String? = nil) -> ShellError {
        .syntax("\(message); usage: \(usage(form))", column: token?.column)
    }

    /// The form of the usage line that starts with `form` (`set lr V` of `set lr V | …`), or
    /// the whole line. A form can name several sub-commands: `set momentum|alpha|… V`.
    func usage(_ form: String?) -> String {
        guard let form else { return usage }
        let forms = usage.split(separator: " | ").map(String.init)
        if let exact = forms.first(where: { $0 == form || $0.hasPrefix(form + " ") }) { return exact }
        let words = form.split(separator: " ")
        if words.count == 2,
            let shared = forms.first(where: { f in
                let parts = f.split(separator: " ")
                return parts.count >= 2 && parts[0] == words[0] && parts[1].split(separator: "|").contains(words[1])
            })
        {
            return shared
        }
        return usage
    }
}

/// What a running command sees besides the state: its words and the session's services.
struct Invocation {
    let line: String
    let name: Token
    let arguments: [Token]
    let context: CommandContext
    /// The declaration being run: its usage line is the one errors quote.
    let command: Command

    /// The form of the usage line that starts with `form` (`data show` of
    /// `data NAME … | data show | …`), or the whole usage line.
    func usage(_ form: String? = nil) -> String { command.usage(form) }

    /// Fails when `tokens` (the arguments by default) hold more than `count` words, quoting
    /// the usage line (or its `form`) from the declaration.
    func expectAtMost(_ count: Int, _ tokens: [Token]? = nil, form: String? = nil) throws(ShellError) {
        try Arguments.expectAtMost(count, tokens ?? arguments, usage: usage(form))
    }

    var notationFor: (SessionState) -> Notation {
        { state in Notation(ascii: context.ascii, network: state.training?.network) }
    }
}

/// Services the session lends to commands.
struct CommandContext {
    var ascii: Bool
    var color: Bool
    var width: Int
    var interactive: Bool
    var interruptCheck: (() -> Bool)?
    var progressSink: ((String) -> Void)?
    /// The working directory for relative paths (tests set it; otherwise the process's).
    var directory: String?
    var lessonDirectories: [String] = []
    var stateDirectory: String?
    var clock: @Sendable () -> Double = TrainingRunner.monotonicSeconds
    /// The lines typed at the prompt so far, oldest first (`history`).
    var typedLines: [String] = []
    /// The session's lines so far with what they printed (`review --html`).
    var transcript = Transcript()
    /// Whether plots are also kept as SVG for `review --html` (`SessionOptions.recordsPictures`).
    var recordsPictures = false
    /// The scripts being sourced, outermost first, so that a file cannot source itself.
    var sourcing: [String] = []
    /// The live view's frames and keys (`epoch N --watch`); nil off a terminal.
    var frameSink: ((String) -> Void)?
    var keyPoll: (() -> UInt8?)?

    /// `path` made absolute against the session's directory.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = System.environment("HOME") { return home + path.dropFirst(1) }
        guard let directory else { return path }
        return directory + "/" + path
    }
}

/// The ASCII names of `network`'s parameters that start with `prefix`, at most `limit` of
/// them, without building every name of a large network.
func parameterNames(_ network: Network, prefix: String, limit: Int = 200) -> [String] {
    var names: [String] = []
    for index in 0..<network.parameterCount {
        let name = network.parameter(at: index).asciiName
        if name.hasPrefix(prefix) { names.append(name) }
        if names.count == limit || index >= 100_000 { break }
    }
    return names
}

extension Command {
    /// Every command, in the order `help` lists them.
    static let all: [Command] = [
        .net, .set, .data, .step, .walk, .predict, .example, .examples, .epoch, .show, .inspect, .gradcheck, .undo,
        .reset,
        .plot, .export, .importCommand, .lessons, .loadLesson, .next, .back, .restart, .hint, .solution, .skip, .check,
        .review,
        .source, .history, .help, .what, .quit
    ]

    /// The commands that steer a lesson rather than the network: a lesson page may not run
    /// them, and while a lesson waits they go to the lesson.
    static let lessonControls: [Command] = [
        .lessons, .loadLesson, .next, .back, .restart, .hint, .solution, .skip, .check, .review, .quit
    ]
    static let lessonControlNames = Set(lessonControls.flatMap { [$0.name] + $0.aliases })

    /// The one dispatch, for the prompt, scripts and lessons alike: finds the command named by
    /// the line's first word and runs it on a copy of `state`, which replaces `state` only
    /// when the command succeeds. Returns its text and the command (nil for an empty line).
    static func dispatch(_ line: String, _ state: inout SessionState, _ context: CommandContext)
        throws(ShellError) -> (output: String, command: Command?)
    {
        let tokens = try Token.split(line)
        guard let first = tokens.first else { return ("", nil) }
        guard let command = Command.named(first.text) else {
            let names = Command.all.map(\.name) + Command.all.flatMap(\.aliases)
            throw ShellError.unknownCommand(
                first.text, suggestion: nearest(first.text, in: names), column: first.column)
        }
        var copy = state
        let output = try command.run(
            Invocation(
                line: line, name: first, arguments: Array(tokens.dropFirst()), context: context,
                command: command),
            &copy)
        state = copy
        return (output, command)
    }

    static func named(_ name: String) -> Command? {
        let name = name.lowercased()
        return all.first { $0.name == name || $0.aliases.contains(name) }
    }
}
