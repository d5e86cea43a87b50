import XCTest

@testable import NNShell

/// The expression language of `{{…}}`, `answer:` and `choice`: parsing, errors at their
/// columns, and values read from a live session.
final class LessonExpressionTests: XCTestCase {
    func scope() -> LiveScope {
        let session = Session(options: SessionOptions())
        for line in ["net 2-2-1 init=1", "data students", "step"] { _ = session.evaluate(line) }
        return LiveScope(state: session.state, kept: ["first": 7])
    }

    func testValuesOfTheStudentsExample() throws {
        let cases: [(String, Double)] = [
            ("1 + 2 * 3 ^ 2", 19), ("-2^2", -4), ("(1 + 2) * 3", 9), ("2 < 3", 1), ("2 >= 3", 0),
            ("loss", 27291.04), ("yhat", 167), ("y", 1.8), ("x1", 80), ("O1_1", 83.5),
            ("grad b2_1", 330.4), ("before w2_11", 1), ("params", 9), ("params(1)", 6), ("weights(2)", 2),
            ("nodes(0)", 2), ("data(2, 3)", 2.5), ("first * 2", 14), ("round(2.345, 2)", 2.35),
            ("ceil(7 / 2)", 4), ("max(1, 5, 3)", 5), ("paramsof(5, 4, 3, 2, 1)", 50), ("updates", 1),
            ("next loss", 7.693452035987059e17), ("nextrow", 2), ("lr", 0.1)
        ]
        let scope = scope()
        for (text, value) in cases {
            let result = try scope.evaluate(ExpressionParser.parse(text))
            XCTAssertEqual(result, value, accuracy: abs(value) * 1e-6 + 1e-9, text)
        }
    }

    /// `ahead(N, …)` and `diverges(N)` run N epochs on a copy; the session itself does not move.
    func testLookingEpochsAhead() throws {
        let scope = scope()
        // The students example at η = 0.1 diverges: update 1 is made, so the copy's next is 2.
        XCTAssertGreaterThan(try scope.evaluate(ExpressionParser.parse("diverges(5)")), 1)
        XCTAssertThrowsError(try scope.evaluate(ExpressionParser.parse("ahead(5, loss)")))
        let session = Session(options: SessionOptions())
        for line in ["net 1-1 init=0", "data add 2 -> 3", "set lr 0.02"] { _ = session.evaluate(line) }
        let calm = LiveScope(state: session.state, kept: [:])
        XCTAssertEqual(try calm.evaluate(ExpressionParser.parse("diverges(10)")), 0)
        XCTAssertEqual(
            try calm.evaluate(ExpressionParser.parse("ahead(1, loss)")), 9, accuracy: 1e-12, "one epoch is the one row")
        XCTAssertEqual(try calm.evaluate(ExpressionParser.parse("ahead(2, updates)")), 2)
        XCTAssertEqual(session.state.training?.updateCount, 0, "looking ahead leaves the session alone")
        _ = session.evaluate("epoch 30")
        let moved = LiveScope(state: session.state, kept: [:])
        XCTAssertGreaterThan(try moved.evaluate(ExpressionParser.parse("largestmove(1)")), 0.5)
    }

    func testParseErrorsPointAtTheirColumn() {
        let cases: [(String, String, Int)] = [
            ("1 +", "expected a number, a name or '(' at the end", 4),
            ("(1 + 2", "expected ')' to close the '(' at column 1", 7),
            ("grad", "'grad' needs a parameter name after it, like 'grad w2_11'", 5),
            ("2 $ 3", "unexpected '$' after the expression", 3),
            ("", "expected an expression", 1)
        ]
        for (text, message, column) in cases {
            XCTAssertThrowsError(try ExpressionParser.parse(text), text) { error in
                XCTAssertEqual(error as? ExpressionError, ExpressionError(message: message, column: column), text)
            }
        }
    }

    func testNamesAreCheckedBeforeAnythingRuns() throws {
        let cases: [(String, String)] = [
            ("lss", "unknown name 'lss'; did you mean 'loss'?"),
            ("gradnorm", "'gradnorm' is a function; write it with its arguments, like gradnorm(1)"),
            ("weights(1, 2)", "'weights' takes 1 arguments, found 2"),
            ("grad loss", "'grad' needs a parameter name like w2_11 or b1_2, found 'loss'"),
            ("sqr(2)", "unknown function 'sqr'; did you mean 'sqrt'?")
        ]
        for (text, message) in cases {
            XCTAssertEqual(LessonNames.check(try ExpressionParser.parse(text), kept: []).first?.message, message, text)
        }
        XCTAssertFalse(try ExpressionParser.parse("2 * 3").isLive)
        XCTAssertTrue(try ExpressionParser.parse("2 * next loss").isLive)
    }
}
