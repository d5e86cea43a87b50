import NNEngine

/// Plays a lesson from one pause to the next: shows narration with live values, runs the
/// lesson's commands as if typed, and stops at the end of a page or at a question.
///
/// A player is made from the session state for one action (Enter, an answer, `back`, …):
/// it takes the lesson out of the state, works on the rest (`stage`), and `finish` puts
/// both back together.
struct LessonPlayer {
    var session: LessonSession
    var stage: SessionState
    let context: CommandContext
    var output = ""
    /// Replaying pages to resume: commands run, nothing is shown or logged, questions pass.
    var quiet = false
    /// While replaying quietly: the page at which to start showing again.
    var replayTarget: Int?

    init(session: LessonSession, stage: SessionState, context: CommandContext) {
        self.session = session
        self.stage = stage
        self.stage.lesson = nil
        self.context = context
    }

    /// Takes the lesson out of `state` for an action; nil when no lesson is playing.
    init?(_ state: SessionState, context: CommandContext) {
        guard let session = state.lesson else { return nil }
        self.init(session: session, stage: state, context: context)
    }

    /// The state with the lesson back in it, remembering this pause's stage.
    func finish() -> SessionState {
        var state = stage
        var session = self.session
        session.stage = session.finished ? nil : stage
        state.lesson = session
        return state
    }

    var lessonPage: LessonPage { session.lesson.pages[session.page] }

