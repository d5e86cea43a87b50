import NNEngine

/// A learner's session: takes a line, returns text. It never reads the terminal itself.
public final class Session {
    public let options: SessionOptions
    /// Polled during long work (`epoch`); returns true once when Ctrl-C was pressed.
    public var interruptCheck: (() -> Bool)?
    /// Receives transient progress text (a bar with `\r`) while long work runs; nil in scripts.
    public var progressSink: ((String) -> Void)?
    /// A live view (`epoch N --watch`) at a terminal: draws each frame in place of the last,
    /// and reads one key without waiting (nil when none was pressed). Both nil off a terminal.
    public var frameSink: ((String) -> Void)?
    public var keyPoll: (() -> UInt8?)?
    /// Relative paths resolve here when set (tests); otherwise in the process's directory.
    public var directory: String?
    /// Seconds on a monotonic clock; tests replace it so that timings in transcripts are fixed.
    public var clock: @Sendable () -> Double = TrainingRunner.monotonicSeconds
    var state = SessionState()
    /// The lines typed at the prompt, oldest first, for `history` (the REPL feeds them).
    public private(set) var typedLines: [String] = []
    /// Every line run and what it printed, for `review --html`.
    var transcript = Transcript()

    public init(options: SessionOptions) {
        self.options = options
    }

    public var greeting: String {
        """
        nnstep \(Version.number): watch a neural network learn, one number at a time.
        Type 'lessons' to pick a lesson ('load 01' starts the first) or 'help' for
        every command. Ctrl-D leaves.

        """ + lessonGreeting
    }

    /// True while a lesson is running (a blank line then means Enter).
    public var isLessonActive: Bool { state.lesson?.isActive ?? false }

    public var prompt: String {
        if let walk = state.walk { return walk.prompt }
        if let lesson = state.lesson, lesson.isWaiting { return lesson.prompt }
        return "nnstep> "
    }

    /// Runs one line and renders the result for a terminal: output (its prose wrapped to the
    /// width, `TextWrap.fit`), and an error message with a caret under the bad word.
    public func execute(_ line: String) -> Reply {
        let outcome = evaluate(line)
        let output = TextWrap.fit(outcome.output, width: options.width)
        guard let error = outcome.error else { return Reply(output: output, quit: outcome.quit) }
        var failure = Reply.Failure(marks: nil, message: error.message)
        if options.interactive {
            // At a terminal the message is wrapped to fit; scripts keep it on one line for tools.
            let lines = TextWrap.hanging("error: " + error.message, indent: 7, width: min(options.width, 80))
            failure.message = String(lines.joined(separator: "\n").dropFirst(7))
        }
        if let column = error.column, options.interactive {
            // A caret under the first character of the bad word, and tildes under the rest.
            let word = line.dropFirst(max(column - 1, 0)).prefix { $0 != " " && $0 != "\t" }
            let marks = "^" + String(repeating: "~", count: max(word.count - 1, 0))
            failure.marks = String(repeating: " ", count: prompt.count + column - 1) + marks
        }
        return Reply(output: output, failure: failure, quit: outcome.quit)
    }

    /// Keeps `line` as typed at the prompt (at most the last 1,000) for `history`.
    public func recordTyped(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        typedLines.append(line)
        if typedLines.count > 1_000 { typedLines.removeFirst(typedLines.count - 1_000) }
    }

    /// Runs one line and keeps it, with what it printed, for `review --html`.
    public func evaluate(_ typed: String) -> Outcome {
        let prompt = self.prompt
        let outcome = evaluateLine(typed)
        var pictures = state.lesson?.pictures ?? []
        state.lesson?.pictures = []
        if outcome.error == nil, options.recordsPictures, transcript.takesPictures,
            let own = Transcript.picture(of: typed, state, context)
        {
            pictures.append(own)
        }
        transcript.record(
            prompt: prompt, line: typed, outcome: outcome, pictures: transcript.takesPictures ? pictures : [])
        return outcome
    }

    /// Runs one line. On error the state is exactly as before. A `#` outside quotes starts a
    /// comment; a line that is only a comment does nothing (in a lesson it is not Enter).
    func evaluateLine(_ typed: String) -> Outcome {
        let nothing = Outcome(output: "", error: nil, quit: false)
        let line = Token.withoutComment(typed)
        let trimmed = line.trimmed
        if trimmed.isEmpty && line.count < typed.count { return nothing }
        if state.walk != nil, let handled = walkInput(trimmed) { return handled }
        if let lesson = state.lesson, lesson.isActive, let handled = lessonInput(trimmed) { return handled }
        if trimmed.isEmpty { return nothing }
        do throws(ShellError) {
            let (output, command) = try Command.dispatch(line, &state, context)
            return Outcome(output: output, error: nil, quit: command?.name == "quit")
        } catch {
            return Outcome(output: "", error: error, quit: false)
        }
    }

    var context: CommandContext {
        CommandContext(
            ascii: options.ascii, color: options.color, width: options.width, interactive: options.interactive,
            interruptCheck: interruptCheck, progressSink: progressSink, directory: directory,
            lessonDirectories: options.lessonDirectories, stateDirectory: options.stateDirectory,
            clock: clock, typedLines: typedLines, transcript: transcript, frameSink: frameSink, keyPoll: keyPoll)
    }
}
