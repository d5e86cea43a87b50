import NNEngine

/// Starting a lesson, moving between pages, and keeping the learner's progress.
extension LessonPlayer {
    /// Loads `lesson` into `state` on a fresh stage: runs its setup, then shows page 1, or
    /// replays quietly up to the page where the learner left it when `resume` is set.
    static func start(
        _ lesson: Lesson, key: String, number: Int?, path: String, resume: Bool,
        state: inout SessionState, context: CommandContext
    ) -> String {
        var fresh = SessionState()
        fresh.format = state.format
        fresh.lessonProgress = state.lessonProgress
        let warning = fresh.lessonProgress.load(from: context.stateDirectory)
        let session = LessonSession(lesson: lesson, key: key, number: number, path: path)
        var player = LessonPlayer(session: session, stage: fresh, context: context)
        if let warning { player.say(warning) }
        let pages = lesson.pages.count
        player.say("\(session.label.capitalizedFirst) · \(session.title)  (\(pages) page\(pages == 1 ? "" : "s"))")
        if !lesson.about.isEmpty {
            player.say(Reflow.fill(lesson.about, width: min(context.width, 80) - 2).joined(separator: "\n"))
        }
        player.say("The lesson builds its own stage (any network and data you had are replaced):")
        for command in lesson.setup {
            var text: String
            do throws(ShellError) { text = try execute(command.text, &player.stage, context) } catch {
                text = "error: \(error.message)\n"
            }
            player.say(continued("\(session.label)\(player.lessonMark) \(command.text)", width: min(context.width, 80)))
            player.say(text)
        }
        var resumeAt = 0
        if resume, let saved = fresh.lessonProgress[key], !saved.finished, saved.pages == pages, saved.page > 1 {
            resumeAt = min(saved.page, pages) - 1
            let replayed = resumeAt == 1 ? "page 1 is" : "pages 1–\(resumeAt) are"
            let note =
                "You left this lesson at page \(resumeAt + 1) of \(pages); carrying on from there (\(replayed) replayed without being shown; 'restart' begins again)."
            player.say("\n" + Reflow.fill(note, width: min(context.width, 80) - 2).joined(separator: "\n"))
            player.quiet = true
            player.replayTarget = resumeAt
        }
        player.begin(page: 0)
        player.play()
        state = player.finish()
        return player.output
    }

    /// Enter or `next`: on to the next page (a waiting question must be answered first).
    mutating func advance() {
        settle()
        if let open = session.open {
            return tell(
                open.checkpoint.isTask
                    ? "A task is waiting: type commands to reach its goal, then 'check' (or 'hint', 'solution', 'skip')."
                    : "A question is waiting: type your answer, or 'hint', 'solution' or 'skip'.")
        }
        guard session.page + 1 < session.lesson.pages.count else { return complete() }
        begin(page: session.page + 1)
        play()
    }

    /// Shows the previous page again, from the state the lesson had when it began.
    mutating func back() {
        let target = max(0, session.page - 1)
        guard target < session.pageStarts.count else { return }
        if session.page == 0 { say("This is the first page; here it is again.") }
        restore(session.pageStarts[target].state)
        session.kept = session.pageStarts[target].kept
        begin(page: target)
        play()
    }

    /// When commands typed at the pause changed the network, data or settings, puts back the
    /// lesson's own, so the numbers stay the ones the lesson is about.
    mutating func settle() {
        guard session.open?.checkpoint.isTask != true else { return }  // in a task the learner drives
        guard let pause = session.stage, !LessonPlayer.sameStage(pause, stage) else { return }
        restore(pause)
        say(
            Reflow.fill(
                "(Your commands changed the network or its data; the lesson puts back its own before going on.)",
                width: min(context.width, 80) - 2
            ).joined(separator: "\n"))
    }

    /// Replaces the stage, keeping the learner's display settings and progress.
    mutating func restore(_ saved: SessionState) {
        var state = saved
        state.format = stage.format
        state.lessonProgress = stage.lessonProgress
        state.lesson = nil
        stage = state
    }

    static func sameStage(_ a: SessionState, _ b: SessionState) -> Bool {
        a.training?.network == b.training?.network && a.training?.data == b.training?.data
            && a.training?.settings == b.training?.settings && a.training?.updateCount == b.training?.updateCount
            && a.training?.cursor == b.training?.cursor && a.pendingData == b.pendingData
            && a.pendingSettings == b.pendingSettings && a.preparation == b.preparation
    }

    mutating func saveProgress(page: Int, finished: Bool) {
        guard !quiet else { return }
        let entry = LessonProgress.Entry(
            title: session.title, page: page + 1, pages: session.lesson.pages.count, finished: finished)
        if let warning = stage.lessonProgress.record(session.key, entry, directory: context.stateDirectory) {
            output += warning + "\n"
        }
    }
}

extension String {
    /// The text with its first letter in upper case: `lesson 8` → `Lesson 8`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
