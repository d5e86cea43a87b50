import Foundation
import XCTest

@testable import NNShell

/// Every lesson plays to its end in script mode from a file of answers, and the whole
/// transcript must equal its golden file. Each answers file answers every question once
/// wrongly and then rightly, so the transcript shows each checkpoint rejecting and accepting.
///
/// `NNSTEP_RECORD=1 swift test` re-records the transcripts and rewrites each answers file
/// from the engine's answers (a wrong one first at each question): review both in the diff.
final class LessonTranscriptTests: XCTestCase {
    func testEveryLessonPlaysToItsEnd() throws {
        let files = LessonHarness.lessonFiles
        XCTAssertGreaterThanOrEqual(files.count, 14, "one lesson per topic of the course, and more")
        let numbers = files.compactMap { Int($0.prefix(2)) }
        XCTAssertEqual(numbers, Array(1...files.count), "lessons are numbered 01, 02, … without gaps")
        let record = Golden.isRecording
        try FileManager.default.createDirectory(at: LessonHarness.transcripts, withIntermediateDirectories: true)
        for file in files {
            let key = String(file.dropLast(".lesson".count))
            let answersURL = LessonHarness.transcripts.appendingPathComponent(key + ".answers")
            if record { Golden.assertMatches(LessonHarness.answers(forLesson: key), answersURL) }
            guard let answers = try? String(contentsOf: answersURL, encoding: .utf8) else {
                XCTFail("\(key): no answers file \(answersURL.lastPathComponent) (NNSTEP_RECORD=1 writes one)")
                continue
            }
            let result = LessonTest.run(
                lesson: key, answers: answers, answersName: key + ".answers",
                lessonDirectories: [LessonHarness.lessons], directory: LessonHarness.root.path)
            XCTAssertTrue(result.passed, "\(key):\n\(result.report)")
            let transcript = result.transcript
            XCTAssertTrue(transcript.contains("That is the end of lesson"), "\(key) did not reach its end")
            XCTAssertTrue(transcript.hasSuffix("[exit 0]\n"), "\(key) had a failing command")
            XCTAssertFalse(transcript.contains("lesson problem"), "\(key) reported a problem of its own")
            XCTAssertFalse(transcript.contains("⟨"), "\(key) has a live value that could not be computed")
            let lines = transcript.components(separatedBy: "\n")
            let questions = lines.indices.filter {
                lines[$0].hasPrefix("? ") && ($0 == 0 || !lines[$0 - 1].hasPrefix("? "))
            }.count
            let wrong = lines.filter { $0.hasPrefix("✗ Not quite") || $0.hasPrefix("✗ Not yet") }.count
            let right = lines.filter { $0.hasPrefix("✓ Right") || $0.hasPrefix("✓ Goal reached") }.count
            XCTAssertGreaterThan(questions, 0, "\(key) asks nothing")
            XCTAssertEqual(right, questions, "\(key): every question accepts the engine's answer")
            XCTAssertGreaterThanOrEqual(wrong, questions, "\(key): every question rejects a wrong answer")
            LessonHarness.assertGolden(transcript, LessonHarness.transcripts.appendingPathComponent(key + ".txt"))
        }
    }

    /// The same lesson with a different learning rate expects different numbers: the answers
    /// are computed by the engine when the question is asked, never typed into the lesson.
    func testAnswersComeFromTheEngine() throws {
        let original = try String(contentsOfFile: LessonHarness.lessons + "/08-nine-gradients.lesson", encoding: .utf8)
        let directory = LessonHarness.temporaryDirectory()
        let changed = directory + "/08-changed.lesson"
        try original.replacingOccurrences(of: "    set lr 0.1\n", with: "    set lr 0.05\n")
            .replacingOccurrences(
                of: "net 2-2-1 act=linear loss=mse init=1", with: "net 2-2-1 act=linear loss=mse init=0.5"
            )
            .write(toFile: changed, atomically: true, encoding: .utf8)
        func expectations(_ name: String) -> [Double] {
            let session = LessonHarness.session()
            _ = session.evaluate("load \(name)")
            var values: [Double] = []
            while let lesson = session.state.lesson, lesson.isActive, values.count < 40 {
                if case .numbers(let found)? = lesson.open?.expected { values += found }
                _ = session.evaluate(lesson.open == nil ? "" : "skip")
            }
            return values
        }
        let before = expectations("8"), after = expectations(changed)
        XCTAssertEqual(before.count, after.count)
        XCTAssertEqual(before.first, 6, "the number of weights does not depend on their values")
        // Every later number (outputs, the loss, the gradients, the update) moves with them.
        let differing = zip(before, after).dropFirst().filter { $0 != $1 }.count
        XCTAssertGreaterThanOrEqual(differing, before.count - 3, "before \(before)\nafter \(after)")
        // What was right for the original is now turned down.
        let session = LessonHarness.session()
        _ = session.evaluate("load \(changed)")
        _ = session.evaluate("6")
        _ = session.evaluate("")
        XCTAssertTrue(session.evaluate("83.5").output.contains("Not quite"))
        XCTAssertTrue(session.evaluate(NumberFormat()(after[1])).output.contains("Right"))
    }

    /// The course notes' two arithmetic slips: the lessons reject the slipped numbers, accept
    /// the engine's, and say kindly where a common worked example goes wrong.
    func testTheNotesSlipsAreShownWithTheEngineValues() {
        let session = LessonHarness.session()
        _ = session.evaluate("load 8")
        for line in ["skip", "", "skip", "skip", ""] { _ = session.evaluate(line) }
        XCTAssertTrue(session.evaluate("10.2").output.hasPrefix("✗ Not quite: you typed 10.2 (too low)."))
        let right = session.evaluate("10.24").output
        XCTAssertTrue(right.hasPrefix("✓ Right: the engine computes 10.24."), right)
        XCTAssertTrue(
            right.contains("A common worked example of this course\n  writes 10.2 here: the last digit fell off."),
            right)

        _ = session.evaluate("load 6")
        for line in ["", "skip"] { _ = session.evaluate(line) }
        let forgot = session.evaluate("46").output
        XCTAssertTrue(forgot.hasPrefix("✗ Not quite: you typed 46. That leaves out the 4 biases of layer 1"), forgot)
        XCTAssertTrue(session.evaluate("50").output.hasPrefix("✓ Right: the engine computes 50."))
        let slip = session.evaluate("").output
        XCTAssertTrue(slip.contains("adds up 20 + 15 + 8 + 3 and\narrives at 46."), slip)
        XCTAssertTrue(slip.contains("leaves\nout its 4 biases. With them the total is 50."), slip)
    }
}
