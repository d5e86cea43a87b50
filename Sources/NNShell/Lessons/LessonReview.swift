/// `review`: the lesson as the learner lived it, in Markdown: each page's narration, the
/// commands and what they printed, the questions with every answer typed, the hints and
/// solutions seen, and the commands the learner tried on their own.
enum LessonReview {
    static func markdown(_ session: LessonSession) -> String {
        var out: [String] = ["# Review: \(session.label.capitalizedFirst) · \(session.title)", ""]
        if !session.lesson.about.isEmpty { out += ["_\(session.lesson.about)_", ""] }
        out += [summary(session), ""]
        for event in session.log {
            switch event {
            case .page(let number, let heading):
                out += ["## \(number). \(heading)", ""]
            case .narration(let text):
                out += [text, ""]
            case .command(let line, let output):
                out += code("\(session.label)> \(line)", output)
            case .question(let text):
                out +=
                    text.split(separator: "\n", omittingEmptySubsequences: false).map { "> **Question:** " + $0 }
                    .prefix(1)
                    + text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map { "> " + $0 }
                out.append("")
            case .attempt(let typed, let right):
                out += ["- You answered `\(typed)`: \(right ? "right ✓" : "not quite")", ""]
            case .hint(let text):
                out += ["- Hint: \(text.split(separator: "\n").joined(separator: " "))", ""]
            case .solution(let text):
                out += ["Worked solution:", ""] + code(nil, text)
            case .skipped(let answer):
                out += ["- Skipped; the answer was \(answer).", ""]
            case .explored(let line, let output):
                out += ["You tried on your own:", ""] + code("> \(line)", output)
            case .finished:
                out += ["---", "", "Finished."]
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// One line: pages seen, questions and how they went.
    static func summary(_ session: LessonSession) -> String {
        var questions = 0, firstTry = 0, afterTries = 0, skipped = 0, tries = 0
        for event in session.log {
            switch event {
            case .question: questions += 1; tries = 0
            case .attempt(_, let right):
                tries += 1
                if right { if tries == 1 { firstTry += 1 } else { afterTries += 1 } }
            case .skipped: skipped += 1
            default: break
            }
        }
        let other = max(0, questions - firstTry - afterTries - skipped)
        let pages = Set(
            session.log.compactMap { event -> Int? in if case .page(let n, _) = event { return n } else { return nil } }
        ).count
        let state =
            session.finished
            ? "Played to the end" : "Stopped at page \(session.page + 1) of \(session.lesson.pages.count)"
        return
            "\(state): \(pages) page\(pages == 1 ? "" : "s") seen, \(questions) question\(questions == 1 ? "" : "s"): "
            + "\(firstTry) right first time, \(afterTries) right after another try, \(other) worked out by the solution or still open, \(skipped) skipped."
    }

    /// A fenced block: an optional command line, then its output.
    static func code(_ line: String?, _ output: String) -> [String] {
        var body = output
        while body.hasSuffix("\n") { body.removeLast() }
        let fence = body.contains("```") ? "~~~" : "```"
        return [fence + "text"] + (line.map { [$0] } ?? []) + (body.isEmpty ? [] : [body]) + [fence, ""]
    }
}
