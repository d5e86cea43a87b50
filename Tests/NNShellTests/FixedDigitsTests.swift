import XCTest

@testable import NNShell

/// `set digits N fixed`: exactly N decimals, trailing zeros kept, decimal points aligned.
final class FixedDigitsTests: XCTestCase {
    func testFixedFormatKeepsExactlyNDecimals() {
        let format = NumberFormat(digits: 4, fixed: true)
        let cases: [(Double, String)] = [
            (0.15, "0.1500"), (-2, "-2.0000"), (0, "0.0000"), (-0.00001, "0.0000"),
            (3.51019e-5, "0.0000"), (27291.04, "27291.0400"), (0.29837, "0.2984"), (1e16, "1.0000e+16")
        ]
        for (value, text) in cases { XCTAssertEqual(format(value), text, "\(value)") }
        XCTAssertEqual(NumberFormat(digits: 9, fixed: true)(0.291027774), "0.291027774")
        XCTAssertEqual(NumberFormat(digits: 4)(0.15), "0.15", "without 'fixed' trailing zeros are dropped as before")
    }

    /// Every right-aligned number column of `step`'s table and `show weights` has its decimal
    /// points in one column.
    func testDecimalPointsLineUpInTablesAndMatrices() {
        let session = WalkTests.session(interactive: false, ["example students", "set digits 3 fixed"])
        for command in ["step", "show weights", "show forward"] {
            let output = session.evaluate(command).output
            let numbers = output.split(whereSeparator: { " ⎡⎤⎣⎦[](),=\n".contains($0) })
                .filter { $0.contains(".") && Double($0) != nil }
            XCTAssertGreaterThan(numbers.count, 5, command)
            for word in numbers { XCTAssertEqual(word.split(separator: ".").last?.count, 3, "\(command): '\(word)'") }
        }
        let table = session.evaluate("step").output.split(separator: "\n").filter {
            $0.hasPrefix("  w") || $0.hasPrefix("  b")
        }
        let points = Set(table.map { line in Array(line).enumerated().filter { $0.element == "." }.map(\.offset) })
        XCTAssertEqual(
            points.count, 1,
            "every row of the table has its points in the same columns:\n" + table.joined(separator: "\n"))
    }
}
