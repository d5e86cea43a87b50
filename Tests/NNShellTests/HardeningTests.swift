import Foundation
import XCTest

@testable import NNShell

/// Inputs built to exhaust the stack, the memory or the patience: each gets a one-line
/// message instead of a crash or a hang.
final class HardeningTests: XCTestCase {
    func parseError(_ text: String) -> String? {
        do { _ = try ExpressionParser.parse(text); return nil } catch { return error.message }
    }

    func testDeepExpressionsAreRefusedWithAMessage() {
        XCTAssertEqual(
            parseError(String(repeating: "-", count: 1230) + "1"), "the expression is nested more than 100 levels deep")
        XCTAssertEqual(
            parseError(String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)),
            "the expression is nested more than 100 levels deep")
        XCTAssertEqual(
            parseError(String(repeating: "(", count: 30_000) + "1" + String(repeating: ")", count: 30_000)),
            "the expression is 60001 characters long; at most 2000 are allowed")
        XCTAssertEqual(
            parseError(String(repeating: "next ", count: 150) + "loss"),
            "the expression is nested more than 100 levels deep")
        XCTAssertEqual(
            parseError(Array(repeating: "2", count: 150).joined(separator: "^")),
            "the expression is nested more than 100 levels deep")
        XCTAssertNil(
            parseError(String(repeating: "(", count: 99) + "1" + String(repeating: ")", count: 99)),
            "99 levels are fine")
        XCTAssertNil(parseError(String(repeating: "-", count: 99) + "1"))
    }

    func testADeepLessonValueIsReportedByTheChecker() {
        let lesson =
            "# T\nabout: a test.\n\nsetup:\n    net 2-2-1\n\n## P\n\nValue {{" + String(repeating: "-", count: 10_000)
            + "1}} here.\n"
        let issues = LessonChecker.lessonIssues(lesson)
        XCTAssertEqual(issues.map(\.message), ["the expression is 10001 characters long; at most 2000 are allowed"])
    }

    func testDeepJSONIsRefusedWithAMessage() {
        for text in [String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 100_000)] {
            XCTAssertThrowsError(try JSONValue.parse(text)) { error in
                XCTAssertEqual((error as? JSONValue.ParseError)?.message, "nested more than 200 levels deep")
            }
        }
    }
}

/// `--ascii`: one transliteration table applied at output makes every byte ASCII.
final class ASCIIOutputTests: XCTestCase {
    func assertPlain(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let plain = PlainText.forTerminal(text, colour: false, ascii: true)
        XCTAssertTrue(plain.utf8.allSatisfy { $0 < 0x80 }, "\(what) is not ASCII", file: file, line: line)
        if let escape = plain.range(of: "\\u{") {
            XCTFail(
                "\(what): a character has no ASCII form: \(plain[escape.lowerBound...].prefix(12))", file: file,
                line: line)
        }
    }

    func testEveryHelpPageIsASCII() {
        let session = LessonHarness.session(ascii: true)
        assertPlain(session.evaluate("help").output, "help")
        for command in Command.all {
            assertPlain(session.evaluate("help \(command.name)").output, "help \(command.name)")
        }
        assertPlain(session.evaluate("lessons").output, "lessons")
        assertPlain(session.greeting, "the greeting")
    }

    func testEveryLessonIsASCII() {
        for file in LessonHarness.lessonFiles {
            let key = String(file.dropLast(".lesson".count))
            let recorded = LessonHarness.transcripts.appendingPathComponent(key + ".answers")
            let answers = (try? String(contentsOf: recorded, encoding: .utf8)) ?? LessonHarness.answers(forLesson: key)
            let transcript = LessonHarness.play(answers, in: LessonHarness.session(ascii: true))
            assertPlain(transcript, key)
        }
    }

    func testTheTableSpellsOutTheCourseNotation() {
        XCTAssertEqual(
            PlainText.ascii("η·∂L/∂w²₁₁ → δ ● ○ ─│┼ ŷ ≥ é ω"), "eta*dL/dw211 -> delta o . -|+ yhat >= e omega")
        XCTAssertEqual(
            PlainText.forTerminal("a\u{1B}]0;title\u{7}b\u{0}c", colour: false, ascii: false),
            "a\\u{1B}]0;title\\u{7}b\\u{0}c")
        XCTAssertEqual(
            PlainText.forTerminal("\u{1B}[1;31merror:\u{1B}[0m \u{1B}[2J", colour: true, ascii: false),
            "\u{1B}[1;31merror:\u{1B}[0m \\u{1B}[2J", "only colour passes, and only with colour on")
    }
}

