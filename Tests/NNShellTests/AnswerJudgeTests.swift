import XCTest

@testable import NNShell

/// The judge of typed numbers: right when the value rounds to what was typed, at the
/// precision typed, with at least three significant digits.
final class AnswerJudgeTests: XCTestCase {
    func testVerdictsForTypedDigits() {
        let cases: [(name: String, typed: String, expected: Double, verdict: AnswerJudge.Verdict)] = [
            ("three decimals that round to the value are right", "0.298", 0.29837, .right),
            ("the upper half-unit edge is right", "0.298", 0.2985, .right),
            ("just past the half-unit is too low", "0.298", 0.29851, .wrong(tooHigh: false, signWrong: false)),
            ("more digits typed, a tighter interval", "0.2985", 0.29837, .wrong(tooHigh: true, signWrong: false)),
            ("trailing zeros count as precision", "2.50", 2.504, .right),
            ("trailing zeros are judged", "2.50", 2.506, .wrong(tooHigh: false, signWrong: false)),
            ("a wrong sign is named", "-0.298", 0.29837, .wrong(tooHigh: false, signWrong: true)),
            ("negative values round like positive ones", "-83.5", -83.46, .right),
            ("scientific notation keeps the mantissa's precision", "3.51e-5", 3.51019e-5, .right),
            ("scientific notation is judged", "3.52e-5", 3.51019e-5, .wrong(tooHigh: true, signWrong: false)),
            ("two significant digits are too few", "0.30", 0.29837, .tooFewDigits(2)),
            ("leading zeros are not significant", "0.03", 0.0298, .tooFewDigits(1)),
            ("an exact short answer is right", "2", 2, .right),
            ("zero is right when the value is zero", "0", 0, .right),
            ("a whole number with three digits", "167", 167.2, .right)
        ]
        for c in cases {
            XCTAssertEqual(AnswerJudge.judge(c.typed, expected: c.expected), c.verdict, c.name)
        }
    }

    func testUnreadableInputIsNotJudged() {
        for typed in ["", "abc", "1.2.3", "--1", "0.3x", "e5", "1e", "."] {
            guard case .unreadable = AnswerJudge.judge(typed, expected: 1) else {
                return XCTFail("'\(typed)' should be unreadable")
            }
        }
    }
}

/// The lesson side of the judge: arithmetic, `within:`, and answers written for answers files.
final class AnswerJudgeLessonTests: XCTestCase {
    func testLessonAnswersByDigitsArithmeticAndWithin() {
        let cases: [(String, Double, AnswerJudge.Tolerance?, AnswerJudge.Verdict)] = [
            ("-2757.84", -2757.84, nil, .right),
            ("-2759.84", -2757.84, nil, .wrong(tooHigh: false, signWrong: false)),  // the old 0.1 % took this
            ("-2758", -2757.84, nil, .right),
            ("0.00037", 0.00037215, nil, .tooFewDigits(2)),
            ("0", 0.00037215, nil, .tooFewDigits(0)),
            ("20", 20.37, nil, .tooFewDigits(2)),
            ("0", -1.5, nil, .wrong(tooHigh: true, signWrong: false)),  // wrong at its own precision
            ("2", 0.5, nil, .wrong(tooHigh: true, signWrong: false)),
            ("0.5", -0.5, nil, .wrong(tooHigh: true, signWrong: true)),
            ("0.25", 0.25, nil, .right),
            ("-2*(1.8-167)", 330.4, nil, .right),  // arithmetic: the fourth digit
            ("2*83.4", 167, nil, .wrong(tooHigh: false, signWrong: false)),
            ("0", 0.00037, .absolute(0.01), .right),  // within: replaces the digits
            ("0.37", 0.372, .relative(0.01), .right),
            ("0.36", 0.372, .relative(0.01), .wrong(tooHigh: false, signWrong: false)),
            ("7", 6, .absolute(0), .wrong(tooHigh: true, signWrong: false))
        ]
        for (typed, expected, within, verdict) in cases {
            XCTAssertEqual(
                AnswerJudge.judge(typed, expected: expected, within: within), verdict, "\(typed) for \(expected)")
        }
        guard case .unreadable = AnswerJudge.judge("loss", expected: 1, within: nil) else {
            return XCTFail("names are not numbers")
        }
    }

    func testTypableValuesAreJudgedRight() {
        let cases: [(Double, String)] = [
            (0.50003, "0.5000"), (10.24, "10.24"), (167, "167"), (0.00037215, "0.0003722"),
            (-0.0508097, "-0.05081"), (0.25, "0.25"), (27588.4, "27588.4")
        ]
        for (value, text) in cases {
            XCTAssertEqual(AnswerJudge.typable(value), text)
            XCTAssertEqual(AnswerJudge.judge(text, expected: value), .right, text)
        }
    }
}
