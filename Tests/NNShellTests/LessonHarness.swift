import Foundation
import XCTest

@testable import NNShell

/// Plays lessons in-process, as `nnstep --script` would, with a fixed clock and width.
enum LessonHarness {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let lessons = root.appendingPathComponent("Lessons").path
    static let transcripts = tests.appendingPathComponent("LessonTranscripts")

    /// A session that finds the package's lessons; progress in `stateDirectory` (nil: memory).
    static func session(stateDirectory: String? = nil, ascii: Bool = false) -> Session {
        var options = SessionOptions()
        options.width = 80
        options.ascii = ascii
        options.lessonDirectories = [lessons]
        options.stateDirectory = stateDirectory
        options.recordsPictures = false  // playing every lesson stays fast; HTMLReviewTests turn it on
        let session = Session(options: options)
        session.directory = root.path
        let clock = FakeClock()
        session.clock = { clock.tick() }
        return session
    }

    /// Runs `script` (one input line per line; a blank line is Enter) and returns the transcript.
    static func play(_ script: String, in session: Session = session(), name: String = "answers") -> String {
        var transcript = ""
        let status = ScriptRunner.run(
            source: script, fileName: name, session: session, keepGoing: true,
            output: { transcript += $0 }, errorOutput: { transcript += "! " + $0 })
        return transcript + "[exit \(status)]\n"
    }

    /// Every lesson file in `Lessons/`, sorted.
    static var lessonFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: lessons)) ?? []).filter { $0.hasSuffix(".lesson") }
            .sorted()
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "nnstep-lesson-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Compares with a golden file (`Golden.assertMatches`: recording writes it and fails).
    static func assertGolden(_ actual: String, _ url: URL, file: StaticString = #filePath, line: UInt = #line) {
        Golden.assertMatches(actual, url, file: file, line: line)
    }

    /// Answers for a lesson: at each question one wrong answer, then the engine's right one
    /// (as a learner would type it from the screen); Enter at every other pause.
    static func answers(forLesson key: String) -> String {
        let session = session()
        var lines = ["load \(key)"]
        _ = session.evaluate(lines[0])
        var guardCount = 0
        while let lesson = session.state.lesson, lesson.isActive, guardCount < 500 {
            guardCount += 1
            guard let open = lesson.open else {
                lines.append("")
                _ = session.evaluate("")
                continue
            }
            let (wrong, right) = answerPair(open, digits: session.state.format.digits)
            for typed in [wrong] + right {
                lines.append(typed)
                _ = session.evaluate(typed)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A wrong input and the inputs that answer `open` rightly: the numbers as a learner would
    /// type them, the right word, or for a task `check` (too early), its `do:` commands and `check`.
    static func answerPair(_ open: OpenCheckpoint, digits: Int = 4) -> (wrong: String, right: [String]) {
        switch open.expected {
        case .numbers(let values):
            let wrong = values.map { AnswerJudge.typable($0 * 1.5 + 1.2345, digits: digits) }.joined(separator: ", ")
            return (wrong, [values.map { AnswerJudge.typable($0, digits: digits) }.joined(separator: ", ")])
        case .choice(let answer, let labels):
            return (labels.first { $0 != answer }!, [answer])
        case .goal:
            return ("check", open.checkpoint.actions.map(\.text) + ["check"])
        }
    }
}
