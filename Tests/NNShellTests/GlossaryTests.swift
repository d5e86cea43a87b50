import Foundation
import XCTest

@testable import NNShell

/// The glossary: every term the brief names is there, each page fits 80 columns, and each
/// points at a lesson that exists and uses the term.
final class GlossaryTests: XCTestCase {
    func testTheCourseTermsAreAllThere() {
        for term in [
            "epoch", "sigmoid", "tanh", "softmax", "gradient", "η", "δ", "xavier", "he", "batch",
            "mini-batch", "one-hot", "logit", "loss", "mse", "bce", "cce", "perceptron", "chain rule",
            "memoization", "learning rate", "∂", "relu", "w^k_ij"
        ] {
            XCTAssertNotNil(Glossary.find(term), term)
        }
        XCTAssertEqual(Glossary.find("Mini Batch")?.term, "mini-batch")
        XCTAssertEqual(Glossary.find("eta")?.term, "learning rate")
        XCTAssertNil(Glossary.find("banana"))
    }

    func testEveryPageFitsAndPointsAtALessonThatUsesTheTerm() throws {
        let files = LessonHarness.lessonFiles
        for entry in Glossary.entries {
            for line in Glossary.render(entry).split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 80, "\(entry.term): \(line)")
            }
            guard let number = entry.lesson else { continue }
            let file = try XCTUnwrap(
                files.first { Int($0.prefix { $0.isNumber }) == number }, "\(entry.term): lesson \(number)")
            let text = try String(contentsOfFile: LessonHarness.lessons + "/" + file, encoding: .utf8).lowercased()
            XCTAssertTrue(entry.uses.contains { text.contains($0.lowercased()) }, "\(entry.term) is not in \(file)")
        }
    }

    func testHelpAndWhatIs() {
        let session = LessonHarness.session()
        let what = session.evaluate("what is the chain rule?").output
        XCTAssertTrue(what.hasPrefix("chain rule (also: chain)\n  The derivative through a chain"), what)
        XCTAssertTrue(what.contains("Taught in lesson 8 ('load 8')."), what)
        XCTAssertEqual(session.evaluate("help chain rule").output, what)
        XCTAssertTrue(session.evaluate("help epoch").output.contains("usage: epoch [N]"), "a command keeps its help")
        XCTAssertTrue(session.evaluate("help epoch").output.contains("\nthe term:\nepoch (also: epochs, pass)"))
        XCTAssertEqual(
            session.evaluate("what is sigmoyd").error?.message,
            "no command or glossary term 'sigmoyd'; did you mean 'sigmoid'?")
        XCTAssertTrue(
            session.evaluate("what is").output.hasPrefix(
                "terms (type 'what is TERM' or 'help TERM'):\n  deep learning,"))
        XCTAssertTrue(
            session.evaluate("what is undo").output.hasPrefix("'undo' is a command: "), "a command is not a term")
        XCTAssertEqual(Glossary.find("gradcheck")?.term, "gradient check")
    }

    func testTheCheckerWarnsOfATermUsedBeforeItIsDefined() {
        let lesson = """
            # T
            setup:
                net 2-1

            ## One

            Each epoch is quick. The loss falls.
            A *loss* says how wrong the network is; type help epoch for more.
            The loss again, and another epoch, and a sigmoid.
            What is a sigmoid? Type 'what is sigmoid'.
            """
        let (parsed, issues) = LessonParser.parse(lesson)
        XCTAssertEqual(issues, [])
        let warnings = LessonTerms.warnings(parsed).map { "\($0.location.line):\($0.location.column): \($0.message)" }
        XCTAssertEqual(
            warnings,
            [
                "7:6: warning: 'epoch' is used before it is defined (*epoch*) or linked (help epoch)",
                "7:26: warning: 'loss' is used before it is defined (*loss*) or linked (help loss)",
                "9:42: warning: 'sigmoid' is used before it is defined (*sigmoid*) or linked (help sigmoid)"
            ])
    }

    func testTheDefiningAsterisksAreNotShown() {
        XCTAssertEqual(
            LessonTerms.unmarked("An *epoch* is a pass; *weights* move."), "An epoch is a pass; weights move.")
        XCTAssertEqual(LessonTerms.unmarked("2 * big_ratio and a*b and * alone"), "2 * big_ratio and a*b and * alone")
        XCTAssertEqual(LessonTerms.unmarked("the *chain rule*: multiply"), "the chain rule: multiply")
    }
}
