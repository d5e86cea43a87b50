extension Session {
    /// Lets a playing lesson take the line first. Enter goes on; while a question waits, a
    /// line that is not a command is an answer. Lesson commands (`next`, `hint`, …) return nil
    /// and run as ordinary commands. Any other command runs here, so it can be logged for the
    /// review as something the learner explored.
    func lessonInput(_ line: String) -> Outcome? {
        guard let lesson = state.lesson, lesson.isActive, !lesson.forwarding else { return nil }
        if line.isEmpty { return lessonAction { $0.advance() } }
        if line.hasPrefix("#") { return nil }
        let word = line.split(separator: " ").first.map { String($0).lowercased() } ?? ""
        if lesson.isAnswering, isAnswer(line, word: word, lesson) { return lessonAction { $0.answer(line) } }
        if LessonParser.lessonCommands.contains(word) { return nil }
        state.lesson?.forwarding = true
        let outcome = evaluateLine(line)
        if state.lesson?.forwarding == true {
            state.lesson?.forwarding = false
            let error = outcome.error.map { "error: " + $0.message + "\n" } ?? ""
            state.lesson?.log.append(.explored(line, output: outcome.output + error))
        }
        return outcome
    }

    /// A choice word, or anything that is not a command (a number, arithmetic, a typo).
    private func isAnswer(_ line: String, word: String, _ lesson: LessonSession) -> Bool {
        if case .choice(_, let labels)? = lesson.open?.expected, labels.contains(line.lowercased()) { return true }
        return Command.named(word) == nil
    }

    private func lessonAction(_ body: (inout LessonPlayer) -> Void) -> Outcome {
        guard var player = LessonPlayer(state, context: context) else {
            return Outcome(output: "", error: nil, quit: false)
        }
        body(&player)
        state = player.finish()
        return Outcome(output: player.output, error: nil, quit: false)
    }
}
