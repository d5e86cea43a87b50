import Foundation
import XCTest

@testable import NNShell

/// `nnstep --check`: every lesson passes, and seeded mistakes are reported where they are.
final class LessonCheckerTests: XCTestCase {
    func testEveryLessonPassesTheChecker() {
        for file in LessonHarness.lessonFiles {
            XCTAssertEqual(LessonChecker.check(path: LessonHarness.lessons + "/" + file), [], file)
        }
    }

    static let header = "# T\nsetup:\n    net 2-2-1\n    data students\n\n## Page\nLook.\n"

    /// (what is wrong, the lesson's text after the header, the expected report without the file name).
    static let broken: [(String, String, String)] = [
        ("an unknown name in a live value", "Loss {{lss}}.\n", "8:8: unknown name 'lss'; did you mean 'loss'?"),
        ("an unterminated live value", "Loss {{loss\n", "8:6: unterminated '{{'; close the live value with '}}'"),
        ("an unterminated block", "```\nplain\n", "8:1: unterminated ``` block; close it with a line '```'"),
        ("an unknown directive", "@kept x = loss\n", "8:1: unknown directive '@kept'; did you mean '@keep'?"),
        ("a misspelt command", "> stpe 2\n", "8:3: unknown command 'stpe'; did you mean 'step'?"),
        ("a lesson command inside a lesson", "> next\n", "8:3: 'next' steers lessons and cannot run inside one"),
        (
            "a checkpoint without an answer", "? Why?\n    hint: h\n    solution: s\n",
            "8:1: this checkpoint has no 'answer:' (a number), 'goal:' (a task) or 'choice NAME:' lines"
        ),
        (
            "a checkpoint with a typed answer", "? Two?\n    answer: 1 + 1\n    hint: h\n    solution: s\n",
            "9:13: the answer must come from the engine: use live values such as 'loss' or 'next grad w2_11', not only typed numbers"
        ),
        (
            "an unknown checkpoint key", "? L?\n    answer: next loss\n    hnit: h\n    solution: s\n",
            "8:1: this checkpoint needs at least one 'hint:'\n10:5: unknown checkpoint key 'hnit:'; did you mean 'hint:'?"
        ),
        (
            "a bad tolerance", "? L?\n    answer: next loss\n    within: lots\n    hint: h\n    solution: s\n",
            "10:13: expected a tolerance like '0.01' or '1%', found 'lots'"
        ),
        (
            "a value that needs an update first", "The loss is {{loss}}.\n",
            "8:15: no update yet, so 'loss' has no value; run 'step' first, or use 'next loss'"
        ),
        (
            "a command that fails when run", "> set w3_11 1\n",
            "8:7: this command fails here: this 2-2-1 network has no parameter 'w3_11'; it has w1_11 … b2_1; did you mean 'w1_11'?"
        ),
        (
            "a page that opens with a question", "## Next\n? Two?\n    answer: params\n    hint: h\n    solution: s\n",
            "9:1: the page opens with a question; say first what the learner is looking at (a line of narration or a command)"
        ),
        (
            "choices that are all false",
            "? Up?\n    choice up: next w2_11 > 1e9\n    choice down: next w2_11 > 2e9\n    hint: h\n    solution: s\n",
            "9:16: no choice is true at this moment"
        )
    ]

    func testBrokenLessonsAreReportedAtTheirLineAndColumn() throws {
        let directory = LessonHarness.temporaryDirectory()
        for (what, body, expected) in Self.broken {
            let path = directory + "/broken.lesson"
            try (Self.header + body).write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertEqual(
                LessonChecker.check(path: path), expected.split(separator: "\n").map { path + ":" + $0 }, what)
        }
    }

    func testHeaderMistakes() throws {
        let cases: [(String, String, [String])] = [
            (
                "no title and a bad setup line", "setup:\n    net 2-2-1\n    step\n\n## P\n",
                [
                    "1:1: the lesson needs a title on its first line, like '# The nine gradients'",
                    "3:5: setup may only use net, data and set, found 'step'; put other commands on a page as '> step'"
                ]
            ),
            (
                "an unknown header directive", "# T\nabuot: x\nsetup:\n    net 2-1\n\n## P\n",
                ["2:1: unknown directive 'abuot:' in the header; did you mean 'about:'?"]
            ),
            (
                "no setup and no pages", "# T\n",
                [
                    "1:1: the lesson has no 'setup:' before its first page; it needs one (at least a 'net' line) so every run shows the same numbers",
                    "2:1: the lesson has no pages; start one with a line '## Heading'"
                ]
            )
        ]
        let directory = LessonHarness.temporaryDirectory()
        for (what, text, expected) in cases {
            let path = directory + "/h.lesson"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertEqual(LessonChecker.check(path: path), expected.map { path + ":" + $0 }, what)
        }
    }

    func testScriptsAreCheckedAsCommandLines() throws {
        let path = LessonHarness.temporaryDirectory() + "/run.nn"
        try "# a comment\nnet 2-2-1\n  stpe\nload \"open\n\nepoch 3\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(
            LessonChecker.check(path: path),
            [
                path + ":3:3: unknown command 'stpe'; did you mean 'step'?",
                path + ":4:6: unterminated quote; expected a closing '\"'"
            ])
    }
}
