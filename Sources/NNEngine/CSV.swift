/// Reads a data set from comma-separated text (the engine never opens files; the shell does).
///
/// The first non-blank line is the header of column names. Every other non-blank line is one
/// row with as many fields as the header, each a decimal number such as `3`, `-1.5`, `.5` or
/// `2.5e-3`. Spaces and tabs around a field are ignored, line endings may be `\n` or `\r\n`, a
/// trailing newline and lines that are entirely blank are skipped, and a leading byte-order mark
/// is dropped. There is no quoting. Hexadecimal (`0x10`), `nan`, `inf` and numbers too large
/// for a Double are refused. Lines and columns in errors are 1-based and count every line of
/// the text, blank ones included.
public enum CSV {
    /// Parses `text` into a data set called `name`.
    ///
    /// - Parameter targets: the target columns, each a header name or a 1-based column number
    ///   written as a string (a header name wins when both match); the targets keep this order.
    ///   Nil or empty means the last column. The remaining columns are the features, in file order.
    public static func parse(_ text: String, name: String, targets: [String]?) throws(CSVError) -> DataSet {
        var lines = numberedLines(text)
        guard !lines.isEmpty else { throw .emptyFile }
        let (headerLine, headerText) = lines.removeFirst()
        let header = fields(headerText)
        for (index, column) in header.enumerated() {
            if column.isEmpty { throw .emptyColumnName(line: headerLine, column: index + 1) }
            if header[..<index].contains(column) {
                throw .duplicateColumn(name: column, line: headerLine, column: index + 1)
            }
        }
        let targetColumns = try resolveTargets(targets ?? [], header: header)
        let featureColumns = header.indices.filter { !targetColumns.contains($0) }
        guard !featureColumns.isEmpty else { throw .noFeatureColumns(columns: header) }
        guard !lines.isEmpty else { throw .noDataRows }

        var data = DataSet(name: name, featureNames: featureColumns.map { header[$0] },
                           targetNames: targetColumns.map { header[$0] })
        for (lineNumber, lineText) in lines {
            let row = fields(lineText)
            guard row.count == header.count else {
                throw .wrongFieldCount(line: lineNumber, expected: header.count, found: row.count)
            }
            var values: [Double] = []
            values.reserveCapacity(row.count)
            for (index, field) in row.enumerated() {
                values.append(try number(field, line: lineNumber, column: index + 1))
            }
            data.append(features: featureColumns.map { values[$0] }, targets: targetColumns.map { values[$0] })
        }
        return data
    }

