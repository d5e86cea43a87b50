import XCTest

@testable import NNShell

/// Comments, continued lines, `source`, `history` and the dry run of `--check` on scripts.
final class ShellSyntaxTests: XCTestCase {
    func testCommentsEndTheLineOutsideQuotes() throws {
        XCTAssertEqual(
            try Token.split("data students   # trailing comment"),
            [Token("data", column: 1), Token("students", column: 6)])
        XCTAssertEqual(
            try Token.split("load \"a # b.lesson\" # the file"),
            [Token("load", column: 1), Token("a # b.lesson", column: 6)])
        XCTAssertEqual(try Token.split("# only a comment"), [])
        XCTAssertEqual(Token.withoutComment("set lr 0.1# no space"), "set lr 0.1")
        XCTAssertEqual(Token.withoutComment("say \"#1\" # x"), "say \"#1\" ")
    }

    func testABackslashContinuesTheLineAndErrorsPointIntoTheRightLine() {
        let lines = ScriptLine.lines(of: "net 2-2-1 \\\n  act=sigmoid \\  # comment\n  seed=3x\nstep\n")
        XCTAssertEqual(lines.map(\.text), ["net 2-2-1    act=sigmoid    seed=3x", "step"])
        XCTAssertEqual(lines.map(\.line), [1, 4])
        // "seed=3x" starts at column 29 of the joined text, column 3 of line 3.
        XCTAssertEqual(lines[0].location(29).line, 3)
        XCTAssertEqual(lines[0].location(29).column, 3)
        XCTAssertEqual(lines[0].location(5).line, 1)
        XCTAssertEqual(lines[0].location(5).column, 5)
        XCTAssertTrue(Token.continues("set lr \\"))
        XCTAssertFalse(Token.continues("set lr 1 # a comment \\"))
    }

    func testCommentsAndContinuationInAScript() {
        let script =
            "net 2-2-1   # a network\nset lr \\\n   0.05\nset w1_11 0.5 # half\ninspect w1_11\nset lr \\\n  abc\n"
        let session = LessonHarness.session()
        var errors = ""
        let status = ScriptRunner.run(
            source: script, fileName: "s.nn", session: session, keepGoing: true,
            output: { _ in }, errorOutput: { errors += $0 })
        XCTAssertEqual(status, 1)
        XCTAssertEqual(errors, "s.nn:7:3: expected a number for the learning rate, found 'abc'\n")
        XCTAssertEqual(session.state.settings.learningRate, 0.05)
        XCTAssertEqual(session.state.training?.network.weight(1, 1, 1), 0.5)
    }

    func testACommentAtALessonPauseIsNotEnter() {
        let session = LessonHarness.session()
        _ = session.execute("load 1")
        let prompt = session.prompt
        XCTAssertEqual(session.execute("# just a note").output, "")
        XCTAssertEqual(session.prompt, prompt, "a comment moved the lesson on")
    }

    func testSourceRunsAFileAndTheFirstErrorUndoesAllOfIt() throws {
        let directory = LessonHarness.temporaryDirectory()
        try "net 2-2-1\nset lr 0.25 # quarter\n".write(
            toFile: directory + "/good.nn", atomically: true, encoding: .utf8)
        try "set lr 0.5\nstep 2\nset lr \\\n  x\n".write(
            toFile: directory + "/bad.nn", atomically: true, encoding: .utf8)
        let session = LessonHarness.session()
        session.directory = directory
        let good = session.execute("source good.nn")
        XCTAssertNil(good.error)
        XCTAssertTrue(good.output.hasPrefix("> net 2-2-1\nbuilt a 2-2-1 network"), good.output)
        XCTAssertEqual(session.state.settings.learningRate, 0.25)
        let bad = session.evaluate("source bad.nn")
        // `step 2` fails first: there is no data. Nothing of bad.nn is kept (lr stays 0.25).
        XCTAssertEqual(
            bad.error?.message,
            "bad.nn:2:1: there is no data to learn from; choose some with 'data students' or add rows with 'data add'")
        XCTAssertEqual(bad.error?.column, 8)
        XCTAssertEqual(session.state.settings.learningRate, 0.25)
    }

