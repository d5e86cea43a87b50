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

    /// The lesson transcripts are every lesson played to its end at 80 columns (and
    /// LessonTranscriptTests checks that they are what the lessons print now).
    func testEveryLessonPlayedToItsEndFits() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: LessonHarness.transcripts.path).filter {
            $0.hasSuffix(".txt")
        }
        XCTAssertEqual(files.count, LessonHarness.lessonFiles.count)
        for file in files.sorted() {
            XCTAssertEqual(
                wide(try String(contentsOf: LessonHarness.transcripts.appendingPathComponent(file), encoding: .utf8)),
                [], file)
        }
    }

    func testErrorsAtATerminalAreWrappedAtWords() {
        var options = SessionOptions()
        options.interactive = true
        options.width = 120
        let session = Session(options: options)
        for line in [
            "show gradients", "step 3x", "set lr abc", "net 2-2-1 act=sigmiod", "load nothing-like-this", "frobnicate"
        ] {
            let reply = session.execute(line)
            let error = try? XCTUnwrap(reply.error, line)
            XCTAssertEqual(wide(error ?? ""), [], line)
        }
        _ = session.execute("net 2-2-1")
        let message = session.execute("show gradients").error ?? ""
        XCTAssertTrue(
            message.hasSuffix(
                "error: nothing to show yet: make an update first with 'step'\n       ('show weights' works at any time)"
            ), message)
    }

    func testAQuotedCommandIsNeverSplit() {
        let lines = Reflow.fill("When you are ready, type 'load 9' to go on, or 'set lr 0.1' first.", width: 28)
        XCTAssertEqual(lines, ["When you are ready, type", "'load 9' to go on, or", "'set lr 0.1' first."])
        XCTAssertEqual(Reflow.fill("the learner's own 'quote", width: 12), ["the", "learner's", "own 'quote"])
    }

    /// At a terminal a long message is wrapped between words; a script keeps each message on
    /// one line for the programs that read it.
    func testMessagesAtATerminalAreWrappedButNotInScripts() {
        var options = SessionOptions()
        options.interactive = true
        let terminal = Session(options: options)
        let script = Session(options: SessionOptions())
        for session in [terminal, script] { _ = session.execute("net 2-2-2 act=sigmoid") }
        let terminalText = terminal.execute("set freeze b*").output
        let scriptText = script.evaluate("set freeze b*").output  // what ScriptRunner prints
        XCTAssertEqual(wide(terminalText), [], terminalText)
        XCTAssertFalse(wide(scriptText).isEmpty, "a script wrapped a message:\n\(scriptText)")
        XCTAssertEqual(
            terminalText.split(whereSeparator: \.isWhitespace), scriptText.split(whereSeparator: \.isWhitespace),
            "wrapping changed more than the line breaks")
    }

    func testFitWrapsProseAndLeavesDocumentsAndTablesAlone() {
        let prose = String(repeating: "word ", count: 30).trimmed
        XCTAssertEqual(TextWrap.fit(prose + "\n", width: 40).split(separator: "\n").map(\.count), [34, 36, 36, 36, 11])
        let table = "  a" + String(repeating: "  1.0", count: 20)
        XCTAssertEqual(TextWrap.fit(table, width: 40), table)
        let json = "{\"x\": \"" + prose + "\"}"
        XCTAssertEqual(TextWrap.fit(json, width: 40), json)
    }
}
