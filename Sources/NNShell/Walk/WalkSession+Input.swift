import NNEngine

/// What a walk does with each line while it waits.
extension WalkSession {
    /// The first output of a walk: the first sub-step, or in predict mode everything up to
    /// the first number's question.
    mutating func start() -> String { predicting ? proceed() : showOne() }

    /// Predict mode: shows the sub-steps that have no number, then asks for the next number.
    mutating func proceed() -> String {
        var text = ""
        while !isFinished && !awaitsPrediction { text += showOne() }
        if awaitsPrediction { text += prefix(shown) + steps[shown].question + "\n" }
        return text
    }

    /// Enter: the next sub-step (in predict mode the waiting number, unjudged, then on).
    mutating func enter() -> String { predicting ? showOne() + proceed() : showOne() }

    /// A typed prediction: judged, shown, then on to the next number.
    mutating func predict(_ typed: String) -> String {
        let before = shown
        let text = judge(typed)
        return shown > before ? text + proceed() : text
    }

    /// Shows the next sub-step.
    mutating func showOne() -> String {
        guard !isFinished else { return "" }
        let text = steps[shown].rendered(prefix: prefix(shown), format: format)
        shown += 1
        return text
    }

    /// Every sub-step not yet shown, without asking.
    mutating func showRest() -> String {
        var text = ""
        while !isFinished { text += showOne() }
        return text
    }

    /// Judges a prediction for the waiting number, then shows it. Unreadable input and too
    /// few digits are explained and the number stays waiting.
    mutating func judge(_ typed: String) -> String {
        let step = steps[shown]
        let verdict = AnswerJudge.judge(typed, expected: step.value!, within: nil)
        switch verdict {
        case .unreadable, .tooFewDigits:
            return "'\(typed)': " + AnswerJudge.describe(verdict)
                + "\n(or Enter to see it, c to finish, q to abandon)\n"
        case .right:
            asked += 1
            right += 1
            return "right: \(typed)\n" + showOne()
        case .wrong:
            asked += 1
            recordMiss(step.kind)
            var text = "not quite: you typed \(PlainText.echo(typed)) (\(AnswerJudge.describe(verdict)))"
            if let numbers = step.numbers { text += ";\nit is made of \(numbers)" }
            return text + "\n" + showOne()
        }
    }

    /// The training state after the update becomes the session's: exactly what `step` leaves.
    func commit(_ state: inout SessionState) {
        state.training = after
        state.lastRun = lastRun
        state.walk = nil
    }

    /// The line that ends a finished walk, with the score in predict mode.
    var closing: String {
        let done = "update \(after.updateCount) done: the network is now as 'step' leaves it\n"
        return predicting ? done + "score: \(score)\n" : done
    }
}

extension Session {
    /// Lets a waiting walk take the line: Enter, `c`, `q` or a prediction. Returns nil for
    /// `quit` (which then runs as usual).
    func walkInput(_ line: String) -> Outcome? {
        guard var walk = state.walk else { return nil }
        let word = line.lowercased()
        if ["quit", "exit"].contains(word) { return nil }
        var text = ""
        switch word {
        case "q":
            state.walk = nil
            return Outcome(
                output: "walk abandoned: the network is as it was, and no update was made\n", error: nil, quit: false)
        case "c":
            text = walk.showRest()
        case "":
            text = walk.enter()
        default:
            guard walk.awaitsPrediction else {
                return Outcome(
                    output: "",
                    error: .state(
                        "a walk is waiting: Enter shows the next sub-step, c finishes the update, "
                            + "q abandons it"), quit: false)
            }
            text = walk.predict(line)
        }
        if walk.isFinished {
            walk.commit(&state)
            return Outcome(output: text + walk.closing, error: nil, quit: false)
        }
        state.walk = walk
        return Outcome(output: text, error: nil, quit: false)
    }
}
