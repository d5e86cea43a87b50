/// A word of a command line and the column (1-based, in characters) where it starts.
public struct Token: Sendable, Equatable {
    public let text: String
    public let column: Int

    public init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }

    /// Splits a line into words at spaces and tabs. Double quotes group a word that holds
    /// spaces (`load "my lessons/a.lesson"`); an unterminated quote is an error. A `#`
    /// outside quotes starts a comment that runs to the end of the line.
    public static func split(_ line: String) throws(ShellError) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var start = 0
        var quoteColumn: Int?
        var inWord = false
        for (offset, character) in line.enumerated() {
            let column = offset + 1
            if quoteColumn != nil {
                if character == "\"" { quoteColumn = nil } else { current.append(character) }
            } else if character == "#" {
                break
            } else if character == " " || character == "\t" {
                if inWord { tokens.append(Token(current, column: start)); current = ""; inWord = false }
            } else {
                if !inWord { inWord = true; start = column }
                if character == "\"" { quoteColumn = column } else { current.append(character) }
            }
        }
        if let quoteColumn {
            throw ShellError.syntax("unterminated quote; expected a closing '\"'", column: quoteColumn)
        }
        if inWord { tokens.append(Token(current, column: start)) }
        return tokens
    }

    /// `line` without its comment: everything from the first `#` outside double quotes.
    /// Trailing spaces before the comment are kept, so columns stay where they were.
    public static func withoutComment(_ line: String) -> String {
        var quoted = false
        for index in line.indices {
            let character = line[index]
            if character == "\"" { quoted.toggle() }
            if character == "#" && !quoted { return String(line[..<index]) }
        }
        return line
    }

    /// True when `line` (its comment aside) ends in a backslash: it continues on the next line.
    public static func continues(_ line: String) -> Bool {
        var body = withoutComment(line)
        while body.last == " " || body.last == "\t" { body.removeLast() }
        return body.hasSuffix("\\")
    }

    /// `line` with its continuing backslash (and any comment) replaced by one space, ready
    /// for the next line to be appended.
    public static func joiningNext(_ line: String) -> String {
        var body = withoutComment(line)
        while body.last == " " || body.last == "\t" { body.removeLast() }
        if body.hasSuffix("\\") { body.removeLast() }
        return body + " "
    }
}
