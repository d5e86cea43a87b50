import Foundation
import XCTest

@testable import NNShell

/// Tasks (`goal:` and `check`), diagnosed slips (`wrong EXPR:`) and answers of several numbers,
/// on the students example: with every weight 1, z¹ = 80 + 3.5 = 83.5 at both hidden nodes,
/// ŷ = 167, ∂L/∂w²₁₁ = −2(1.8 − 167)·83.5 = 27588.4 and w²₁₁ becomes 1 − 0.1·27588.4 = −2757.84.
final class LessonTaskTests: XCTestCase {
    static let lesson = """
        # Tasks
        setup:
            net 2-2-1 init=1
            data students

        ## Slips

        The first update is coming.

        ? What will both hidden outputs be?
            answer: next O1_1, next O1_2
            hint: Each is 80·1 + 3.5·1.
            solution: Both are {{next O1_1}}.

        ? After it, what will w²₁₁ be?
            answer: next w2_11
            wrong w2_11 + lr * next grad w2_11: that adds η·G; the update subtracts it.
            hint: w²₁₁ − η·G.
            solution: {{next w2_11}}.

        ## A task

        Now you drive.

        ? Set a learning rate below 0.001 and make two updates.
            goal: lr < 0.001 and updates >= 2
            do: set lr 0.0001
            do: step 2
            hint: 'set lr 0.0001', then 'step 2'.
            solution: A tiny rate keeps the steps small.

        ## After

        You made {{updates}} updates at η = {{lr}}.
        """

    var session: Session!

    override func setUp() {
        let directory = LessonHarness.temporaryDirectory()
        try? Self.lesson.write(toFile: directory + "/01-tasks.lesson", atomically: true, encoding: .utf8)
        var options = SessionOptions()
        options.lessonDirectories = [directory]
        session = Session(options: options)
    }

    override func tearDown() { session = nil }

    func run(_ line: String) -> String { session.evaluate(line).output }

    func testSeveralNumbersAreJudgedOneByOne() {
        XCTAssertTrue(run("load 1").contains("(answer with 2 numbers separated by commas)"))
        XCTAssertTrue(run("83.5").contains("Type 2 numbers separated by commas"))
        let half = run("83.5, 80.0")
        XCTAssertTrue(half.contains("(the first is right; the second is too low)"), half)
        XCTAssertTrue(run("83.5, 83.5").contains("✓ Right: the engine computes 83.5, 83.5."))
    }

    func testASlipIsDiagnosedAndTheDigitsDecide() {
        _ = run("load 1")
        _ = run("83.5, 83.5")
        let slip = run("2759.84")
        XCTAssertTrue(slip.contains("That adds η·G; the update subtracts it."), slip)
        XCTAssertFalse(slip.contains("Hint 1"), "a diagnosed slip says what went wrong instead of the next hint")
        XCTAssertTrue(run("-2759.84").contains("(too low)"), "two units off in the sixth digit is wrong")
        XCTAssertTrue(run("-2758").contains("✓ Right"), "four significant digits, rounded, are right")
    }

    func testATaskIsCheckedOnTheLearnersOwnState() {
        _ = run("load 1")
        _ = run("83.5, 83.5")
        _ = run("-2757.84")
        let page = run("")
        XCTAssertTrue(page.contains("(a task: type any commands, then 'check'"), page)
        XCTAssertTrue(run("0.5").contains("This is a task"))
        let early = run("check")
        XCTAssertTrue(early.contains("✗ Not yet:\n  ✗ lr < 0.001 (now 0.1)\n  ✗ updates >= 2 (now 0)"), early)
        _ = run("set lr 0.0001")
        XCTAssertTrue(run("check").contains("✓ lr < 0.001 (now 0.0001)\n  ✗ updates >= 2 (now 0)"))
        _ = run("step 2")
        let done = run("check")
        XCTAssertTrue(done.contains("✓ Goal reached:"), done)
        XCTAssertTrue(
            run("").contains("You made 2 updates at η = 0.0001."), "the lesson goes on from the learner's state")
    }

