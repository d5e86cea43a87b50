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
        var text =
            (session.lastShown == .heading ? "" : "\n")
            + question.split(separator: "\n", omittingEmptySubsequences: false).map { "? " + $0 }.joined(
                separator: "\n")
        switch expected {
        case .choice(_, let labels): text += "\n  (answer with one word: \(labels.joined(separator: ", ")))"
        case .numbers(let values) where values.count > 1:
            text += "\n  (answer with \(values.count) numbers separated by commas)"
        case .goal: text += "\n  (a task: type any commands, then 'check'; 'hint' helps, 'skip' moves on)"
        case .numbers: break
        }
        say(text)
        session.log.append(.question(question))
        session.lastShown = .narration
        var open = OpenCheckpoint(checkpoint: checkpoint, expected: expected)
        open.slips = checkpoint.slips.compactMap { slip in
            let values = slip.values.compactMap { try? scope.evaluate($0) }
            return values.count == slip.values.count && values.allSatisfy(\.isFinite) ? (values, slip) : nil
        }
        if checkpoint.isTask { open.taskStart = [stage] }
        session.open = open
    }

    /// The engine's answer now: numbers, the choice whose condition holds, or a task's goal.
    static func expected(_ checkpoint: Checkpoint, _ scope: LiveScope) throws(ExpressionError)
        -> OpenCheckpoint.Expected
    {
        switch checkpoint.answer {
        case .numbers(let expressions, let location):
            var values: [Double] = []
            for expression in expressions {
                let value = try scope.evaluate(expression)
                guard value.isFinite else {
                    throw ExpressionError(
                        message: "the answer is \(NumberFormat.full(value)), not a finite number",
                        column: location.column)
                }
                values.append(value)
            }
            return .numbers(values)
        case .choice(let choices):
            var right: [String] = []
            for choice in choices {
                if try scope.evaluate(choice.condition) != 0 { right.append(choice.label) }
            }
            guard right.count == 1 else {
                let column = choices.first?.location.column ?? 1
                throw ExpressionError(
                    message: right.isEmpty
                        ? "no choice is true at this moment"
                        : "more than one choice is true at this moment (\(right.joined(separator: ", ")))",
                    column: column)
            }
            return .choice(right: right[0], labels: choices.map(\.label))
        case .goal(let parts, _):
            for part in parts { _ = try scope.evaluate(part.condition) }
            return .goal
        }
    }

    /// The engine's answer as text: `10.24`, `0.5933, 0.5969`, or the word.
    func shown(_ expected: OpenCheckpoint.Expected) -> String {
        switch expected {
        case .numbers(let values): return values.map { stage.format($0) }.joined(separator: ", ")
        case .choice(let right, _): return right
        case .goal: return "the goal"
        }
    }

    /// The answer as a sentence, for `solution` and `skip`: `The engine computes 10.24.` or `The answer is no.`
    func statement(_ expected: OpenCheckpoint.Expected) -> String {
        switch expected {
        case .numbers: return "The engine computes \(shown(expected))."
        case .choice: return "The answer is \(shown(expected))."
        case .goal: return "One way to reach the goal:"
        }
    }

    /// Checks a typed answer: numbers (arithmetic like `-2*(1.8-5)` is fine) or a choice.
    mutating func answer(_ typed: String) {
        settle()
        guard var open = session.open else { return }
        var feedback = ""
        let right: Bool
        switch open.expected {
        case .numbers(let values):
            guard let judged = judgeNumbers(typed, values, open) else { return }
            (right, feedback) = judged
        case .choice(let answer, let labels):
            let word = typed.lowercased()
            guard labels.contains(word) else {
                return tell(
                    "'\(typed)' is not one of the choices; answer with one of: \(labels.joined(separator: ", ")).")
            }
            right = word == answer
        case .goal:
            return tell("This is a task: type commands to reach the goal, then 'check' (or 'hint', 'skip').")
        }
        session.log.append(.attempt(typed, right: right))
        if right {
            say(
                "\(context.ascii ? "" : "✓ ")Right: \(open.expected.isNumbers ? "the engine computes " : "")\(shown(open.expected))."
            )
            showSolution(open)
            return resolve()
        }
        open.wrongAttempts += 1
        session.open = open
        if let slip = slip(typed, open) {
            say(
                "\(context.ascii ? "" : "✗ ")Not quite: you typed \(PlainText.echo(typed)). "
                    + render(slip.feedback).capitalizedFirst)
            return
        }
        say("\(context.ascii ? "" : "✗ ")Not quite: you typed \(PlainText.echo(typed))\(feedback).")
        nextHintOrLast()
    }

    /// Right or wrong and how, for typed numbers; nil (after saying why) when they cannot be judged.
    mutating func judgeNumbers(_ typed: String, _ values: [Double], _ open: OpenCheckpoint) -> (Bool, String)? {
        let parts = LessonParser.topLevelParts(typed, separatedBy: ",").map { $0.text.trimmed }
        guard parts.count == values.count else {
            tell(
                values.count == 1
                    ? "Type one number (arithmetic like 2*(5-1.8) is fine)."
                    : "Type \(values.count) numbers separated by commas, like '0.25, 0.75'.")
            return nil
        }
        let within = open.checkpoint.tolerance
        var verdicts: [AnswerJudge.Verdict] = []
        for (part, value) in zip(parts, values) {
            if (try? ExpressionParser.parse(part))?.isLive == true {
                tell(
                    "Type the number itself (you may write arithmetic, like 2*(5-1.8)); names such as 'loss' are for the lesson to use."
                )
                return nil
            }
            let verdict = AnswerJudge.judge(part, expected: value, within: within)
            if case .unreadable = verdict {
                tell(
                    "'\(PlainText.echo(part))' is not a number; type a number like 0.25, or 'hint', 'solution' or 'skip'."
                )
                return nil
            }
            verdicts.append(verdict)
        }
        if slip(typed, open) == nil,
            let index = verdicts.firstIndex(where: { if case .tooFewDigits = $0 { return true } else { return false } })
        {
            say("'\(parts[index])': " + AnswerJudge.describe(verdicts[index]) + ", so the answer shows your working.")
            return nil
        }
        let right = verdicts.allSatisfy { $0 == .right }
        return (right, right ? "" : Self.describe(verdicts, parts, values, within))
    }

    /// ` (too high)`, ` (the size is right, but the sign is wrong)`, or for several numbers
    /// ` (the first is right; the second is too low)`.
    static func describe(
        _ verdicts: [AnswerJudge.Verdict], _ parts: [String], _ values: [Double],
        _ within: AnswerJudge.Tolerance?
    ) -> String {
        let phrases = verdicts.indices.map { i -> String in
            if case .wrong(_, true) = verdicts[i],
                AnswerJudge.judge(Self.negated(parts[i]), expected: values[i], within: within) == .right
            {
                return "the size is right, but the sign is wrong"
            }
            return AnswerJudge.describe(verdicts[i])
        }
        if phrases.count == 1 { return " (\(phrases[0]))" }
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
        let said = phrases.enumerated().map {
            "the \($0.offset < ordinals.count ? ordinals[$0.offset] : "number \($0.offset + 1)") is \($0.element)"
        }
        return " (" + said.joined(separator: "; ") + ")"
    }

    /// `-0.25` for `0.25` and back, keeping the digits typed.
    static func negated(_ text: String) -> String {
        text.hasPrefix("-") ? String(text.dropFirst()) : text.hasPrefix("+") ? "-" + text.dropFirst() : "-" + text
    }

    /// The teacher's diagnosed slip that the typed numbers match, if any.
    func slip(_ typed: String, _ open: OpenCheckpoint) -> Checkpoint.Slip? {
        let parts = LessonParser.topLevelParts(typed, separatedBy: ",").map { $0.text.trimmed }
        return open.slips.first { slip in
            slip.values.count == parts.count
                && zip(parts, slip.values).allSatisfy {
                    AnswerJudge.judge($0, expected: $1, within: open.checkpoint.tolerance) == .right
                }
        }?.slip
    }
}

extension OpenCheckpoint.Expected {
    var isNumbers: Bool { if case .numbers = self { return true } else { return false } }
}
