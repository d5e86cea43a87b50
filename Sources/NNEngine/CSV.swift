/// Reads a data set from comma-, semicolon- or tab-separated text (the engine never opens
/// files; the shell reads the bytes and hands them over).
///
/// The first non-blank line is the header of column names (a first line `sep=;`, as
/// spreadsheets write it, names the separator and is skipped). Every other non-blank line is
/// one row with as many fields as the header. Fields follow RFC 4180: a field in double quotes
/// may hold separators, line breaks and doubled quotes (`""` for one `"`). Input fields are
/// decimal numbers such as `3`, `-1.5`, `.5` or `2.5e-3`, read straight from the bytes and
/// rounded exactly as `Double(String)` rounds them; hexadecimal, `nan`, `inf` and numbers too
/// large for a Double are refused, and an empty field (or `NA`, `N/A`, `null`, `?`) is a missing
/// value. A single target column whose first value is a word holds classes: its distinct
/// values, sorted, become the data set's `classNames` and each row's target is its class's
/// number 0…K−1. Spaces around a field are ignored (tabs too, unless tab separates), line ends
/// may be `\n`, `\r\n` or `\r`, blank lines are skipped and a leading byte-order mark is
/// dropped. Lines and columns in errors are 1-based and count every line, blank ones included.
public enum CSV {
    /// Parses `text` into a data set called `name`.
    ///
    /// - Parameters:
    ///   - targets: the target columns, each a header name or a 1-based column number written as
    ///     a string (a header name wins when both match); the targets keep this order. Nil or
    ///     empty means the last column. The remaining columns are the features, in file order.
    ///   - separator: nil detects it from the header line (the most frequent of `,` `;` tab
    ///     outside quotes, a comma when there is none).
    public static func parse(
        _ text: String, name: String, targets: [String]?,
        separator: CSVSeparator? = nil
    ) throws(CSVError) -> DataSet {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(CSVError) in
                try parse(bytes: bytes, name: name, targets: targets, separator: separator)
            }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes; the same as ``parse(_:name:targets:separator:)`` without a String.
    public static func parse(
        bytes: UnsafeBufferPointer<UInt8>, name: String, targets: [String]?,
        separator: CSVSeparator? = nil
    ) throws(CSVError) -> DataSet {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { throw .emptyFile }
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var reader = CSVReader(
            bytes: base, end: bytes.count, separator: separator?.byte ?? CSVSeparator.comma.byte,
            position: hasByteOrderMark ? 3 : 0)
        guard reader.skipBlankLines() else { throw .emptyFile }
        let declared = reader.skipSeparatorLine()
        guard reader.skipBlankLines() else { throw .emptyFile }
        if separator == nil { reader.separator = declared ?? reader.detectSeparator() }
        let header = try readHeader(&reader)
        let targetColumns = try resolveTargets(targets ?? [], header: header)
        guard targetColumns.count < header.count else { throw .noFeatureColumns(columns: header) }
        var table = CSVTable(header: header, targetColumns: targetColumns, expectedRows: reader.countLineEnds() + 1)
        while reader.skipBlankLines() { try table.readRow(&reader) }
        guard table.rowCount > 0 else { throw .noDataRows }
        return table.dataSet(name: name)
    }

    /// The longest column name: every table, plot and message prints it.
    public static let columnNameLimit = 100

    /// The column names, each checked: not empty, not too long, not repeated (a dictionary keeps it linear).
    private static func readHeader(_ reader: inout CSVReader) throws(CSVError) -> [String] {
        let line = reader.line
        var names: [String] = []
        var seen: [String: Int] = [:]
        repeat {
            let column = names.count + 1
            let name = trimmed(reader.text(try reader.readField(column: column)))
            if name.isEmpty { throw .emptyColumnName(line: line, column: column) }
            if name.count > columnNameLimit { throw .longColumnName(length: name.count, line: line, column: column) }
            if seen[name] != nil { throw .duplicateColumn(name: name, line: line, column: column) }
            seen[name] = column
            names.append(name)
        } while reader.finishField() == .separator
        return names
    }

    static func trimmed(_ text: String) -> String {
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        guard let first = text.firstIndex(where: isText), let last = text.lastIndex(where: isText) else { return "" }
        return String(text[first...last])
    }

    /// Column indices (0-based) of the requested targets; the last column when none are named.
    private static func resolveTargets(_ requested: [String], header: [String]) throws(CSVError) -> [Int] {
        guard !requested.isEmpty else { return [header.count - 1] }
        var columns: [Int] = []
        for request in requested {
            let key = trimmed(request)
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
}
