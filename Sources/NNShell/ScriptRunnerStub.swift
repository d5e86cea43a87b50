// TEMPORARY STUB: the real ScriptRunner replaces this file, keeping the signature.

/// Runs a script: every line is echoed as `> line`, then executed.
public enum ScriptRunner {
    /// Executes each non-blank line of `source` in `session`, in order.
    ///
    /// `output` and `errorOutput` receive text to write verbatim (newlines included).
    /// Returns the exit status: 0, or 1 if a command failed. Without `keepGoing` the
    /// first failure stops the script.
    public static func run(
        source: String, fileName: String, session: Session, keepGoing: Bool,
        output: (String) -> Void, errorOutput: (String) -> Void
    ) -> Int32 {
        var status: Int32 = 0
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            output("> \(line)\n")
            let reply = session.execute(String(line))
            output(reply.output)
            if let error = reply.error {
                errorOutput("\(fileName):\(index + 1): \(error)\n")
                status = 1
                if !keepGoing { return status }
            }
            if reply.quit { break }
        }
        return status
    }
}
