/// A word of a command line and the column (1-based, in characters) where it starts.
public struct Token: Sendable, Equatable {
    public let text: String
    public let column: Int

    public init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }

    /// Splits a line into words at spaces and tabs. Double quotes group a word that holds
    /// spaces (`load "my lessons/a.lesson"`); an unterminated quote is an error.
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
}