/// Work a lesson value asks for is bounded, and Ctrl-C stops it.
final class BoundedWorkTests: XCTestCase {
    func scope(rows: Int, interrupt: (() -> Bool)? = nil) -> LiveScope {
        let session = Session(options: SessionOptions())
        for line in ["net 2-2-1", "data moons n=\(rows) seed=1", "set lr 0.01"] {
            XCTAssertNil(session.evaluate(line).error, line)
        }
        return LiveScope(state: session.state, kept: [:], interrupt: interrupt)
    }

    func message(_ text: String, _ scope: LiveScope) -> String? {
        do { _ = try scope.evaluate(ExpressionParser.parse(text)); return nil } catch { return error.message }
    }

    func testAHugeLookAheadIsRefusedAtOnce() {
        let scope = scope(rows: 100_000)
        XCTAssertEqual(
            message("ahead(100000, epochloss)", scope),
            "looking 100000 epochs ahead over 100000 rows with 9 parameters is about 9.0e+10 operations; a lesson value may ask for at most 1e+09, so ask for fewer epochs"
        )
        XCTAssertEqual(message("diverges(100000)", scope)?.hasPrefix("looking 100000 epochs ahead"), true)
    }

    /// A boundary plot of a huge network draws the points and says why the plane is not shaded.
    func testABoundaryPlotOfAHugeNetworkDoesNotMapThePlane() {
        let session = Session(options: SessionOptions())
        for line in ["net 2-700-700-1 act=tanh", "data moons n=200 seed=1"] {
            XCTAssertNil(session.evaluate(line).error, line)
        }
        let output = session.evaluate("plot boundary").output.split(separator: "\n").map { String($0).trimmed }.joined(
            separator: " ")
        XCTAssertTrue(
            output.contains(
                "the regions are not shaded: predicting every dot of the picture with 493501 parameters is too much work"
            ), output)
        XCTAssertTrue(
            output.contains("of 200 points are on their own class's side"),
            "200 points x 493501 parameters is affordable")
    }

    func testCtrlCStopsALookAhead() {
        var asked = 0
        let scope = scope(
            rows: 1_000,
            interrupt: {
                asked += 1; return true
            })
        XCTAssertEqual(
            message("ahead(1000, loss)", scope),
            "interrupted (Ctrl-C) while looking 1000 epochs ahead; the value is not known")
        XCTAssertGreaterThan(asked, 0)
        XCTAssertNil(message("ahead(2, loss)", self.scope(rows: 1_000, interrupt: { false })))
    }
}

/// Output that grows with the network is summarised past a limit, with the commands for more.
final class SummarisedOutputTests: XCTestCase {
    func session() -> Session {
        let session = Session(options: SessionOptions())
        let row = (0..<100).map { String(Double($0) / 100) }.joined(separator: " ")
        for line in ["net 100-100-1 act=tanh init=xavier seed=3", "data add \(row) -> 1", "step"] {
            XCTAssertNil(session.evaluate(line).error, line)
        }
        return session
    }

    func testShowGradientsOnALargeNetworkIsASummary() throws {
        let session = session()
        let output = session.evaluate("show gradients").output
        XCTAssertLessThan(output.utf8.count, 6_000, "a summary, not every chain")
        XCTAssertTrue(
            output.hasPrefix("10201 gradients in update 1; per layer, the 5 largest |G|:"), String(output.prefix(200)))
        XCTAssertTrue(
            output.contains(
                "'show gradients layer 2' shows one layer in full, 'show gradients w1_*' the parameters whose names match, 'show gradients --all' all 10201"
            ))
        // The largest |G| of layer 2 is the first chain shown under it.
        let record = try XCTUnwrap(session.state.training?.lastStep)
        let network = try XCTUnwrap(session.state.training?.network)
        let layer2 = Array(network.weightOffsets[2]..<network.parameterCount)
        let largest = try XCTUnwrap(layer2.map { abs(record.gradient[$0]) }.max())
        let names = layer2.filter { abs(record.gradient[$0]) == largest }.map {
            Notation(ascii: false, outputCount: 1).parameter(network.parameter(at: $0))
        }
        let afterHeading = try XCTUnwrap(output.range(of: "layer 2: 101 parameters"))
        let firstChain = output[afterHeading.upperBound...].split(separator: "\n")[1]
        XCTAssertTrue(names.contains { firstChain.hasPrefix("  ∂L/∂\($0) =") }, "the largest first: \(firstChain)")
    }

