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
            ("a whole number with three digits", "167", 167.2, .right),
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
