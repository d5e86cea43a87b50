import XCTest

@testable import NNEngine

/// Every malformed CSV gets its own one-line message with the line and column of the mistake.
final class CSVErrorTests: XCTestCase {
    func testEachMistakeHasItsMessage() {
        let cases: [(String, String, [String]?, CSVError, String)] = [
            (
                "a letter where a number belongs", "x,y\n1,2\n3,abc\n", ["x"],
                .notANumber(text: "abc", line: 3, column: 2),
                "line 3, column 2: expected a number, found 'abc'; only a target column may hold words"
            ),
            (
                "a row that is short", "a,b,c\n1,2,3\n\n4,5\n", nil,
                .wrongFieldCount(line: 4, column: 3, expected: 3, found: 2),
                "line 4, column 3: expected 3 fields like the header, found 2"
            ),
            (
                "a row that is long", "a,b\n1,2,3,4\n", nil,
                .wrongFieldCount(line: 2, column: 3, expected: 2, found: 4),
                "line 2, column 3: expected 2 fields like the header, found 4"
            ),
            (
                "a header naming a column twice", "x,y,x\n1,2,3\n", nil,
                .duplicateColumn(name: "x", line: 1, column: 3), "line 1: duplicate column name 'x'"
            ),
            ("an empty file", "", nil, .emptyFile, "the file is empty; expected a header row"),
            ("a file of blank lines", "\n  \r\n", nil, .emptyFile, "the file is empty; expected a header row"),
            ("a header with no rows", "x,y\n\n", nil, .noDataRows, "no data rows after the header"),
            (
                "a target that is not a column", "x1,x2,y\n1,2,3\n", ["q"],
                .unknownTarget(name: "q", columns: ["x1", "x2", "y"]),
                "unknown target column 'q'; columns are x1, x2, y"
            ),
            (
                "a target column number past the end", "x,y\n1,2\n", ["3"],
                .unknownTarget(name: "3", columns: ["x", "y"]), "unknown target column '3'; columns are x, y"
            ),
            (
                "nan", "x,y\nnan,1\n", nil,
                .nonFiniteNumber(text: "nan", line: 2, column: 1), "line 2, column 1: non-finite number 'nan'"
            ),
            (
                "negative infinity in the target", "x,y\n1,-Inf\n", nil,
                .nonFiniteNumber(text: "-Inf", line: 2, column: 2), "line 2, column 2: non-finite number '-Inf'"
            ),
            (
                "a number too large for a Double", "x,y\n1e400,1\n", nil,
                .nonFiniteNumber(text: "1e400", line: 2, column: 1), "line 2, column 1: non-finite number '1e400'"
            ),
            (
                "hexadecimal", "x,y\n0x10,1\n", nil,
                .notANumber(text: "0x10", line: 2, column: 1), "line 2, column 1: expected a number, found '0x10'"
            ),
            (
                "an exponent with no digits", "x,y\n1e,1\n", nil,
                .notANumber(text: "1e", line: 2, column: 1), "line 2, column 1: expected a number, found '1e'"
            ),
            (
                "an empty input field", "x,y,z\n1,,2\n", nil, .missingValue(text: "", name: "y", line: 2, column: 2),
                "line 2, column 2: missing value in column 'y'; every field needs a number"
            ),
            (
                "an empty target field", "x,y\n1,\n", nil, .missingValue(text: "", name: "y", line: 2, column: 2),
                "line 2, column 2: missing value in column 'y'; every field needs a number"
            ),
            (
                "NA for a missing value", "x,y\n1,2\nNA,3\n", nil,
                .missingValue(text: "NA", name: "x", line: 3, column: 1),
                "line 3, column 1: missing value 'NA' in column 'x'; every field needs a number"
            ),
            (
                "a missing class name", "x,kind\n1,cat\n2, \n", nil,
                .missingValue(text: "", name: "kind", line: 3, column: 2),
                "line 3, column 2: missing value in column 'kind'; every field needs a number"
            ),
            (
                "a stray quote", "x,y\n1,2\"3\n", nil, .strayQuote(line: 2, column: 2),
                "line 2, column 2: stray '\"' in an unquoted field; quote the whole field and double any quote inside (\"\")"
            ),
            (
                "text after a closing quote", "x,y\n\"1\"2,3\n", nil, .textAfterQuote(line: 2, column: 1),
                "line 2, column 1: text after a closing quote; expected a separator or the end of the line"
            ),
            (
                "a quote never closed", "x,y\n1,2\n3,\"4\n5,6\n", nil, .unclosedQuote(line: 3, column: 2),
                "line 3, column 2: a quote opened here is never closed"
            ),
            (
                "an empty column name", "x,,y\n1,2,3\n", nil,
                .emptyColumnName(line: 1, column: 2),
                "line 1, column 2: empty column name; expected a name in the header"
            ),
            (
                "a target named twice", "x,y\n1,2\n", ["y", "2"],
                .repeatedTarget(name: "y"), "target column 'y' is named twice"
            ),
            (
                "every column a target", "y\n1\n", nil,
                .noFeatureColumns(columns: ["y"]), "every column is a target; leave at least one of y as an input"
            ),
            (
                "words among several targets", "x,a,b\n1,2,cat\n", ["a", "b"],
                .wordsNotAllowed(name: "b", reason: "only a single target column can hold class names"),
                "column 'b' holds words; only a single target column can hold class names"
            ),
            (
                "a word in a numeric target", "x,y\n1,2\n3,four\n", nil,
                .notANumber(text: "four", line: 3, column: 2),
                "line 3, column 2: expected a number, found 'four'; only a target column may hold words"
            ),
            (
                "a line after a quoted line break", "x,y\n1,\"a\nb\"\nq,c\n", nil,
                .notANumber(text: "q", line: 4, column: 1),
                "line 4, column 1: expected a number, found 'q'; only a target column may hold words"
            )
        ]
        for (description, text, targets, expected, message) in cases {
            XCTAssertThrowsError(try CSV.parse(text, name: "t", targets: targets), description) { error in
                XCTAssertEqual(error as? CSVError, expected, description)
                XCTAssertEqual((error as? CSVError)?.message, message, description)
            }
        }
    }

    func testErrorExposesLineAndColumn() {
        let error = CSVError.notANumber(text: "abc", line: 3, column: 2)
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.column, 2)
        XCTAssertEqual(CSVError.wrongFieldCount(line: 4, column: 3, expected: 3, found: 2).column, 3)
        XCTAssertEqual(CSVError.noDataRows.line, nil)
    }

    func testAHeaderOfManyColumnsIsCheckedInLinearTime() throws {
        let names = (1...50_000).map { "c\($0)" }
        let text = names.joined(separator: ",") + "\n" + names.map { _ in "1" }.joined(separator: ",") + "\n"
        let data = try CSV.parse(text, name: "wide", targets: nil)
        XCTAssertEqual(data.featureCount, 49_999)
        XCTAssertThrowsError(
            try CSV.parse(text.replacingOccurrences(of: "c49999,", with: "c7,"), name: "w", targets: nil)
        ) {
            XCTAssertEqual($0 as? CSVError, .duplicateColumn(name: "c7", line: 1, column: 49_999))
        }
    }
}