    func testAPartIsShownInFullOnRequest() {
        let session = session()
        let layer = session.evaluate("show gradients layer 2").output
        XCTAssertEqual(
            layer.components(separatedBy: "∂L/∂w²").count - 1 + layer.components(separatedBy: "∂L/∂b₂").count - 1, 101)
        let pattern = session.evaluate("show gradients w2_1*").output
        XCTAssertEqual(pattern.components(separatedBy: "∂L/∂w²").count - 1, 12, "w2_1_1, w2_10_1 … w2_19_1, w2_100_1")
        XCTAssertEqual(
            session.evaluate("show gradients w9_*").error?.message,
            "'w9_*' matches no parameter of this 100-100-1 network")
        XCTAssertLessThan(session.evaluate("show deltas").output.utf8.count, 5_000)
        XCTAssertEqual(
            session.evaluate("show deltas layer 1").output.components(separatedBy: "\n").filter { $0.hasPrefix("δ₁") }
                .count, 100)
    }

    func testShowForwardShowsOneLayerOrEveryValueOnRequest() {
        let session = Session(options: SessionOptions())
        for line in ["net 2-20-1", "data students", "step"] { XCTAssertNil(session.evaluate(line).error, line) }
        let summary = session.evaluate("show forward").output
        XCTAssertTrue(
            summary.contains("… 12 more)") && summary.contains("'show forward layer 1 --all' shows all 20 values"),
            summary)
        let full = session.evaluate("show forward layer 1 --all").output
        XCTAssertFalse(full.contains("layer 2:"))
        XCTAssertEqual(
            full.components(separatedBy: "83.5").count - 1, 40,
            "20 values of z and 20 of O (x1 = 80, x2 = 3.5, every weight 1)")
        XCTAssertEqual(
            session.evaluate("show forward layer 3").error?.message, "the layer must be between 1 and 2, found 3")
    }

    func testSmallNetworksAreShownWhole() {
        let session = Session(options: SessionOptions())
        for line in ["net 2-2-1", "data students", "step"] { XCTAssertNil(session.evaluate(line).error) }
        XCTAssertEqual(session.evaluate("show gradients").output, session.evaluate("show gradients --all").output)
    }
}

/// Typed lesson answers that used to be judged right or to crash.
final class HostileAnswerTests: XCTestCase {
    func testAnAnswerTooLargeForADoubleIsNotRight() {
        for typed in [String(repeating: "9", count: 400), "-" + String(repeating: "9", count: 400)] {
            XCTAssertNil(AnswerJudge.read(typed), "\(typed.prefix(10))… is beyond a Double")
            XCTAssertNotEqual(AnswerJudge.judge(typed, expected: -1.5), .right)
        }
        XCTAssertEqual(AnswerJudge.judge("-1.500", expected: -1.5), .right)
    }

    func testADeeplyNestedAnswerGetsAMessage() {
        let session = LessonHarness.session()
        _ = session.evaluate("load 02")
        _ = session.evaluate("")
        _ = session.evaluate("")
        let outcome = session.evaluate(String(repeating: "-", count: 1230) + "1")
        XCTAssertNil(outcome.error)
        XCTAssertTrue(
            outcome.output.contains("…'") && outcome.output.contains("is not a number"),
            String(outcome.output.prefix(300)))
        XCTAssertLessThan(outcome.output.count, 400, "the echo is cut")
    }
}

/// Ctrl-C stops `show gradients --all` on a large network, and says how far it got.
final class InterruptedOutputTests: XCTestCase {
    func testCtrlCStopsAFullListing() {
        let session = Session(options: SessionOptions())
        for line in ["net 2-100-100-1", "data and", "step"] { XCTAssertNil(session.evaluate(line).error, line) }
        var polls = 0
        session.interruptCheck = {
            polls += 1; return polls >= 2
        }
        let output = session.evaluate("show gradients --all").output
        XCTAssertTrue(output.hasSuffix("(interrupted: 511 of 10501 chains shown)\n"), String(output.suffix(200)))
    }
}
