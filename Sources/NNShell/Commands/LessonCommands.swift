/// The commands that list, start and steer lessons. The lesson runner is in `Lessons/`.
extension Command {
    static let lessons = Command(
        name: "lessons", usage: "lessons", summary: "list the lessons and your progress",
        details:
            "Lists every lesson with its number and title, marks the ones you finished and the page where you left the others. 'load N' starts lesson N.",
        examples: ["lessons"],
        run: { invocation, state throws(ShellError) in
            try invocation.expectAtMost(0)
            return LessonListing.render(&state, context: invocation.context)
        })

    static let loadLesson = Command(
        name: "load", usage: "load NUMBER|NAME|FILE", summary: "start a lesson by number, name or file",
        details: """
            'load 8' starts lesson 8, 'load gradients' the lesson whose name contains that word,
            'load path/to/my.lesson' a lesson file. A lesson you left unfinished carries on from
            the page where you left it ('restart' begins it again), so loading another lesson in
            the middle of one keeps your place in it. The lesson builds its own network and data,
            replacing yours.
            """,
        examples: ["load 1", "load nine-gradients", "load Lessons/08-nine-gradients.lesson"],
        complete: { previous, partial, _ in
            guard previous.isEmpty else { return [] }
            let keys = LessonLibrary(
                directories: LessonLibrary.searchPath(
                    configured: [], environment: System.environment, workingDirectory: nil)
            ).entries.map(\.key)
            return (keys + completeFiles(partial)).filter { $0.hasPrefix(partial) }
        },
        run: { invocation, state throws(ShellError) in
            guard let name = invocation.arguments.first else {
                throw ShellError.syntax(
                    "'load' needs a lesson: a number, a name or a file; usage: load NUMBER|NAME|FILE", column: nil)
            }
            try invocation.expectAtMost(1)
            let entry = try LessonLibrary(context: invocation.context).find(
                name.text, resolve: invocation.context.resolve)
            let lesson = try LessonFile.read(entry.path, shown: name.text.contains("/") ? name.text : entry.path)
            let note = leaving(state.lesson, for: entry, width: invocation.context.width)
            return note
                + LessonPlayer.start(
                    lesson, key: entry.key, number: entry.number, path: entry.path, resume: true,
                    state: &state, context: invocation.context)
        })

    static let next = lessonAction(
        "next", "continue the lesson (Enter on an empty line does the same)",
        "Shows the next page of the lesson. When a question is waiting, answer it first (or 'skip')."
    ) { $0.advance() }
    static let back = lessonAction(
        "back", "show the lesson's previous page again",
        "Goes back one page and shows it again, with the network as it was when that page began."
    ) { $0.back() }
    static let hint = lessonAction(
        "hint", "a hint for the question the lesson asked",
        "Each 'hint' shows the next of the question's hints, from gentle to nearly the answer.", question: true
    ) { $0.hint() }
    static let solution = lessonAction(
        "solution", "the worked solution of the lesson's question",
        "Shows the engine's answer worked out step by step, then the lesson goes on.", question: true
    ) { $0.solution() }
    static let skip = lessonAction(
        "skip", "skip the lesson's question",
        "Leaves the question unanswered, shows the answer worked out, and goes on.", question: true
    ) { $0.skip() }

    static let check = lessonAction(
        "check", "check the lesson's task: is its goal reached?",
        "In a task the lesson sets a goal ('make the mean loss fall below 0.01'); type any commands to reach it, then 'check' shows which parts of the goal hold.",
        question: true
    ) { $0.check() }

    static let restart = Command(
        name: "restart", usage: "restart", summary: "start the lesson again from its beginning",
        details: "Builds the lesson's stage again and shows its first page.", examples: ["restart"],
        run: { invocation, state throws(ShellError) in
            try invocation.expectAtMost(0)
            guard let session = state.lesson else {
                throw ShellError.state("no lesson is running; type 'lessons' to see them")
            }
            return LessonPlayer.start(
                session.lesson, key: session.key, number: session.number, path: session.path, resume: false,
                state: &state, context: invocation.context)
        })

    static let review = Command(
        name: "review", usage: "review [FILE] | review --html FILE",
        summary: "a review of the lesson or session: what you did and saw",
        details: """
            Prints a Markdown account of the lesson so far or, with FILE, writes it there: \
            every page, the commands and their output, your answers, the hints and solutions \
            you saw, and what you explored yourself.
              --html FILE   one self-contained web page of the lesson or, with no lesson, the
                            session: every line typed and its output, plots as pictures, and
                            the network at the end with its formulas and weight tables
            """,
        examples: ["review", "review lesson-08.md", "review --html session.html"],
        complete: { previous, partial, _ in
            previous.count <= 1 ? (["--html"] + completeFiles(partial)).filter { $0.hasPrefix(partial) } : []
        },
        run: runReview)

