/// One command of a script as it runs: physical lines joined where a line ends in `\`.
public struct ScriptLine: Sendable, Equatable {
    /// The joined text (comments of continued lines removed, the backslash replaced by a space).
    public let text: String
    /// The physical line it starts on (1-based).
    public let line: Int
    /// Where each physical line begins in `text`: its 1-based column there and its line number.
    let starts: [(column: Int, line: Int)]

    public static func == (a: ScriptLine, b: ScriptLine) -> Bool {
        a.text == b.text && a.line == b.line && a.starts.map(\.column) == b.starts.map(\.column)
    }

    /// `LINE:COL` in the file for a column of `text`.
    public func location(_ column: Int?) -> (line: Int, column: Int) {
        let column = column ?? 1
        let start = starts.last { $0.column <= column } ?? (column: 1, line: line)
        return (start.line, column - start.column + 1)
    }

    /// Splits a file into commands. "\r\n" endings count as "\n"; a final newline adds no line.
    public static func lines(of source: String) -> [ScriptLine] {
        // "\r\n" is one Character in Swift, so a script saved with CRLF endings splits on it too.
        var physical = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { line in
                line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            }
        if physical.last == "" { physical.removeLast() }
        var result: [ScriptLine] = []
        var index = 0
        while index < physical.count {
            var text = "", starts: [(column: Int, line: Int)] = []
            let first = index
            repeat {
                starts.append((text.count + 1, index + 1))
                let piece = physical[index]
                index += 1
                guard Token.continues(piece), index < physical.count else { text += piece; break }
                text += Token.joiningNext(piece)
            } while true
            result.append(ScriptLine(text: text, line: first + 1, starts: starts))
        }
        return result
    }
}

/// Runs a script: each command is echoed after `> `, then its output follows.
///
/// A command that fails prints `FILE:LINE:COL: message` to `errorOutput`; without
/// `keepGoing` the script stops there with status 1, with it the script goes on and the
/// status is 1 at the end. Blank lines and `#` comments are skipped, except that while a
/// lesson runs a blank line is Enter (it continues the lesson). A line ending in `\`
/// continues on the next.
public enum ScriptRunner {
    /// With `typed`, each command is also kept for `history`, as lines typed at a prompt are
    /// (for commands piped into nnstep).
    public static func run(
        source: String, fileName: String, session: Session, keepGoing: Bool, typed: Bool = false,
        output: (String) -> Void, errorOutput: (String) -> Void
    ) -> Int32 {
        var status: Int32 = 0
        for line in ScriptLine.lines(of: source) {
            let text = line.text
            let blank = text.allSatisfy(\.isWhitespace)
            if Token.withoutComment(text).allSatisfy(\.isWhitespace) && !blank { continue }
            if blank && !session.isLessonActive { continue }
            output(blank ? ">\n" : "> \(text)\n")
            if typed { session.recordTyped(text) }
            let outcome = session.evaluate(text)
            output(outcome.output)
            if let error = outcome.error {
                let (row, column) = line.location(error.column)
                errorOutput("\(fileName):\(row):\(column): \(error.message)\n")
                status = 1
                if !keepGoing { return status }
            }
            if outcome.quit { break }
        }
        return status
    }

    /// `--check` for a script: every command runs once, in order, in a private session that
    /// writes no file (`FileAccess.dryRun`), and each failure is reported as `FILE:LINE:COL:
    /// message`. Commands after a failure still run, against the state as it was before it.
    public static func check(source: String, fileName: String, options: SessionOptions, directory: String?) -> [String]
    {
        var options = options
        options.interactive = false
        options.stateDirectory = nil
        let session = Session(options: options)
        session.directory = directory
        session.clock = { 0 }
        var problems: [String] = []
        NoWrites.withoutWriting {
            _ = run(
                source: source, fileName: fileName, session: session, keepGoing: true,
                output: { _ in }, errorOutput: { problems.append(String($0.dropLast())) })
        }
        return problems
    }
}
