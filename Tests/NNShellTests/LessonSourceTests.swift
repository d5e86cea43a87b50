import Foundation
import XCTest

@testable import NNShell

/// What teachers trip over: `@include`, a byte-order mark, tabs, and one root cause reported once.
final class LessonSourceTests: XCTestCase {
    func testIncludeBOMAndTabs() throws {
        let directory = LessonHarness.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/shared", withIntermediateDirectories: true)
        try "setup:\n    net 2-2-1 init=1\n    data students\n".write(
            toFile: directory + "/shared/setup.txt", atomically: true, encoding: .utf8)
        let lesson =
            "\u{FEFF}# With a BOM\n@include shared/setup.txt\n\n## P\n\nŷ is {{next yhat}}.\n\n? What?\n"
            + "    answer: next yhat\n\thint: a tab-indented hint\n    hint: a second hint\n    solution: s\n"
        let path = directory + "/01-inc.lesson"
        try lesson.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(LessonChecker.check(path: path), [])
        let warnings = LessonChecker.warnings(path: path)
        XCTAssertTrue(
            warnings[0].hasPrefix(path + ":1:1: warning: the file starts with an invisible byte-order mark"),
            warnings[0])
        XCTAssertTrue(warnings[1].hasPrefix(path + ":10:1: warning: this line is indented with a tab"), warnings[1])
        let (parsed, _, _) = LessonFile.parse(lesson, directory: directory)
        XCTAssertEqual(parsed.title, "With a BOM")
        XCTAssertEqual(parsed.setup.map(\.text), ["net 2-2-1 init=1", "data students"])
        guard case .checkpoint(let checkpoint)? = parsed.pages.first?.items.last else {
            return XCTFail("no checkpoint")
        }
        XCTAssertEqual(checkpoint.hints.count, 2, "a tab and four spaces indent alike: two hints, not one")
    }

    func testAProblemInAnIncludedFileNamesThatFile() throws {
        let directory = LessonHarness.temporaryDirectory()
        try "setup:\n    net 2-2-1\n    dat students\n".write(
            toFile: directory + "/setup.txt", atomically: true, encoding: .utf8)
        let path = directory + "/x.lesson"
        try "# T\n@include setup.txt\n\n## P\nx\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(
            LessonChecker.check(path: path),
            [
                directory
                    + "/setup.txt:3:5: setup may only use net, data and set, found 'dat'; put other commands on a page as '> dat students'"
            ])
        try "# T\n@include missing.txt\n\n## P\nx\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(
            LessonChecker.check(path: path),
            [path + ":2:1: cannot read the included file 'missing.txt' (looked for \(directory)/missing.txt)"])
    }

    func testOneRootCauseIsReportedOnce() throws {
        let path = LessonHarness.temporaryDirectory() + "/r.lesson"
        try
            "# T\nsetup:\n    net 2-2-1\n\n## P\n{{firts}} {{firts}}\n{{firts}}\n> data studnets\nA {{loss}}, {{yhat}}.\n> step\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(
            LessonChecker.check(path: path), [path + ":6:3: unknown name 'firts' (and 2 more like it, at lines 6, 7)"])
        try "# T\nsetup:\n    net 2-2-1\n\n## P\n> data studnets\nA {{loss}}, {{yhat}}.\n> step\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let issues = LessonChecker.check(path: path)
        XCTAssertEqual(issues.count, 1, "\(issues)")
        XCTAssertTrue(
            issues[0].hasSuffix(
                "(3 later problems are not shown: they may follow from this one; fix it and check again)"), issues[0])
    }

    func testMarkdownHabits() {
        XCTAssertEqual(
            LessonParser.commandProblem("Note: read this")?.message,
            "unknown command 'Note:'; a line starting with '>' runs a command: write a note or a quotation as plain narration"
        )
        XCTAssertEqual(
            Reflow.wrap([("Two kinds:", false), ("- one", false), ("- two", false)], width: 40),
            "Two kinds:\n- one\n- two")
    }
}

/// The guide's full worked example is a lesson that passes the checker and plays to its end.
final class TeachersGuideTests: XCTestCase {
    func testTheWorkedExamplePassesAndPlays() throws {
        let guide = try String(contentsOfFile: LessonHarness.lessons + "/README.md", encoding: .utf8)
        let start = try XCTUnwrap(guide.range(of: "## A full worked example"))
        let open = try XCTUnwrap(guide.range(of: "```\n", range: start.upperBound..<guide.endIndex))
        let close = try XCTUnwrap(guide.range(of: "\n```\n", range: open.upperBound..<guide.endIndex))
        let path = LessonHarness.temporaryDirectory() + "/42-first-update.lesson"
        try (String(guide[open.upperBound..<close.lowerBound]) + "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(LessonChecker.check(path: path), [])
        let answers =
            "83.5, 83.5\n\n2759.84\n-2757.84\n\ncheck\ndata normalize\nnet 2-2-1 init=xavier seed=1\nepoch 200\ncheck\n"
        let result = LessonTest.run(lesson: path, answers: answers, answersName: "guide.answers")
        XCTAssertTrue(result.passed, result.report)
        XCTAssertTrue(result.transcript.contains("That adds η·G; an update subtracts it."), result.transcript)
    }

    /// Resuming replays a task's `do:` lines, so the page after it sees the goal reached.
    func testResumingReplaysATasksWayToItsGoal() throws {
        let directory = LessonHarness.temporaryDirectory()
        try (LessonTaskTests.lesson + "\n\n## End\n\nThat is all.\n").write(
            toFile: directory + "/01-tasks.lesson", atomically: true, encoding: .utf8)
        var options = SessionOptions()
        options.lessonDirectories = [directory]
        options.stateDirectory = directory + "/state"
        let first = Session(options: options)
        for line in ["load 1", "83.5, 83.5", "-2757.84", "", "set lr 0.0001", "step 2", "check", ""] {
            _ = first.evaluate(line)
        }
        let second = Session(options: options)
        let resumed = second.evaluate("load 1").output
        XCTAssertTrue(resumed.contains("You made 2 updates at η = 0.0001."), resumed)
    }
}
