import Foundation
import XCTest

@testable import NNShell

/// The runner's behaviour at a pause and at a question, on a small lesson written here.
final class LessonRunnerTests: XCTestCase {
    static let lesson = """
        # Tiny
        about: A test lesson.

        setup:
            net 2-2-1 init=1
            data students

        ## First page

        ŷ will be {{next yhat}}.

        ? What will ŷ be?
            answer: next yhat
            hint: First hint.
            hint: Second hint, {{w1_11}}.
            solution: It is {{next yhat}}.

        > step

        ## Second page

        Now the sign.

        ? Will w2_11 go up or down next?
            choice up: next w2_11 > w2_11
            choice down: next w2_11 < w2_11
            hint: Look at the sign of the gradient.
            solution: Up.

        ## Third page

        The loss was {{loss}}.

        ? Relative tolerance: the loss?
            answer: loss
            within: 1%
            hint: h
            solution: s
        """

    static let other = """
        # Other
        setup:
            net 2-1

        ## Only page

        Nothing to ask.
        """

    var session: Session!

    override func setUp() {
        let directory = LessonHarness.temporaryDirectory()
        try? Self.lesson.write(toFile: directory + "/01-tiny.lesson", atomically: true, encoding: .utf8)
        try? Self.other.write(toFile: directory + "/02-other.lesson", atomically: true, encoding: .utf8)
        var options = SessionOptions()
        options.lessonDirectories = [directory]
        session = Session(options: options)
    }

    // XCTest keeps every test case until the process exits; a session kept that long is
    // reported by LeakSanitizer (`swift test --sanitize=address`), which cannot follow the
    // pointers Swift keeps in enum payloads. So let it go after each test.
    override func tearDown() { session = nil }

    func run(_ line: String) -> Outcome { session.evaluate(line) }

    func testLoadShowsTheSetupAndTheFirstQuestion() {
        let out = run("load 1").output
        XCTAssertTrue(out.contains("lesson 1» net 2-2-1 init=1"), out)
        XCTAssertTrue(out.contains("── 1/3 · First page"), out)
        XCTAssertTrue(out.contains("ŷ will be 167."), out)
        XCTAssertTrue(out.contains("? What will ŷ be?"), out)
        XCTAssertEqual(session.prompt, "answer> ")
    }

    func testARightAnswerIsAcceptedAndTheSolutionShown() {
        _ = run("load 1")
        let out = run("167").output
        XCTAssertTrue(out.hasPrefix("✓ Right: the engine computes 167."), out)
        XCTAssertTrue(out.contains("It is 167."), out)
        XCTAssertTrue(out.contains("lesson 1 (1/3)» step"), out)
        XCTAssertEqual(session.prompt, "lesson 1 (1/3)> ")
    }

    func testAWrongAnswerIsRejectedWithTheNextHint() {
        _ = run("load 1")
        XCTAssertEqual(run("200").output, "✗ Not quite: you typed 200 (too high).\nHint 1 of 2: First hint.\n")
        XCTAssertEqual(run("100").output, "✗ Not quite: you typed 100 (too low).\nHint 2 of 2: Second hint, 1.\n")
        XCTAssertTrue(run("150").output.contains("That was the last hint"))
        XCTAssertEqual(session.prompt, "answer> ")
        XCTAssertTrue(run("2*(80+3.5)").output.hasPrefix("✓ Right"), "arithmetic is accepted")
    }

    func testAWrongSignIsNamed() {
        _ = run("load 1")
        XCTAssertTrue(
            run("-167").output.hasPrefix("✗ Not quite: you typed -167 (the size is right, but the sign is wrong)."))
        XCTAssertTrue(run("-100").output.hasPrefix("✗ Not quite: you typed -100 (too low, and the sign is wrong)."))
    }

    func testAnswersThatAreNotNumbersAreExplained() {
        _ = run("load 1")
        XCTAssertTrue(run("16x7").output.contains("is not a number"))
        XCTAssertTrue(run("yhat").output.contains("Type the number itself"))
        XCTAssertTrue(run("show data").output.contains("students: 3 rows"), "commands still run at a question")
    }

    func testHintSolutionAndSkip() {
        _ = run("load 1")
        XCTAssertEqual(run("hint").output, "Hint 1 of 2: First hint.\n")
        XCTAssertEqual(run("hint").output, "Hint 2 of 2: Second hint, 1.\n")
        XCTAssertTrue(run("hint").output.contains("No more hints"))
        let solution = run("solution").output
        XCTAssertTrue(solution.hasPrefix("The engine computes 167.\n  It is 167."), solution)
        XCTAssertEqual(run("hint").error?.message, "no question is waiting; 'hint' helps with a lesson's question")
        _ = run("")
        let skipped = run("skip").output
        XCTAssertTrue(
            skipped.hasPrefix("Skipped. The answer is up.\n  Up."), "skip shows the worked solution too: \(skipped)")
    }

