/// Runs a script: each command is echoed after `> `, then its output follows.
///
/// A command that fails prints `FILE:LINE:COL: message` to `errorOutput`; without
/// `keepGoing` the script stops there with status 1, with it the script goes on and the
/// status is 1 at the end. Blank lines and `#` comments are skipped, except that while a
/// lesson runs a blank line is Enter (it continues the lesson).
public enum ScriptRunner {
    public static func run(source: String, fileName: String, session: Session, keepGoing: Bool,
                           output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        var status: Int32 = 0
        // "\r\n" is one Character in Swift, so a script saved with CRLF endings splits on it too.
        var lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let blank = line.allSatisfy(\.isWhitespace)
            if line.trimmed.hasPrefix("#") { continue }
            if blank && !session.isLessonActive { continue }
            output(blank ? ">\n" : "> \(line)\n")
            let outcome = session.evaluate(line)
            output(outcome.output)
            if let error = outcome.error {
                errorOutput("\(fileName):\(index + 1):\(error.column ?? 1): \(error.message)\n")
                status = 1
                if !keepGoing { return status }
            }
            if outcome.quit { break }
        }
        return status
    }
}

