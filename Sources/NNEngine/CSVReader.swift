/// The byte cursor under ``CSV``: fields, RFC 4180 quotes and line ends, in one pass with no copies.
///
/// A field is either unquoted (no `"` anywhere in it) or quoted: `"` … `"`, where `""` stands
/// for one quote and separators and line breaks are part of the text. Spaces around a field
/// (and tabs, unless tab is the separator) are ignored. Lines end in `\n`, `\r\n` or a lone `\r`;
/// `line` counts every one of them, those inside quotes included.
struct CSVReader {
    /// Where a field's text lies: `start ..< end` with the quotes and blanks removed.
    struct Field {
        var start: Int
        var end: Int
        /// True when the text holds doubled quotes (`""`) that stand for one quote each.
        var hasEscapes = false
        var quoted = false
    }

    /// What follows a field.
    enum After { case separator, lineEnd, fileEnd }

    static let quote = UInt8(ascii: "\""), newline: UInt8 = 10, carriageReturn: UInt8 = 13
    static let space: UInt8 = 32, tab: UInt8 = 9

    let bytes: UnsafePointer<UInt8>
    let end: Int
    var separator: UInt8
    var position: Int
    var line = 1
    /// The last field `readNumber` could not read as a number, and the line it began on.
    var lastField = Field(start: 0, end: 0)
    var lastFieldLine = 0

    init(bytes: UnsafePointer<UInt8>, end: Int, separator: UInt8, position: Int) {
        self.bytes = bytes
        self.end = end
        self.separator = separator
        self.position = position
    }

    @inline(__always) func isBlank(_ byte: UInt8) -> Bool {
        byte == Self.space || (byte == Self.tab && separator != Self.tab)
    }

    @inline(__always) func isFieldEnd(_ index: Int) -> Bool {
        index >= end || bytes[index] == separator || bytes[index] == Self.newline || bytes[index] == Self.carriageReturn
    }

    @inline(__always) func skipBlanks(from index: Int) -> Int {
        var i = index
        while i < end, isBlank(bytes[i]) { i += 1 }
        return i
    }

    /// Moves past lines that hold only spaces and tabs; false at the end of the text.
    mutating func skipBlankLines() -> Bool {
        while true {
            var i = position
            while i < end, bytes[i] == Self.space || bytes[i] == Self.tab { i += 1 }
            guard i < end else { position = end; return false }
            guard bytes[i] == Self.newline || bytes[i] == Self.carriageReturn else { return true }
            position = i
            consumeLineEnd()
        }
    }

    /// Consumes the separator or line end after a field.
    @inline(__always) mutating func finishField() -> After {
        guard position < end else { return .fileEnd }
        if bytes[position] == separator { position += 1; return .separator }
        consumeLineEnd()
        return .lineEnd
    }

    @inline(__always) private mutating func consumeLineEnd() {
        if bytes[position] == Self.carriageReturn, position + 1 < end, bytes[position + 1] == Self.newline {
            position += 1
        }
        position += 1
        line += 1
    }

    /// Reads one field from `position`, leaving `position` at the separator or line end after it.
    mutating func readField(column: Int) throws(CSVError) -> Field {
        let start = skipBlanks(from: position)
        if start < end, bytes[start] == Self.quote { return try readQuoted(from: start, column: column) }
        var i = start
        while !isFieldEnd(i) {
            if bytes[i] == Self.quote { throw .strayQuote(line: line, column: column) }
            i += 1
        }
        position = i
        while i > start, isBlank(bytes[i - 1]) { i -= 1 }
        return Field(start: start, end: i)
    }

    private mutating func readQuoted(from open: Int, column: Int) throws(CSVError) -> Field {
        let openLine = line
        var field = Field(start: open + 1, end: open + 1, quoted: true)
        var i = open + 1
        while true {
            guard i < end else { throw .unclosedQuote(line: openLine, column: column) }
            let byte = bytes[i]
            if byte == Self.quote {
                guard i + 1 < end, bytes[i + 1] == Self.quote else { break }
                field.hasEscapes = true
                i += 2
                continue
            }
            if byte == Self.newline || (byte == Self.carriageReturn && !(i + 1 < end && bytes[i + 1] == Self.newline)) {
                line += 1
            }
            i += 1
        }
        field.end = i
        let after = skipBlanks(from: i + 1)
        guard isFieldEnd(after) else { throw .textAfterQuote(line: line, column: column) }
        position = after
        return field
    }

    /// The field's text, with each `""` turned back into `"`.
    func text(_ field: Field) -> String {
        let raw = UnsafeBufferPointer(start: bytes + field.start, count: field.end - field.start)
        guard field.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var unescaped: [UInt8] = []
        var skipNext = false  // inside quotes, quotes come in pairs: keep the first of each
        for byte in raw {
            if skipNext { skipNext = false; continue }
            unescaped.append(byte)
            skipNext = byte == Self.quote
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// The field as a number, when all of it (blanks inside quotes aside) is one.
    func number(in field: Field) -> Double? {
        guard !field.hasEscapes else { return nil }
        let start = skipBlanks(from: field.start)
        guard start < field.end, case .number(let value, let stop) = CSVNumber.scan(bytes, from: start, to: field.end),
            skipBlanks(from: stop) >= field.end
        else { return nil }
        return value
    }

    /// Reads a field that should be a number: the number, or nil when the field is anything
    /// else (then `lastField` and `lastFieldLine` say what and where it was). Plain numbers take
    /// one pass over their bytes.
    @inline(__always)
    mutating func readNumber(column: Int) throws(CSVError) -> Double? {
        let start = skipBlanks(from: position)
        if start < end, bytes[start] != Self.quote,
            case .number(let value, let stop) = CSVNumber.scan(bytes, from: start, to: end)
        {
            let after = skipBlanks(from: stop)
            if isFieldEnd(after), value.isFinite {
                position = after
                return value
            }
        }
        lastFieldLine = line
        lastField = try readField(column: column)
        if let value = number(in: lastField), value.isFinite { return value }
        return nil
    }
}
