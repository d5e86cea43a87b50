/// `nnstep --test LESSON ANSWERS [EXPECTED]`: plays a lesson with a file of learner inputs
/// (one a line; an empty line is Enter), as a teacher would check it outside `swift test`.
///
/// The answers may start with their own `load …` line; otherwise `load LESSON` is played
/// first. The session is fixed (80 columns, plain text, a clock that ticks 1 ms per reading,
/// no files written for progress), so the transcript is the same on every machine and the
/// same as the one the package's tests record.
public enum LessonTest {
    public struct Result: Sendable {
        /// Everything shown, each input after `> `, errors after `! `, then `[exit N]`.
        public var transcript: String
        /// One line per question, then a summary.
        public var report: String
        /// Every question answered right and the lesson played to its end.
        public var passed: Bool
    }

    /// Plays `lesson` (a path or a lesson name) with `answers`.
    public static func run(
        lesson: String, answers: String, answersName: String, lessonDirectories: [String] = [],
        directory: String? = nil
    ) -> Result {
        var options = SessionOptions()
        options.width = 80
        options.lessonDirectories = lessonDirectories
        if options.lessonDirectories.isEmpty, lesson.contains("/") || lesson.hasSuffix(".lesson") {
            options.lessonDirectories = [Path.parent(lesson).isEmpty ? "." : Path.parent(lesson)]
        }
        let session = Session(options: options)
        session.directory = directory
        let ticks = Ticks()
        session.clock = { ticks.next() }
        let firstInput = answers.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let script = firstInput.hasPrefix("load ") ? answers : "load \(lesson)\n" + answers
        var transcript = ""
        let status = ScriptRunner.run(
            source: script, fileName: answersName, session: session, keepGoing: true,
            output: { transcript += $0 }, errorOutput: { transcript += "! " + $0 })
        transcript += "[exit \(status)]\n"
        let (report, passed) = summary(session.state.lesson)
        return Result(transcript: transcript, report: report, passed: passed && status == 0)
    }

    /// Each question's fate, from the lesson's log.
    static func summary(_ lesson: LessonSession?) -> (String, Bool) {
        guard let lesson else { return ("no lesson was played\n", false) }
        var lines: [String] = []
        var page = 0, asked = 0, right = 0
        var open: (text: String, wrong: Int)?
        func close(_ fate: String) {
            guard let question = open else { return }
            lines.append("page \(page), question \(asked): \(fate) — \(question.text.prefix(60))")
            open = nil
        }
        for event in lesson.log {
            switch event {
            case .page(let number, _): page = number
            case .question(let text):
                close("NOT answered right")
                asked += 1
                open = (text.split(separator: "\n").joined(separator: " "), 0)
            case .attempt(_, let ok) where ok:
                right += open == nil ? 0 : 1
                close(open.map { $0.wrong == 0 ? "right at the first try" : "right after \($0.wrong) wrong" } ?? "")
            case .attempt: open?.wrong += 1
            case .skipped: close("NOT answered right (skipped)")
            default: break
            }
        }
        close("NOT answered right")
        let finished = lesson.finished
        lines.append(
            "\(right) of \(asked) question\(asked == 1 ? "" : "s") answered right"
                + (finished
                    ? "; the lesson played to its end"
                    : "; the lesson stopped at page \(lesson.page + 1) of \(lesson.lesson.pages.count)"))
        return (lines.joined(separator: "\n") + "\n", right == asked && finished)
    }

    /// Where `actual` first differs from `expected`, with a line of context, or nil when equal.
    public static func difference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        var text = "the transcript differs from the expected one at line \(line + 1):\n"
        if line > 0 { text += "  \(old[line - 1])\n" }
        if line < old.count { text += "- \(old[line])\n" }
        if line < new.count { text += "+ \(new[line])\n" }
        return text
    }
}

/// A clock for fixed transcripts: each reading is 1 ms after the last.
final class Ticks: @unchecked Sendable {
    private var now = 0.0
    func next() -> Double { now += 0.001; return now }
}
