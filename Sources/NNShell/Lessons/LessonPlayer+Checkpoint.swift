import NNEngine

/// Questions: asking one (the engine computes its answer at that moment), checking what
/// the learner types, the ladder of hints, the worked solution, and skipping.
extension LessonPlayer {
    /// Asks `checkpoint` and waits; when the engine cannot compute the answer, says so and goes on.
    mutating func pose(_ checkpoint: Checkpoint) {
        let expected: OpenCheckpoint.Expected
        do {
            expected = try LessonPlayer.expected(checkpoint, scope)
        } catch {
            tell("(lesson problem at line \(checkpoint.location.line): \(error.message); the question is skipped)")
            return
        }
        let question = render(checkpoint.question, indent: 2)
        var text = (session.lastShown == .heading ? "" : "\n") + question.split(separator: "\n", omittingEmptySubsequences: false).map { "? " + $0 }.joined(separator: "\n")
        if case .choice(_, let labels) = expected {
            text += "\n  (answer with one word: \(labels.joined(separator: ", ")))"
        }
        say(text)
        session.log.append(.question(question))
        session.lastShown = .narration
        session.open = OpenCheckpoint(checkpoint: checkpoint, expected: expected)
    }

    /// The engine's answer now: a number, or the choice whose condition holds.
    static func expected(_ checkpoint: Checkpoint, _ scope: LiveScope) throws(ExpressionError) -> OpenCheckpoint.Expected {
        switch checkpoint.answer {
        case .number(let expression, let location):
            let value = try scope.evaluate(expression)
            guard value.isFinite else { throw ExpressionError(message: "the answer is \(NumberFormat.full(value)), not a finite number", column: location.column) }
            return .number(value)
        case .choice(let choices):
            var right: [String] = []
            for choice in choices {
                if try scope.evaluate(choice.condition) != 0 { right.append(choice.label) }
            }
            guard right.count == 1 else {
                let column = choices.first?.location.column ?? 1
                throw ExpressionError(message: right.isEmpty ? "no choice is true at this moment" : "more than one choice is true at this moment (\(right.joined(separator: ", ")))", column: column)
            }
            return .choice(right: right[0], labels: choices.map(\.label))
        }
    }

    /// The engine's answer as text.
    func shown(_ expected: OpenCheckpoint.Expected) -> String {
        switch expected {
        case .number(let value): return stage.format(value)
        case .choice(let right, _): return right
        }
    }

    /// The answer as a learner reads it: `the engine computes 10.24` for a number, the word
    /// itself for a choice (`no`).
    func verdict(_ expected: OpenCheckpoint.Expected) -> String {
        switch expected {
        case .number: return "the engine computes \(shown(expected))"
        case .choice: return shown(expected)
        }
    }

    /// The answer as a sentence, for `solution` and `skip`: `The engine computes 10.24.` or `The answer is no.`
    func statement(_ expected: OpenCheckpoint.Expected) -> String {
        switch expected {
        case .number: return "The engine computes \(shown(expected))."
        case .choice: return "The answer is \(shown(expected))."
        }
    }

    /// Why a typed number is off: too high or too low, and whether only its sign is wrong.
    static func direction(_ typed: Double, _ expected: Double, _ tolerance: Checkpoint.Tolerance) -> String {
        if typed != 0, expected != 0, (typed < 0) != (expected < 0) {
            if tolerance.accepts(-typed, expected) { return " (the size is right, but the sign is wrong)" }
            return typed > expected ? " (too high, and the sign is wrong)" : " (too low, and the sign is wrong)"
        }
        return typed > expected ? " (too high)" : " (too low)"
    }

    /// Checks a typed answer: a number (arithmetic like `-2*(1.8-5)` is fine) or a choice.
    mutating func answer(_ typed: String) {
        settle()
        guard var open = session.open else { return }
        let right: Bool
        var direction = ""
        switch open.expected {
        case .number(let value):
            let number: Double
            do {
                let expression = try ExpressionParser.parse(typed)
                guard !expression.isLive else {
                    return tell("Type the number itself (you may write arithmetic, like 2*(5-1.8)); names such as 'loss' are for the lesson to use.")
                }
                number = try LiveScope(state: SessionState(), kept: [:]).evaluate(expression)
            } catch {
                return tell("'\(typed)' is not a number; type a number like 0.25, or 'hint', 'solution' or 'skip'.")
            }
            right = open.checkpoint.tolerance.accepts(number, value)
            if !right, number.isFinite { direction = LessonPlayer.direction(number, value, open.checkpoint.tolerance) }
        case .choice(let answer, let labels):
            let word = typed.lowercased()
            guard labels.contains(word) else {
                return tell("'\(typed)' is not one of the choices; answer with one of: \(labels.joined(separator: ", ")).")
            }
            right = word == answer
        }
        session.log.append(.attempt(typed, right: right))
        if right {
            say("\(context.ascii ? "" : "✓ ")Right: \(verdict(open.expected)).")
            showSolution(open)
            return resolve()
        }
        open.wrongAttempts += 1
        session.open = open
        say("\(context.ascii ? "" : "✗ ")Not quite: you typed \(typed)\(direction).")
        if open.hintsShown < open.checkpoint.hints.count {
            hint()
        } else {
            tell("That was the last hint. Try again, type 'solution' to see it worked out, or 'skip'.")
        }
    }

    /// The next rung of the hint ladder.
    mutating func hint() {
        settle()
        guard var open = session.open else { return }
        let hints = open.checkpoint.hints
        guard open.hintsShown < hints.count else {
            return say("No more hints. Type 'solution' to see it worked out, or 'skip'.")
        }
        let label = "Hint \(open.hintsShown + 1) of \(hints.count): "
        let text = render(hints[open.hintsShown], indent: label.count)
        open.hintsShown += 1
        session.open = open
        session.log.append(.hint(text))
        // A hanging indent: the lines after the first start under the hint's first word.
        let margin = String(repeating: " ", count: label.count)
        say(label + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + margin))
    }

    /// The worked solution, on request; the lesson then goes on.
    mutating func solution() {
        settle()
        guard let open = session.open else { return }
        say(statement(open.expected))
        showSolution(open)
        resolve()
    }

    /// Leaves the question unanswered, shows the answer worked out, and goes on.
    mutating func skip() {
        settle()
        guard let open = session.open else { return }
        session.log.append(.skipped(answer: shown(open.expected)))
        say("Skipped. " + statement(open.expected))
        showSolution(open)
        resolve()
    }

    mutating func showSolution(_ open: OpenCheckpoint) {
        let text = render(open.checkpoint.solution, indent: 2)
        session.log.append(.solution(text))
        say(text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
    }

    /// Closes the question and plays on to the next pause.
    mutating func resolve() {
        session.open = nil
        play()
    }
}
