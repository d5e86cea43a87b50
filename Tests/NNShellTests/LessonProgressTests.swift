import Foundation
import XCTest

@testable import NNShell

/// Progress is saved in the state directory, offered back on the next start, and a damaged
/// file is moved aside with a warning instead of stopping anything.
final class LessonProgressTests: XCTestCase {
    func progress(_ directory: String) throws -> LessonProgress {
        let text = try String(contentsOfFile: directory + "/progress.json", encoding: .utf8)
        return try XCTUnwrap(LessonProgress(json: text), text)
    }

    func testProgressIsSavedAndTheLessonResumesWhereItWasLeft() throws {
        let directory = LessonHarness.temporaryDirectory() + "/state"
        let first = LessonHarness.session(stateDirectory: directory)
        _ = first.evaluate("load 8")
        _ = first.evaluate("skip")
        _ = first.evaluate("")
        _ = first.evaluate("skip")
        _ = first.evaluate("skip")
        _ = first.evaluate("")
        XCTAssertEqual(
            try progress(directory).lessons["08-nine-gradients"],
            LessonProgress.Entry(title: "The nine gradients", page: 3, pages: 12, finished: false))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0 != "progress.json" && $0 != "progress.json.lock"
        }
        XCTAssertEqual(leftovers, [], "no temporary files are left behind")

        let second = LessonHarness.session(stateDirectory: directory)
        XCTAssertTrue(
            second.greeting.replacingOccurrences(of: "\n", with: " ").contains(
                "You left lesson 8 (The nine gradients) at page 3 of 12; 'load 8' carries on from there."),
            second.greeting)
        XCTAssertTrue(second.evaluate("lessons").output.contains("left at page 3 of 12"))
        let resumed = second.evaluate("load 8").output
        XCTAssertTrue(resumed.contains("You left this lesson at page 3 of 12"), resumed)
        XCTAssertFalse(resumed.contains("── 1/12"), "earlier pages are replayed without being shown")
        XCTAssertTrue(resumed.contains("── 3/12 · The loss, and a common slip"), resumed)
        XCTAssertEqual(second.prompt, "answer> ")
        XCTAssertEqual(
            second.state.training?.network.bias(2, 1), -162, "the replay ran page 3's commands up to its question")
    }

    /// Two sessions at once, each in its own lesson: the file ends up with both.
    func testTwoSessionsAtOnceLoseNothing() throws {
        let directory = LessonHarness.temporaryDirectory() + "/state"
        let first = LessonHarness.session(stateDirectory: directory)
        let second = LessonHarness.session(stateDirectory: directory)
        _ = first.evaluate("load 8")
        _ = second.evaluate("load 2")
        _ = first.evaluate("skip")
        _ = second.evaluate("skip")
        let saved = try progress(directory)
        XCTAssertEqual(saved.lessons.keys.sorted(), ["02-perceptron", "08-nine-gradients"])
        let listing = second.evaluate("lessons").output
        XCTAssertTrue(
            listing.contains("The nine gradients                                 started"),
            "the second session sees the first's lesson")
    }

    func testFinishedLessonsAreMarkedDone() throws {
        let directory = LessonHarness.temporaryDirectory()
        let session = LessonHarness.session(stateDirectory: directory)
        _ = session.evaluate("load 2")
        var guardCount = 0
        while session.isLessonActive, guardCount < 100 {
            guardCount += 1
            _ = session.evaluate(session.prompt == "answer> " || session.prompt == "task> " ? "skip" : "")
        }
        XCTAssertEqual(try progress(directory).lessons["02-perceptron"]?.finished, true)
        let line = session.evaluate("lessons").output.split(separator: "\n").first {
            $0.contains("The perceptron: weighted sum")
        }
        XCTAssertEqual(line?.hasSuffix("  done"), true, String(line ?? ""))
        XCTAssertTrue(
            session.evaluate("load 2").output.contains("── 1/6"), "a finished lesson starts from its beginning")
    }

    func testADamagedFileIsSetAsideWithAWarning() throws {
        let directory = LessonHarness.temporaryDirectory()
        try "{ not json".write(toFile: directory + "/progress.json", atomically: true, encoding: .utf8)
        let session = LessonHarness.session(stateDirectory: directory)
        let out = session.evaluate("lessons").output
        XCTAssertTrue(
            out.hasPrefix(
                "warning: the lesson progress file was damaged; it was moved to \(directory)/progress.json.damaged and progress starts afresh\n"
            ), out)
        XCTAssertEqual(try String(contentsOfFile: directory + "/progress.json.damaged", encoding: .utf8), "{ not json")
        XCTAssertFalse(session.evaluate("lessons").output.contains("warning"), "the warning is given once")
        _ = session.evaluate("load 1")
        XCTAssertEqual(try progress(directory).lessons.keys.sorted(), ["01-deep-learning"])
    }

    func testWithoutAStateDirectoryProgressStaysInMemory() {
        let session = LessonHarness.session()
        _ = session.evaluate("load 3")
        _ = session.evaluate("")
        XCTAssertTrue(session.evaluate("lessons").output.contains("left at page 2 of 6"))
    }
}