    /// The non-blank lines with their 1-based line numbers. `Character.isNewline` covers `\n`,
    /// `\r\n` (one Character in Swift) and a lone `\r`.
    private static func numberedLines(_ text: String) -> [(Int, Substring)] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        return body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
            .map { ($0.offset + 1, $0.element) }
            .filter { !trimmed($0.1).isEmpty }
    }

    private static func fields(_ line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { String(trimmed($0)) }
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        guard let first = text.firstIndex(where: isText), let last = text.lastIndex(where: isText) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }

    /// Column indices (0-based) of the requested targets; the last column when none are named.
    private static func resolveTargets(_ requested: [String], header: [String]) throws(CSVError) -> [Int] {
        guard !requested.isEmpty else { return [header.count - 1] }
        var columns: [Int] = []
        for request in requested {
            let key = String(trimmed(Substring(request)))
            let column: Int
            if let named = header.firstIndex(of: key) {
                column = named
            } else if let number = Int(key), (1...header.count).contains(number) {
                column = number - 1
            } else {
                throw .unknownTarget(name: key, columns: header)
            }
            guard !columns.contains(column) else { throw .repeatedTarget(name: header[column]) }
            columns.append(column)
        }
        return columns
    }

    /// A decimal number: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, finite.
    private static func number(_ field: String, line: Int, column: Int) throws(CSVError) -> Double {
        let bare = field.lowercased().drop { $0 == "+" || $0 == "-" }
        if ["nan", "inf", "infinity"].contains(bare) {
            throw .nonFiniteNumber(text: field, line: line, column: column)
        }
        guard isDecimal(field), let value = Double(field) else {
            throw .notANumber(text: field, line: line, column: column)
        }
        guard value.isFinite else { throw .nonFiniteNumber(text: field, line: line, column: column) }
        return value
    }

    private static func isDecimal(_ field: String) -> Bool {
        var rest = Substring(field)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = Substring()
        if rest.first == "." {
            fraction = rest.dropFirst().prefix(while: isDigit)
            rest = rest.dropFirst(1 + fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}

/// A mistake in CSV text, with where it is (1-based) and a one-line ``message`` saying what was expected.
public enum CSVError: Error, Equatable, Sendable {
    /// No non-blank line at all.
    case emptyFile
    /// A header but no rows under it.
    case noDataRows
    case emptyColumnName(line: Int, column: Int)
    case duplicateColumn(name: String, line: Int, column: Int)
    /// `name` is neither a header name nor a column number 1…`columns.count`.
    case unknownTarget(name: String, columns: [String])
    /// The same column was asked for twice as a target.
    case repeatedTarget(name: String)
    /// Every column is a target, which leaves no inputs.
    case noFeatureColumns(columns: [String])
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    /// A field that is not a decimal number (an empty field has `text` "").
    case notANumber(text: String, line: Int, column: Int)
    /// `nan`, `inf`, `infinity` (any case or sign), or a number beyond the range of a Double.
    case nonFiniteNumber(text: String, line: Int, column: Int)

    /// The 1-based line of the mistake, when it is on one line.
    public var line: Int? {
        switch self {
        case .emptyColumnName(let line, _), .duplicateColumn(_, let line, _), .wrongFieldCount(let line, _, _),
             .notANumber(_, let line, _), .nonFiniteNumber(_, let line, _):
            return line
        case .emptyFile, .noDataRows, .unknownTarget, .repeatedTarget, .noFeatureColumns:
            return nil
        }
    }

    /// The 1-based column (field) of the mistake, when it is one field.
    public var column: Int? {
        switch self {
        case .emptyColumnName(_, let column), .duplicateColumn(_, _, let column),
             .notANumber(_, _, let column), .nonFiniteNumber(_, _, let column):
            return column
        case .emptyFile, .noDataRows, .unknownTarget, .repeatedTarget, .noFeatureColumns, .wrongFieldCount:
            return nil
        }
    }

    /// One line, prefixed with `line L, column C: ` when the mistake is one field, `line L: `
    /// when it is a whole line or a header name (`line 1: duplicate column name 'x'`).
    public var message: String {
        let place = switch (line, column) {
        case let (line?, column?) where !isDuplicateColumn: "line \(line), column \(column): "
        case let (line?, _): "line \(line): "
        default: ""
        }
        return place + summary
    }

    private var isDuplicateColumn: Bool {
        if case .duplicateColumn = self { true } else { false }
    }

    private var summary: String {
        switch self {
        case .emptyFile: "the file is empty; expected a header row"
        case .noDataRows: "no data rows after the header"
        case .emptyColumnName: "empty column name; expected a name in the header"
        case .duplicateColumn(let name, _, _): "duplicate column name '\(name)'"
        case .unknownTarget(let name, let columns):
            "unknown target column '\(name)'; columns are \(columns.joined(separator: ", "))"
        case .repeatedTarget(let name): "target column '\(name)' is named twice"
        case .noFeatureColumns(let columns):
            "every column is a target; leave at least one of \(columns.joined(separator: ", ")) as an input"
        case .wrongFieldCount(_, let expected, let found):
            "expected \(expected) fields like the header, found \(found)"
        case .notANumber(let text, _, _):
            text.isEmpty ? "expected a number, found an empty field" : "expected a number, found '\(text)'"
        case .nonFiniteNumber(let text, _, _): "non-finite number '\(text)'"
        }
    }
}
