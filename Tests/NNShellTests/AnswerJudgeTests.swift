import XCTest
@testable import NNShell

/// Answers judged by the digits typed, worked out by hand: `0.372` stands for 0.3715 … 0.3725.
final class AnswerJudgeTests: XCTestCase {
    typealias Verdict = AnswerJudge.Verdict

    func testDigitsTypedDecideThePrecision() {
        let cases: [(String, Double, Verdict)] = [
            ("0.372", 0.37215, .right),
            ("0.3720", 0.37215, .wrong(direction: " (too low)")),       // 0.3720 allows only 0.37195 … 0.37205
            ("0.373", 0.3725, .right),                                  // half a unit in the last digit
            ("0.374", 0.3725, .wrong(direction: " (too high)")),
            ("-2757.84", -2757.84, .right),
            ("-2759.84", -2757.84, .wrong(direction: " (too low)")),    // the old 0.1 % tolerance took this
            ("-2758", -2757.84, .right),
            ("2757.84", -2757.84, .wrong(direction: " (the size is right, but the sign is wrong)")),
            ("330", 330.4, .right),
            ("0.000372", 0.00037215, .right),
            ("3.72e-4", 0.00037215, .right),
            ("0.00037", 0.00037215, .tooFewDigits(2)),
            ("0", 0.00037215, .tooFewDigits(0)),
            ("20", 20.37, .tooFewDigits(2)),
            ("0.25", 0.25, .right),                                     // exact: few digits are fine
            ("6", 6, .right),
            ("0.00037", 0.00037, .right),
            ("-2*(1.8-167)", 330.4, .right),                            // arithmetic: the fourth digit
            ("2*83.4", 167, .wrong(direction: " (too low)")),
            ("abc", 1, .unreadable),
            ("1..2", 1, .unreadable),
        ]
        for (typed, expected, verdict) in cases {
            XCTAssertEqual(AnswerJudge.judge(typed, expected: expected), verdict, "\(typed) for \(expected)")
        }
    }

    func testWithinOverridesTheDigits() {
        XCTAssertEqual(AnswerJudge.judge("0", expected: 0.00037, within: .absolute(0.01)), .right)
        XCTAssertEqual(AnswerJudge.judge("0.37", expected: 0.372, within: .relative(0.01)), .right)
        XCTAssertEqual(AnswerJudge.judge("0.36", expected: 0.372, within: .relative(0.01)), .wrong(direction: " (too low)"))
        XCTAssertEqual(AnswerJudge.judge("7", expected: 6, within: .absolute(0)), .wrong(direction: " (too high)"))
    }

    func testTypableValuesAreJudgedRight() {
        let cases: [(Double, String)] = [
            (0.50003, "0.5000"), (10.24, "10.24"), (167, "167"), (0.00037215, "0.0003722"),
            (-0.0508097, "-0.05081"), (0.25, "0.25"), (27588.4, "27588.4"),
        ]
        for (value, text) in cases {
            XCTAssertEqual(AnswerJudge.typable(value), text)
            XCTAssertEqual(AnswerJudge.judge(text, expected: value), .right, text)
        }
    }
}