    func testChoicesAcceptOnlyTheirWords() {
        _ = run("load 1")
        _ = run("skip")
        _ = run("")
        XCTAssertTrue(run("sideways").output.contains("not one of the choices; answer with one of: up, down"))
        XCTAssertTrue(run("down").output.hasPrefix("✗ Not quite"))
        XCTAssertTrue(run("UP").output.hasPrefix("✓ Right: up.\n"))
    }

    func testEnterAtAQuestionAsksForTheAnswer() {
        _ = run("load 1")
        XCTAssertTrue(run("").output.contains("A question is waiting"))
        XCTAssertTrue(run("next").output.contains("A question is waiting"))
    }

    func testRelativeToleranceAndTheEnd() {
        _ = run("load 1")
        _ = run("skip"); _ = run(""); _ = run("skip"); _ = run("")
        let loss = session.state.training!.lastStep!.loss
        XCTAssertTrue(run(String(loss * 1.02)).output.hasPrefix("✗"))
        let out = run(String(loss * 1.009)).output
        XCTAssertTrue(out.hasPrefix("✓"), out)
        XCTAssertTrue(out.contains("That is the end of lesson 1"), out)
        XCTAssertTrue(
            out.replacingOccurrences(of: "\n", with: " ").contains("and 'load 2' for the next lesson (Other)."), out)
        XCTAssertEqual(session.prompt, "nnstep> ")
        XCTAssertFalse(session.isLessonActive)
        XCTAssertEqual(
            run("next").error?.message, "lesson 1 is over; 'restart' plays it again, 'lessons' lists the others")
    }

    func testTheLastLessonSaysItIsTheLast() {
        let out = run("load 2").output
        XCTAssertTrue(
            out.replacingOccurrences(of: "\n", with: " ").contains(
                "'lessons' to see them all: this was the last lesson."), out)
        XCTAssertFalse(out.contains("for the next lesson"), out)
    }

    func testLoadingAnotherLessonSaysTheCurrentOneIsLeft() {
        _ = run("load 1")
        _ = run("167"); _ = run("")
        let out = run("load 2").output
        XCTAssertTrue(
            out.replacingOccurrences(of: "\n", with: " ").hasPrefix(
                "(Leaving lesson 1 at page 2 of 3; your place is kept, and 'load 1' carries on from there.) Lesson 2"),
            out)
        XCTAssertFalse(run("load 2").output.hasPrefix("(Leaving"), "a finished lesson is not left")
    }

    func testExploringIsAllowedAndTheLessonPutsItsNetworkBack() {
        _ = run("load 1")
        _ = run("167")
        XCTAssertTrue(run("set w2_11 5").error == nil)
        let out = run("").output
        XCTAssertTrue(out.hasPrefix("(Your commands changed the network"), out)
        XCTAssertEqual(
            session.state.training?.network.weight(2, 1, 1) ?? 0, LessonHarness.valueAfterFirstUpdate, accuracy: 1e-9)
    }

    func testBackShowsThePreviousPageFromItsOwnStart() {
        _ = run("load 1")
        _ = run("167"); _ = run("")
        XCTAssertEqual(session.state.training?.updateCount, 1)
        let out = run("back").output
        XCTAssertTrue(out.contains("── 1/3 · First page"), out)
        XCTAssertEqual(session.state.training?.updateCount, 0, "the page starts again from its own state")
        XCTAssertEqual(session.prompt, "answer> ")
    }

    func testRestartBeginsAgainAndReviewTellsTheStory() {
        _ = run("load 1")
        _ = run("200"); _ = run("167")
        _ = run("inspect w1_11")
        let review = run("review").output
        XCTAssertTrue(review.hasPrefix("# Review: Lesson 1 · Tiny\n"), review)
        XCTAssertTrue(review.contains("- You answered `200`: not quite"), review)
        XCTAssertTrue(review.contains("- You answered `167`: right ✓"), review)
        XCTAssertTrue(review.contains("You tried on your own:\n\n```text\n> inspect w1_11"), review)
        XCTAssertTrue(review.contains("1 right after another try"), review)
        XCTAssertTrue(run("restart").output.contains("── 1/3 · First page"))
        XCTAssertEqual(session.state.training?.updateCount, 0)
    }

    func testReviewIsWrittenToAFile() throws {
        _ = run("load 1")
        let path = LessonHarness.temporaryDirectory() + "/review.md"
        XCTAssertEqual(run("review \(path)").output, "wrote the review of lesson 1 to \(path)\n")
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("## 1. First page"))
    }

    func testLessonCommandsWithoutALesson() {
        for name in ["next", "back", "hint", "solution", "skip", "restart"] {
            XCTAssertEqual(run(name).error?.message, "no lesson is running; type 'lessons' to see them", name)
        }
        XCTAssertEqual(
            run("review").error?.message,
            "no lesson to review yet; 'load' one first, or 'review --html FILE' for this session")
        XCTAssertEqual(run("load 9").error?.message, "there is no lesson 9; type 'lessons' to see them")
    }
}

extension LessonHarness {
    /// w²₁₁ after the first update of the students example: 1 − 0.1 · 27588.4.
    static let valueAfterFirstUpdate = 1 - 0.1 * 27588.399999999998
}