    mutating func say(_ text: String) {
        guard !quiet, !text.isEmpty else { return }
        output += text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Says one sentence of the lesson's own, wrapped at word boundaries to fit the terminal.
    mutating func tell(_ sentence: String) {
        say(Reflow.fill(sentence, width: min(context.width, 80) - 2).joined(separator: "\n"))
    }

    // MARK: Playing

    /// Runs items from the current position until a question or the end of the page.
    mutating func play() {
        while session.open == nil, !session.finished {
            let items = lessonPage.items
            guard session.item < items.count else {
                if endOfPage() { continue } else { return }
            }
            let item = items[session.item]
            session.item += 1
            run(item)
        }
    }

    /// Starts page `index`: remembers the state for `back`, saves progress, shows the heading.
    mutating func begin(page index: Int) {
        if let target = replayTarget, index >= target {
            quiet = false
            replayTarget = nil
        }
        session.page = index
        session.item = 0
        session.open = nil
        if session.pageStarts.count > index { session.pageStarts.removeSubrange(index...) }
        session.pageStarts.append((stage, session.kept))
        let heading = lessonPage.heading
        let rule = context.ascii ? "-" : "─"
        let title = "\(rule)\(rule) \(index + 1)/\(session.lesson.pages.count) · \(heading) "
        say("\n" + title + String(repeating: rule, count: max(3, min(context.width, 72) - title.displayWidth)))
        if !quiet { session.log.append(.page(number: index + 1, heading: heading)) }
        session.lastShown = .heading
        saveProgress(page: index, finished: false)
    }

    /// At the end of a page: the lesson ends, or (replaying) the next page begins and true is
    /// returned, or the player pauses for Enter.
    mutating func endOfPage() -> Bool {
        guard session.page + 1 < session.lesson.pages.count else {
            complete()
            return false
        }
        if quiet {
            begin(page: session.page + 1)
            return true
        }
        if session.page == 0 {
            say(
                "\n"
                    + Reflow.fill(
                        "(Press Enter for the next page. At any pause you can type a command, like 'show weights' or 'inspect w1_11', and then press Enter to go on.)",
                        width: min(context.width, 80) - 2
                    ).joined(separator: "\n"))
        }
        return false
    }

    mutating func complete() {
        session.finished = true
        session.open = nil
        saveProgress(page: session.page, finished: true)
        guard !quiet else { return }
        session.log.append(.finished)
        let end =
            "That is the end of \(session.label): \(session.title). Type 'review' to see a Markdown summary "
            + "of what you did (or 'review FILE.md' to save it), \(onwards)."
        say("\n" + Reflow.fill(end, width: min(context.width, 80) - 2).joined(separator: "\n"))
    }

    /// Where to go after the last page: the next lesson by number, or (after the last one) the list.
    var onwards: String {
        guard let number = session.number else { return "and 'lessons' to choose a lesson" }
        let later = LessonLibrary(context: context).entries.first { ($0.number ?? -1) > number }
        guard let next = later, let nextNumber = next.number else {
            return "and 'lessons' to see them all: this was the last lesson"
        }
        let title = LessonFile.title(next.path).map { " (\($0))" } ?? ""
        return "and 'load \(nextNumber)' for the next lesson\(title)"
    }

    mutating func run(_ item: LessonItem) {
        switch item {
        case .narration(let lines):
            let text = render(lines)
            if session.lastShown != .heading { say("\n") }
            session.lastShown = .narration
            say(text)
            if !quiet { session.log.append(.narration(text)) }
        case .command(let command):
            runCommand(command.text)
        case .checkpoint(let checkpoint):
            if !quiet {
                pose(checkpoint)
            }
            // Replaying to resume: a task's own way to its goal, so later pages find it reached.
            else if checkpoint.isTask {
                checkpoint.actions.forEach { runCommand($0.text) }
            }
        case .keep(let name, let expression, _):
            do { session.kept[name] = try scope.evaluate(expression) } catch {
                say("(lesson problem: @keep \(name): \(error.message))")
            }
        }
    }

    /// Runs a command as if typed at the prompt, echoing it after the lesson's own mark (`»`
    /// instead of the learner's `>`), so that scrolling back tells the two apart.
    mutating func runCommand(_ line: String) {
        let echo = Self.continued(
            "\(session.label) (\(session.page + 1)/\(session.lesson.pages.count))\(lessonMark) " + line,
            width: min(context.width, 80))
        var text = ""
        do {
            text = try LessonPlayer.execute(line, &stage, context)
        } catch {
            text = "error: \(error.message)\n"
        }
        if session.lastShown == .narration { say("\n") }
        session.lastShown = .command
        say(echo)
        say(text)
        if !quiet { session.log.append(.command(line, output: text)) }
        if !quiet, context.recordsPictures, let svg = Transcript.picture(of: line, stage, context) {
            session.pictures.append(svg)
        }
    }

    /// A long echoed command broken between words onto lines ending in ` \`, as it could be
    /// typed, so that no line is wider than `width`.
    static func continued(_ line: String, width: Int) -> String {
        guard line.displayWidth > width else { return line }
        return Reflow.fill(line, width: width - 6).enumerated().map { ($0.offset == 0 ? "" : "    ") + $0.element }
            .joined(separator: " \\\n")
    }

    /// The mark after a command the lesson runs itself: `»` (`>>` in ASCII); the learner's is `>`.
    var lessonMark: String { context.ascii ? ">>" : "»" }

    /// Dispatches one command line on `state`, as the session would; on error the state is unchanged.
    /// It prints whole, as in a script: a `step --walk` the lesson runs must not wait for keys.
    static func execute(_ line: String, _ state: inout SessionState, _ context: CommandContext) throws(ShellError)
        -> String
    {
        var context = context
        context.interactive = false
        return try Command.dispatch(line, &state, context).output
    }

    // MARK: Live values

    var scope: LiveScope { LiveScope(state: stage, kept: session.kept, interrupt: context.interruptCheck) }

    /// A template with every `{{…}}` filled in from the live session.
    func render(_ template: Template) -> String {
        template.parts.map { part in
            switch part {
            case .text(let text): return template.verbatim ? text : LessonTerms.unmarked(text)
            case .value(let expression, _):
                do throws(ExpressionError) { return stage.format(try scope.evaluate(expression)) } catch {
                    return "⟨\(error.message)⟩"
                }
            }
        }.joined()
    }

    /// Lines with live values filled in, each paragraph re-wrapped to fit the terminal.
    func render(_ lines: [Template], indent: Int = 0) -> String {
        Reflow.wrap(lines.map { (render($0), $0.verbatim) }, width: min(context.width, 80) - 2 - indent)
    }
}