    func testSkippingATaskRunsItsCommandsFromWhereItBegan() {
        _ = run("load 1")
        _ = run("83.5, 83.5")
        _ = run("-2757.84")
        _ = run("")
        _ = run("set lr 5")
        _ = run("step 1")
        let skipped = run("skip")
        XCTAssertTrue(skipped.contains("(The network is put back as it was when the task began.)"), skipped)
        XCTAssertTrue(skipped.contains(" step 2\n"), skipped)
        XCTAssertTrue(run("").contains("You made 2 updates at η = 0.0001."))
    }

    func testTheCheckerRunsATasksCommands() {
        let broken = Self.lesson.replacingOccurrences(of: "    do: step 2\n", with: "    do: step 1\n")
        let issues = LessonChecker.lessonIssues(broken).map(\.message)
        XCTAssertEqual(issues, ["the task's 'do:' commands do not reach its goal"])
        let idle = Self.lesson.replacingOccurrences(of: "goal: lr < 0.001", with: "goal: lr < 1")
            .replacingOccurrences(of: "updates >= 2", with: "updates >= 0")
        XCTAssertEqual(
            LessonChecker.lessonIssues(idle).map(\.message),
            ["the goal already holds when the task begins, so the learner has nothing to do"])
        XCTAssertEqual(LessonChecker.lessonIssues(Self.lesson), [])
        let noDo = Self.lesson.replacingOccurrences(of: "    do: set lr 0.0001\n    do: step 2\n", with: "")
        XCTAssertEqual(
            LessonParser.parse(noDo).1.map(\.message),
            ["a task needs 'do: COMMAND' lines: one way to reach its goal, run by 'solution' and 'skip'"])
    }
}

/// `nnstep --test`: each question's fate, and a failing exit when one is not answered right.
final class LessonTestTests: XCTestCase {
    func testTheReportNamesEachQuestionsFate() throws {
        let directory = LessonHarness.temporaryDirectory()
        let path = directory + "/01-tasks.lesson"
        try LessonTaskTests.lesson.write(toFile: path, atomically: true, encoding: .utf8)
        let good = LessonTest.run(
            lesson: path, answers: "83.5, 83.5\n2759.84\n-2757.84\n\ncheck\nset lr 0.0001\nstep 2\ncheck\n\n",
            answersName: "good.answers")
        XCTAssertTrue(good.passed, good.report)
        XCTAssertTrue(good.transcript.hasPrefix("> load \(path)\n"), good.transcript)
        XCTAssertEqual(
            good.report.split(separator: "\n").map { String($0.prefix(42)) },
            [
                "page 1, question 1: right at the first try",
                "page 1, question 2: right after 1 wrong — ",
                "page 2, question 3: right after 1 wrong — ",
                "3 of 3 questions answered right; the lesso"
            ])
        let bad = LessonTest.run(lesson: path, answers: "83.5, 83.5\nskip\n\nskip\n\n", answersName: "bad.answers")
        XCTAssertFalse(bad.passed)
        XCTAssertTrue(bad.report.contains("page 1, question 2: NOT answered right (skipped)"), bad.report)
        XCTAssertTrue(
            bad.report.hasSuffix("1 of 3 questions answered right; the lesson played to its end\n"), bad.report)
        let short = LessonTest.run(lesson: path, answers: "83.5, 83.5\n", answersName: "short.answers")
        XCTAssertFalse(short.passed)
        XCTAssertTrue(short.report.contains("the lesson stopped at page 1 of 3"), short.report)
        XCTAssertEqual(
            LessonTest.difference(expected: "a\nb\nc\n", actual: "a\nx\nc\n"),
            "the transcript differs from the expected one at line 2:\n  a\n- b\n+ x\n")
        XCTAssertNil(LessonTest.difference(expected: "a\n", actual: "a\n"))
    }
}