    func testAFileThatSourcesItselfIsStopped() throws {
        let directory = LessonHarness.temporaryDirectory()
        try "set lr 0.3\nsource b.nn\n".write(toFile: directory + "/a.nn", atomically: true, encoding: .utf8)
        try "source a.nn\n".write(toFile: directory + "/b.nn", atomically: true, encoding: .utf8)
        let session = LessonHarness.session()
        session.directory = directory
        let outcome = session.evaluate("source a.nn")
        XCTAssertEqual(
            outcome.error?.message,
            "a.nn:2:8: b.nn:1:8: 'a.nn' is already being sourced; "
                + "a file cannot source itself, directly or through another file")
        XCTAssertEqual(session.state.settings.learningRate, 0.1)
        XCTAssertEqual(session.evaluate("source nowhere.nn").error?.message, "cannot read 'nowhere.nn': no such file")
    }

    func testHistoryListsTheLastLinesTyped() {
        let session = LessonHarness.session()
        for line in ["net 2-2-1", "  ", "data students", "step", "history 2"] { session.recordTyped(line) }
        XCTAssertEqual(session.execute("history 2").output, "  3  step\n  4  history 2\n")
        XCTAssertEqual(
            session.execute("history").output, "  1  net 2-2-1\n  2  data students\n  3  step\n  4  history 2\n")
        XCTAssertEqual(
            session.evaluate("history 0").error?.message, "the number of lines must be between 1 and 1000000, found 0")
        XCTAssertEqual(LessonHarness.session().execute("history").output, "(nothing typed yet)\n")
    }

    func testCheckRunsEveryCommandAgainstItsStateAndWritesNothing() throws {
        let directory = LessonHarness.temporaryDirectory()
        let script = """
            net 2-2-1
            data students
            step 3x
            set lr abc
            step 2
            export json out.json
            plot loss --svg loss.svg
            review
            source missing.nn
            """
        let problems = ScriptRunner.check(
            source: script, fileName: "s.nn", options: SessionOptions(), directory: directory)
        XCTAssertEqual(
            problems,
            [
                "s.nn:3:6: expected a whole number for the number of updates, found '3x'",
                "s.nn:4:8: expected a number for the learning rate, found 'abc'",
                "s.nn:8:1: no lesson to review yet; 'load' one first, or 'review --html FILE' for this session",
                "s.nn:9:8: cannot read 'missing.nn': no such file"
            ])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [], "the check wrote a file")
        let clean = ScriptRunner.check(
            source: "net 2-2-1\ndata students\nstep 2\n", fileName: "c.nn",
            options: SessionOptions(), directory: directory)
        XCTAssertEqual(clean, [])
    }

    func testQuitInALessonSaysWhereTheLearnerIsAndHowToComeBack() {
        let session = LessonHarness.session(stateDirectory: LessonHarness.temporaryDirectory())
        _ = session.execute("load 8")
        let reply = session.execute("quit")
        XCTAssertTrue(reply.quit)
        XCTAssertEqual(
            reply.output,
            "Your progress is saved: lesson 8 at page 1 of \(session.state.lesson!.lesson.pages.count). "
                + "To carry on, start nnstep\nand type 'load 8'.\n")
        XCTAssertEqual(LessonHarness.session().execute("quit").output, "")
    }

    func testLessonCommandsAreMarkedApartFromTheLearners() {
        let session = LessonHarness.session()
        let output = session.execute("load 8").output
        XCTAssertTrue(output.contains("lesson 8» net 2-2-1"), output)
        XCTAssertFalse(output.contains("lesson 8> "), output)
    }
}
