import XCTest
@testable import NNShell

/// Every line nnstep prints in help, lessons, errors and messages fits 80 columns.
final class WidthTests: XCTestCase {
    /// The lines of `text` wider than 80 columns, each with its width.
    private func wide(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { $0.displayWidth > 80 }.map { "\($0.displayWidth): \($0)" }
    }

    func testEveryHelpPageFits() {
        let session = LessonHarness.session()
        XCTAssertEqual(wide(session.greeting), [], "the greeting")
        XCTAssertEqual(wide(session.execute("help").output), [], "help")
        for command in Command.all {
            let page = session.execute("help \(command.name)")
            XCTAssertNil(page.error)
            XCTAssertEqual(wide(page.output), [], "help \(command.name)")
        }
    }

    func testEveryLessonPlayedToItsEndFits() {
        for file in LessonHarness.lessonFiles {
            let key = String(file.dropLast(".lesson".count))
            let transcript = LessonHarness.play(LessonHarness.answers(forLesson: key) + "quit\n")
            XCTAssertEqual(wide(transcript), [], file)
        }
    }

    func testErrorsAtATerminalAreWrappedAtWords() {
        var options = SessionOptions()
        options.interactive = true
        options.width = 120
        let session = Session(options: options)
        for line in ["show gradients", "step 3x", "set lr abc", "net 2-2-1 act=sigmiod", "load nothing-like-this", "frobnicate"] {
            let reply = session.execute(line)
            let error = try? XCTUnwrap(reply.error, line)
            XCTAssertEqual(wide(error ?? ""), [], line)
        }
        _ = session.execute("net 2-2-1")
        let message = session.execute("show gradients").error ?? ""
        XCTAssertTrue(message.hasSuffix("error: nothing to show yet: make an update first with 'step'\n       ('show weights' works at any time)"), message)
    }

    func testAQuotedCommandIsNeverSplit() {
        let lines = Reflow.fill("When you are ready, type 'load 9' to go on, or 'set lr 0.1' first.", width: 28)
        XCTAssertEqual(lines, ["When you are ready, type", "'load 9' to go on, or", "'set lr 0.1' first."])
        XCTAssertEqual(Reflow.fill("the learner's own 'quote", width: 12), ["the", "learner's", "own 'quote"])
    }
}