    @Sendable static func runReview(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String
    {
        let arguments = invocation.arguments
        if let flag = arguments.first, flag.text.lowercased() == "--html" {
            guard let file = arguments.dropFirst().first else {
                throw ShellError.at(flag, "'--html' needs a file name, like 'review --html session.html'")
            }
            try Arguments.expectAtMost(2, arguments, usage: "review --html FILE")
            let lesson = state.lesson
            let title =
                lesson.map { "Review: \($0.label.capitalizedFirst) · \($0.title)" } ?? "Review: an nnstep session"
            let page = HTMLReview.page(
                title: title, summary: lesson.map(LessonReview.summary), transcript: invocation.context.transcript,
                state: state, context: invocation.context)
            if file.text == "-" { return page }
            try FileAccess.writeAtomically(page, to: invocation.context.resolve(file.text), shown: file.text)
            return "wrote the review of \(lesson?.label ?? "this session") to \(file.text) (HTML)\n"
        }
        try Arguments.expectAtMost(1, arguments, usage: "review [FILE]")
        if let flag = arguments.first, flag.text.hasPrefix("--") {
            throw ShellError.at(flag, "unknown option '\(flag.text)'; expected '--html FILE'")
        }
        guard let session = state.lesson else {
            throw ShellError.state(
                "no lesson to review yet; 'load' one first, or 'review --html FILE' for this session")
        }
        let text = LessonReview.markdown(session)
        guard let file = arguments.first else { return text }
        if file.text == "-" { return text }
        // A file is read outside the terminal: the colours a terminal session recorded are left out.
        try FileAccess.writeAtomically(
            PlainText.withoutEscapes(text), to: invocation.context.resolve(file.text), shown: file.text)
        return "wrote the review of \(session.label) to \(file.text)\n"
    }

    /// What `load` says when another lesson is still playing: it is left, and its place is kept.
    static func leaving(_ current: LessonSession?, for entry: LessonLibrary.Entry, width: Int) -> String {
        guard let current, !current.finished else { return "" }
        let name = current.number.map(String.init) ?? current.key
        let place = "page \(current.page + 1) of \(current.lesson.pages.count)"
        let note =
            current.key == entry.key
            ? "(\(current.label.capitalizedFirst) starts again from its saved place, \(place).)"
            : "(Leaving \(current.label) at \(place); your place is kept, and 'load \(name)' carries on from there.)"
        return Reflow.fill(note, width: min(width, 80) - 2).joined(separator: "\n") + "\n"
    }

    /// A command that steers the running lesson through the `LessonPlayer`.
    static func lessonAction(
        _ name: String, _ summary: String, _ details: String, question: Bool = false,
        _ body: @escaping @Sendable (inout LessonPlayer) -> Void
    ) -> Command {
        Command(
            name: name, usage: name, summary: summary, details: details, examples: [name],
            run: { invocation, state throws(ShellError) in
                try invocation.expectAtMost(0)
                guard var player = LessonPlayer(state, context: invocation.context) else {
                    throw ShellError.state("no lesson is running; type 'lessons' to see them")
                }
                guard !player.session.finished else {
                    throw ShellError.state(
                        "\(player.session.label) is over; 'restart' plays it again, 'lessons' lists the others")
                }
                if question && player.session.open == nil {
                    throw ShellError.state("no question is waiting; '\(name)' helps with a lesson's question")
                }
                body(&player)
                state = player.finish()
                return player.output
            })
    }
}

/// Reading a lesson file for `load`, with the first format problem as the error.
enum LessonFile {
    static func read(_ path: String, shown: String) throws(ShellError) -> Lesson {
        let text = try FileAccess.readText(path, shown: shown, kind: .lesson)
        let (lesson, issues, _) = parse(text, directory: Path.parent(path))
        if let first = issues.first {
            let more = issues.count > 1 ? " (and \(issues.count - 1) more; 'nnstep --check \(shown)' lists them)" : ""
            throw ShellError.file(first.formatted(shown) + more)
        }
        return lesson
    }

    /// `text` with its `@include`s followed, parsed; problems point into the file they are in.
    static func parse(_ text: String, directory: String) -> (Lesson, [LessonIssue], LessonSource) {
        let source = LessonSource(text, directory: directory)
        let (lesson, issues) = LessonParser.parse(source.text)
        // A file that cannot be included is the root cause of whatever else goes wrong.
        return (lesson, source.issues.isEmpty ? issues.map(source.located) : source.issues, source)
    }

    /// The title on a lesson's `# ` line, read without parsing the rest.
    static func title(_ path: String) -> String? {
        guard let text = try? FileAccess.readText(path, shown: path, kind: .lesson) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmed }
    }
}
