/// Text from outside (files, typed lines) made safe to show: one line, no control characters,
/// no invisible characters, no endless tokens. Messages go through `message`, everything
/// printed through `forTerminal`; `--ascii` output through `ascii`.
public enum PlainText {
    /// Tokens (runs without spaces) longer than this are cut, with '…'.
    static let tokenLimit = 80
    /// Messages longer than this keep their start and end, with '…' between.
    static let messageLimit = 600

    /// `text` as one readable line: controls escaped (`\u{1B}`), invisible characters escaped and
    /// named at the end ("(it contains U+200B ZERO WIDTH SPACE)"), long tokens and long messages cut.
    public static func message(_ text: String) -> String {
        let (escaped, unusual) = escape(text)
        var line = shorten(escaped)
        if let first = unusual.first ?? lookAlike(in: text) { line += " (it contains \(describe(first)))" }
        return line
    }

    /// In a "did you mean" message, a character outside ASCII in the quoted word: the
    /// suggestion is ASCII, so a Cyrillic а or a fullwidth ａ is what makes them differ.
    static func lookAlike(in text: String) -> Unicode.Scalar? {
        guard text.contains("did you mean '"), let open = text.firstIndex(of: "'") else { return nil }
        let word = text[text.index(after: open)...].prefix { $0 != "'" }
        return word.unicodeScalars.first { !$0.isASCII && $0 != "\u{FFFD}" && $0 != "…" }
    }

    /// What the learner typed, repeated in output: escaped and cut like a message, no note.
    static func echo(_ typed: String) -> String { shorten(escape(typed).0) }

    /// The message for an unknown command: command names are ASCII, so any other character in
    /// the word is named (`stеp` with a Cyrillic е, a zero-width space, a no-break space).
    static func unknownCommand(_ name: String, suggestion: String?) -> String {
        let (escaped, _) = escape(name)
        var base = "unknown command '\(shorten(escaped))'"
        let foreign = name.unicodeScalars.first { !$0.isASCII && $0 != "\u{FFFD}" }
        if let foreign { base += " (it contains \(describe(foreign)))" }
        if let suggestion { return base + "; did you mean '\(suggestion)'?" }
        return base + "; type 'help' to see the commands"
    }

    /// "U+0435 CYRILLIC SMALL LETTER IE"
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        let name = scalar.properties.name ?? scalar.properties.nameAlias
        return "U+" + padded + (name.map { " " + $0 } ?? "")
    }

    /// True for characters that take no room or look like a plain space, so that a reader cannot
    /// see them: format characters (zero-width space, bidirectional overrides), odd spaces.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        case .spaceSeparator: return scalar != " "
        default: return false
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// Controls and invisible characters as `\u{…}`; the invisible ones are also returned.
    private static func escape(_ text: String) -> (String, [Unicode.Scalar]) {
        guard text.unicodeScalars.contains(where: { isControl($0) || isInvisible($0) }) else { return (text, []) }
        var result = String.UnicodeScalarView()
        var unusual: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: escaped(scalar).unicodeScalars)
            } else if isInvisible(scalar) {
                result.append(contentsOf: escaped(scalar).unicodeScalars)
                if !unusual.contains(scalar) { unusual.append(scalar) }
            } else {
                result.append(scalar)
            }
        }
        return (String(result), unusual)
    }

    /// Every run of non-space characters longer than `tokenLimit` cut with '…' (keeping a closing
    /// quote), then the whole cut in the middle when it is still longer than `messageLimit`.
    static func shorten(_ text: String) -> String {
        guard text.count > tokenLimit else { return text }
        var pieces: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            guard word.count > tokenLimit else { pieces.append(String(word)); continue }
            let tail = word.reversed().prefix { "'\";:,.)?]".contains($0) }.prefix(3)
            pieces.append(String(word.prefix(tokenLimit - 4)) + "…" + String(tail.reversed()))
        }
        let joined = pieces.joined(separator: " ")
        guard joined.count > messageLimit else { return joined }
        // Cut at spaces, so that no word is broken.
        let head = joined.prefix(messageLimit - 120), tail = joined.suffix(100)
        let start = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        let end = tail.firstIndex(of: " ").map { tail[tail.index(after: $0)...] } ?? tail
        return String(start) + " … " + String(end)
    }
}
