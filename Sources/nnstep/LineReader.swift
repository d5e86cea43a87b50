/// What reading one line of input produced.
enum LineEvent: Equatable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C abandoned the line being typed.
    case interrupted
    /// End of input: Ctrl-D on an empty line, a closed pipe or a hung-up terminal.
    case end
}

/// Where the loop gets its lines: libedit on a terminal, plain `readLine()` otherwise.
///
/// The loop never knows which one it has (as in lua.c, editing sits behind this hook).
protocol LineReader {
    /// Shows `prompt` (if the reader shows prompts) and reads one line.
    mutating func readLine(prompt: String) -> LineEvent
}

/// Reads standard input with Swift's `readLine()`: no prompt, no editing, no history.
struct PlainLineReader: LineReader {
    mutating func readLine(prompt: String) -> LineEvent {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line)
    }
}
