import NNEngine

/// The help a waiting checkpoint gives: hints, the worked solution, skipping, and `check`
/// for a task.
extension LessonPlayer {
    /// The next rung of the hint ladder.
    mutating func hint() {
        settle()
        guard var open = session.open else { return }
        let hints = open.checkpoint.hints
        guard open.hintsShown < hints.count else {
            return tell("No more hints. Type 'solution' to see it worked out, or 'skip'.")
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

    /// After a wrong answer or a failed check: the next hint, or what is left to do.
    mutating func nextHintOrLast() {
        guard let open = session.open else { return }
        if open.hintsShown < open.checkpoint.hints.count {
            hint()
        } else {
            tell("That was the last hint. Try again, type 'solution' to see it worked out, or 'skip'.")
        }
    }

    /// `check`: is the task's goal reached on the stage as the learner has left it?
    mutating func check() {
        guard var open = session.open, case .goal(let parts, _) = open.checkpoint.answer else {
            return say("'check' is for tasks; this question wants an answer typed at the prompt (or 'hint', 'skip').")
        }
        var lines: [String] = []
        var reached = true
        for part in parts {
            do throws(ExpressionError) {
                let holds = try scope.evaluate(part.condition) != 0
                reached = reached && holds
                lines.append(
                    mark(
                        holds ? (context.ascii ? "[x]" : "✓") : (context.ascii ? "[ ]" : "✗"),
                        part.text + now(part.condition)))
            } catch {
                reached = false
                lines.append(mark(context.ascii ? "[ ]" : "✗", "\(part.text): \(error.message)"))
            }
        }
        session.log.append(.attempt("check", right: reached))
        if reached {
            say("\(context.ascii ? "" : "✓ ")Goal reached:\n" + lines.joined(separator: "\n"))
            showSolution(open, heading: "The solution:")
            return resolve()
        }
        open.wrongAttempts += 1
        session.open = open
        say("\(context.ascii ? "" : "✗ ")Not yet:\n" + lines.joined(separator: "\n"))
        nextHintOrLast()
    }

    /// `  ✓ text`, wrapped under its first word.
    func mark(_ sign: String, _ text: String) -> String {
        let indent = String(repeating: " ", count: 3 + sign.count)
        return "  \(sign) "
            + Reflow.fill(text, width: min(context.width, 80) - indent.count - 2).joined(separator: "\n" + indent)
    }

    /// ` (meanloss is 0.0341 now)` for a comparison whose left side is a live value.
    func now(_ condition: LessonExpression) -> String {
        guard case .compare(let op, let left, _) = condition, op != "and", op != "or", left.isLive,
            let value = try? scope.evaluate(left)
        else { return "" }
        return " (now \(stage.format(value)))"
    }

    /// The worked solution, on request; the lesson then goes on.
    mutating func solution() {
        settle()
        guard let open = session.open else { return }
        say(statement(open.expected))
        showSolution(open)
        runTaskActions(open)
        resolve()
    }

    /// Leaves the question unanswered, shows the answer worked out, and goes on.
    mutating func skip() {
        settle()
        guard let open = session.open else { return }
        session.log.append(.skipped(answer: shown(open.expected)))
        say("Skipped. " + statement(open.expected))
        showSolution(open)
        runTaskActions(open)
        resolve()
    }

    /// A task left without reaching its goal: from the stage it was set on, the lesson runs
    /// its `do:` commands, so the pages after it find the goal reached.
    mutating func runTaskActions(_ open: OpenCheckpoint) {
        guard open.checkpoint.isTask else { return }
        if let start = open.taskStart.first, !LessonPlayer.sameStage(start, stage) {
            restore(start)
            say("(The network is put back as it was when the task began.)")
        }
        session.lastShown = .narration
        for action in open.checkpoint.actions { runCommand(action.text) }
    }

    mutating func showSolution(_ open: OpenCheckpoint, heading: String? = nil) {
        let text = render(open.checkpoint.solution, indent: 2)
        session.log.append(.solution(text))
        if let heading { say(heading) }
        say(text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
    }

    /// Closes the question and plays on to the next pause.
    mutating func resolve() {
        session.open = nil
        play()
    }
}
