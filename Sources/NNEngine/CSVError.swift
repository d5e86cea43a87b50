/// A mistake in CSV text, with where it is (1-based) and a one-line ``message`` saying what was expected.
public enum CSVError: Error, Equatable, Sendable {
    /// No non-blank line at all.
    case emptyFile
    /// A header but no rows under it.
    case noDataRows
    case emptyColumnName(line: Int, column: Int)
    case duplicateColumn(name: String, line: Int, column: Int)
    /// A header name longer than ``CSV/columnNameLimit`` characters (every table prints it).
    case longColumnName(length: Int, line: Int, column: Int)
    /// `name` is neither a header name nor a column number 1…`columns.count`.
    case unknownTarget(name: String, columns: [String])
    /// The same column was asked for twice as a target.
    case repeatedTarget(name: String)
    /// Every column is a target, which leaves no inputs.
    case noFeatureColumns(columns: [String])
    /// A ragged row; `column` is the first field missing (too few) or the first one extra (too many).
    case wrongFieldCount(line: Int, column: Int, expected: Int, found: Int)
    /// A field that is not a decimal number.
    case notANumber(text: String, line: Int, column: Int)
    /// An empty field, or one of the usual markers of a missing value (`NA`, `N/A`, `null`, `?`).
    case missingValue(text: String, name: String, line: Int, column: Int)
    /// `nan`, `inf`, `infinity` (any case or sign), or a number beyond the range of a Double.
    case nonFiniteNumber(text: String, line: Int, column: Int)
    /// A `"` inside a field that does not start with one.
    case strayQuote(line: Int, column: Int)
    /// Text between a closing quote and the separator.
    case textAfterQuote(line: Int, column: Int)
    /// A quoted field whose closing quote never comes; `line` is where it opened.
    case unclosedQuote(line: Int, column: Int)
    /// A column of words (class names) among several targets, or as an input.
    case wordsNotAllowed(name: String, reason: String)

    /// The 1-based line of the mistake, when it is on one line.
    public var line: Int? {
        switch self {
        case .emptyColumnName(let line, _), .duplicateColumn(_, let line, _), .longColumnName(_, let line, _),
            .wrongFieldCount(let line, _, _, _),
            .notANumber(_, let line, _), .nonFiniteNumber(_, let line, _), .missingValue(_, _, let line, _),
            .strayQuote(let line, _), .textAfterQuote(let line, _), .unclosedQuote(let line, _):
            return line
        case .emptyFile, .noDataRows, .unknownTarget, .repeatedTarget, .noFeatureColumns, .wordsNotAllowed:
            return nil
        }
    }

    /// The 1-based column (field) of the mistake, when it is one field.
    public var column: Int? {
        switch self {
        case .emptyColumnName(_, let column), .duplicateColumn(_, _, let column), .longColumnName(_, _, let column),
            .wrongFieldCount(_, let column, _, _),
            .notANumber(_, _, let column), .nonFiniteNumber(_, _, let column), .missingValue(_, _, _, let column),
            .strayQuote(_, let column), .textAfterQuote(_, let column), .unclosedQuote(_, let column):
            return column
        case .emptyFile, .noDataRows, .unknownTarget, .repeatedTarget, .noFeatureColumns, .wordsNotAllowed:
            return nil
        }
    }

    /// One line, prefixed with `line L, column C: ` when the mistake is one field, `line L: `
    /// when it is a header name (`line 1: duplicate column name 'x'`).
    public var message: String {
        let place =
            switch (line, column) {
            case let (line?, column?) where !isDuplicateColumn: "line \(line), column \(column): "
            case let (line?, _): "line \(line): "
            default: ""
            }
        return place + summary
    }

    private var isDuplicateColumn: Bool {
        if case .duplicateColumn = self { true } else { false }
    }

    public var summary: String {
        switch self {
        case .emptyFile: "the file is empty; expected a header row"
        case .noDataRows: "no data rows after the header"
        case .emptyColumnName: "empty column name; expected a name in the header"
        case .duplicateColumn(let name, _, _): "duplicate column name '\(name)'"
        case .longColumnName(let length, _, _):
            "a column name may be at most \(CSV.columnNameLimit) characters, found one of \(length)"
        case .unknownTarget(let name, let columns):
            "unknown target column '\(name)'; columns are \(columns.joined(separator: ", "))"
        case .repeatedTarget(let name): "target column '\(name)' is named twice"
        case .noFeatureColumns(let columns):
            "every column is a target; leave at least one of \(columns.joined(separator: ", ")) as an input"
        case .wrongFieldCount(_, _, let expected, let found):
            "expected \(expected) fields like the header, found \(found)"
        case .notANumber(let text, _, _):
            "expected a number, found '\(text)'"
                + (text.first?.isLetter == true ? "; only a target column may hold words" : "")
        case .missingValue(let text, let name, _, _):
            (text.isEmpty ? "missing value" : "missing value '\(text)'")
                + " in column '\(name)'; every field needs a number"
        case .nonFiniteNumber(let text, _, _): "non-finite number '\(text)'"
        case .strayQuote: "stray '\"' in an unquoted field; quote the whole field and double any quote inside (\"\")"
        case .textAfterQuote: "text after a closing quote; expected a separator or the end of the line"
        case .unclosedQuote: "a quote opened here is never closed"
        case .wordsNotAllowed(let name, let reason): "column '\(name)' holds words; \(reason)"
        }
    }
}
