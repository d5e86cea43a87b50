/// The rows of a CSV file as they are read: inputs straight into one reserved array, targets
/// beside them, and the class names of a target column of words.
struct CSVTable {
    let header: [String]
    let targetColumns: [Int]
    /// For each column, its place among the targets, or -1 for an input.
    private let slots: [Int]
    private(set) var inputs: [Double] = []
    private(set) var targets: [Double] = []
    private(set) var rowCount = 0
    private var rowTargets: [Double]
    /// The target slot that holds words (decided by its first row), if any.
    private var wordSlot: Int?
    /// Class names in order of first appearance, and each one's number in that order.
    private var classOrder: [String] = []
    private var classNumbers: [String: Int] = [:]

    /// Markers of a missing value besides an empty field (compared in lower case).
    static let missingMarkers: Set<String> = ["na", "n/a", "null", "?"]

    init(header: [String], targetColumns: [Int], expectedRows: Int) {
        self.header = header
        self.targetColumns = targetColumns
        var slots = [Int](repeating: -1, count: header.count)
        for (slot, column) in targetColumns.enumerated() { slots[column] = slot }
        self.slots = slots
        rowTargets = [Double](repeating: 0, count: targetColumns.count)
        inputs.reserveCapacity(expectedRows * (header.count - targetColumns.count))
        targets.reserveCapacity(expectedRows * targetColumns.count)
    }

    /// Reads one row, which must have as many fields as the header.
    mutating func readRow(_ reader: inout CSVReader) throws(CSVError) {
        let line = reader.line
        var column = 0
        repeat {
            guard column < header.count else { throw Self.tooManyFields(&reader, line: line, expected: header.count) }
            let slot = slots[column]
            if slot < 0 {
                guard let value = try reader.readNumber(column: column + 1) else {
                    throw Self.fieldError(
                        reader.text(reader.lastField), name: header[column],
                        line: reader.lastFieldLine,
                        column: column + 1)
                }
                inputs.append(value)
            } else {
                rowTargets[slot] = try readTarget(&reader, slot: slot, column: column)
            }
            column += 1
        } while reader.finishField() == .separator
        guard column == header.count else {
            throw .wrongFieldCount(line: line, column: column + 1, expected: header.count, found: column)
        }
        targets.append(contentsOf: rowTargets)
        rowCount += 1
    }

    /// The most different class names a column of words may hold (each becomes an output).
    static let classLimit = 1000
    /// The longest class name: every table, legend and plot prints it.
    static let classNameLimit = 100

    /// A target: a number, or in a column of words the number of its class.
    private mutating func readTarget(_ reader: inout CSVReader, slot: Int, column: Int) throws(CSVError) -> Double {
        let line = reader.line
        let field = try reader.readField(column: column + 1)
        if wordSlot != slot, let value = reader.number(in: field), value.isFinite { return value }
        let text = CSV.trimmed(reader.text(field))
        let lower = text.lowercased()
        if text.isEmpty || Self.missingMarkers.contains(lower) {
            throw .missingValue(text: text, name: header[column], line: line, column: column + 1)
        }
        if rowCount == 0, wordSlot == nil, reader.number(in: field) == nil, !Self.isNonFinite(lower) {
            guard targetColumns.count == 1 else {
                throw .wordsNotAllowed(name: header[column], reason: "only a single target column can hold class names")
            }
            wordSlot = slot
        }
        guard wordSlot == slot else {
            throw Self.fieldError(text, name: header[column], line: line, column: column + 1)
        }
        if let number = classNumbers[text] { return Double(number) }
        guard text.count <= Self.classNameLimit else {
            throw .wordsNotAllowed(
                name: header[column],
                reason: "a class name may be at most \(Self.classNameLimit) "
                    + "characters, and the one on line \(line) has \(text.count)")
        }
        guard classOrder.count < Self.classLimit else {
            throw .wordsNotAllowed(
                name: header[column],
                reason: "a class column may name at most \(Self.classLimit) "
                    + "different classes, and line \(line) names one more")
        }
        classNumbers[text] = classOrder.count
        classOrder.append(text)
        return Double(classOrder.count - 1)
    }

    /// The data set; class numbers are renumbered so that the sorted class names are 0…K−1.
    func dataSet(name: String) -> DataSet {
        var targets = self.targets
        var classNames: [String] = []
        if wordSlot != nil {
            classNames = classOrder.sorted()
            var rank = [Double](repeating: 0, count: classOrder.count)
            for (position, className) in classNames.enumerated() { rank[classNumbers[className]!] = Double(position) }
            for row in targets.indices { targets[row] = rank[Int(targets[row])] }
        }
        let features = header.indices.filter { slots[$0] < 0 }.map { header[$0] }
        return DataSet(
            name: name, featureNames: features, targetNames: targetColumns.map { header[$0] },
            inputs: inputs, targets: targets, classNames: classNames)
    }

    /// The message for a field that should have been a number.
    static func fieldError(_ raw: String, name: String, line: Int, column: Int) -> CSVError {
        let text = CSV.trimmed(raw)
        let lower = text.lowercased()
        if text.isEmpty || missingMarkers.contains(lower) {
            return .missingValue(text: text, name: name, line: line, column: column)
        }
        var bytes = text
        let isNumber = bytes.withUTF8 { buffer in
            guard let base = buffer.baseAddress,
                case .number(_, let end) = CSVNumber.scan(base, from: 0, to: buffer.count)
            else { return false }
            return end == buffer.count
        }
        if isNumber || isNonFinite(lower) { return .nonFiniteNumber(text: text, line: line, column: column) }
        return .notANumber(text: text, line: line, column: column)
    }

    private static func isNonFinite(_ lower: String) -> Bool {
        ["nan", "inf", "infinity"].contains(String(lower.drop { $0 == "+" || $0 == "-" }))
    }

    /// A ragged row with too many fields: counts them all for the message.
    private static func tooManyFields(_ reader: inout CSVReader, line: Int, expected: Int) -> CSVError {
        var found = expected + 1
        while (try? reader.readField(column: found)) != nil, reader.finishField() == .separator { found += 1 }
        return .wrongFieldCount(line: line, column: expected + 1, expected: expected, found: found)
    }
}
