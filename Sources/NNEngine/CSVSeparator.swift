import Glibc

/// The byte between fields: a comma, a semicolon (common where the decimal mark is a comma) or a tab.
public enum CSVSeparator: String, CaseIterable, Sendable {
    case comma = ","
    case semicolon = ";"
    case tab = "tab"

    /// `,`, `comma`, `;`, `semicolon`, `tab` or `\t` (any case).
    public init?(name: String) {
        switch name.lowercased() {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "tab", "\t", "\\t": self = .tab
        default: return nil
        }
    }

    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: CSVReader.tab
        }
    }

    init?(byte: UInt8) {
        guard let match = Self.allCases.first(where: { $0.byte == byte }) else { return nil }
        self = match
    }
}

extension CSVReader {
    /// The separator the header line uses most, outside quotes; a comma when it has none.
    func detectSeparator() -> UInt8 {
        var counts = [0, 0, 0]  // comma, semicolon, tab
        var i = position, quoted = false
        while i < end {
            let byte = bytes[i]
            if byte == Self.quote { quoted.toggle() }
            if !quoted {
                if byte == Self.newline || byte == Self.carriageReturn { break }
                if let separator = CSVSeparator(byte: byte) {
                    counts[CSVSeparator.allCases.firstIndex(of: separator)!] += 1
                }
            }
            i += 1
        }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        return counts[best] == 0 ? CSVSeparator.comma.byte : CSVSeparator.allCases[best].byte
    }

    /// Spreadsheets sometimes start a file with a line `sep=;` naming the separator: reads and
    /// skips it, returning the separator, or returns nil and moves nothing.
    mutating func skipSeparatorLine() -> UInt8? {
        let word = Array("sep=".utf8)
        guard end - position >= word.count + 1,
            (0..<word.count).allSatisfy({ bytes[position + $0] | 0x20 == word[$0] | 0x20 }),
            let separator = CSVSeparator(byte: bytes[position + word.count])
        else { return nil }
        let after = position + word.count + 1
        guard after == end || bytes[after] == Self.newline || bytes[after] == Self.carriageReturn else { return nil }
        position = after
        _ = finishField()
        return separator.byte
    }

    /// How many line ends are left: an upper bound on the rows, to reserve the numbers' memory once.
    func countLineEnds() -> Int {
        var count = 0, i = position
        let mark = memchr(bytes + i, Int32(Self.newline), end - i) == nil ? Self.carriageReturn : Self.newline
        while i < end, let found = memchr(bytes + i, Int32(mark), end - i) {
            count += 1
            i = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - bytes + 1
        }
        return count
    }
}
