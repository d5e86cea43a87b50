import CEditLine
import Glibc
import NNShell

/// Reads lines with libedit: emacs keys, history (Up/Down, Ctrl-R), TAB completion, Ctrl-C.
///
/// Use it only when both standard input and standard output are terminals; with either
/// redirected libedit quietly stops editing. The caller installs the SIGINT handler
/// (`nnedit_install_interrupt_handler`) first, and calls `readLine` on the main thread.
final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var historyFile: HistoryFile?
    private var warnedAboutSaving = false
    /// Lines entered since the last successful save.
    private var unsaved: [String] = []

    /// Sets up the editor; nil when libedit cannot start on this terminal.
    ///
    /// `historyPath` nil keeps the history in memory only.
    init?(historyPath: String?) {
        Terminal.useUTF8Locale()
        guard let editLine = nnedit_init("nnstep") else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        nnedit_history_set_size(history, HistoryFile.capacity)
        nnedit_history_set_unique(history, 1)
        if let historyPath, HistoryFile(path: historyPath).prepare(history) {
            historyFile = HistoryFile(path: historyPath)
        }
        nnedit_use_emacs(editLine)
        nnedit_use_signals(editLine, 1)
        nnedit_use_prompt(editLine)
        nnedit_use_history(editLine, history)
        // ~/.editrc first: a `bind -v` in it resets the keymaps and would drop our TAB.
        el_source(editLine, nil)
        nnedit_add_function(editLine, "nnstep-complete", "Complete the word before the cursor", completeWord)
        nnedit_bind(editLine, "^I", "nnstep-complete")
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    func readLine(prompt: String) -> LineEvent {
        nnedit_set_prompt(
            Self.markEscapes(in: PlainText.forTerminal(prompt, colour: Terminal.colour, ascii: Terminal.ascii)))
        _ = take_interrupt()
        var count: Int32 = 0
        guard let bytes = el_gets(editLine, &count) else {
            // The flag first: Ctrl-C during a Ctrl-R search also returns NULL with count 0.
            if take_interrupt() != 0 {
                Terminal.write(textAfterCursor() + "^C\n")
                return .interrupted
            }
            if count == 0 { Terminal.write("\n") }  // Ctrl-D; libedit has printed ^D
            return .end
        }
        var line = String(cString: bytes)
        if line.hasSuffix("\n") { line.removeLast() }
        if !line.allSatisfy(\.isWhitespace) { remember(line) }
        return .line(line)
    }

    /// Adds `line` to the history and saves the file (after every line, so a closed
    /// terminal loses nothing). A failing save is reported once.
    ///
    /// Lines that could not be saved are kept and saved with the next one.
    private func remember(_ line: String) {
        nnedit_history_enter(history, line)
        guard let historyFile else { return }
        unsaved.append(line)
        guard let reason = historyFile.save(adding: unsaved) else {
            unsaved = []
            return
        }
        if unsaved.count > Int(HistoryFile.capacity) { unsaved.removeFirst(unsaved.count - Int(HistoryFile.capacity)) }
        guard !warnedAboutSaving else { return }
        warnedAboutSaving = true
        Terminal.report("nnstep: cannot save history to '\(historyFile.path)': \(reason)")
    }

    /// The part of the abandoned line right of the cursor, so that `^C` goes after it.
    private func textAfterCursor() -> String {
        guard let info = el_line(editLine)?.pointee, let cursor = info.cursor, let end = info.lastchar,
            end > cursor
        else { return "" }
        let bytes = UnsafeRawBufferPointer(start: cursor, count: end - cursor)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Wraps each ANSI escape sequence of `prompt` in `\u{1}` so libedit prints it
    /// without counting it as columns (EL_PROMPT_ESC).
    static func markEscapes(in prompt: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1B}" && !inEscape {
                inEscape = true
                result += "\u{1}"
            }
            result.unicodeScalars.append(scalar)
            if inEscape && scalar != "\u{1B}" && scalar != "[" && (0x40...0x7E).contains(scalar.value) {
                inEscape = false
                result += "\u{1}"
            }
        }
        return inEscape ? result + "\u{1}" : result
    }
}
