import CEditLine
import Glibc
import NNShell

/// The few facts about the terminal and the process's streams that `main` needs.
enum Terminal {
    /// True when `fd` is a terminal.
    static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The width of the terminal on standard output, or nil if it is not one.
    static func columns() -> Int? {
        let columns = Int(nnedit_terminal_columns(STDOUT_FILENO))
        return columns > 0 ? columns : nil
    }

    /// Writes `text` to standard output and flushes it. A reader that went away
    /// (`nnstep | head`) ends the program quietly: SIGPIPE is ignored, so this sees EPIPE.
    /// Any other failure (a full disk, `> /dev/full`, a closed standard output) ends it with
    /// status 1 and a message on standard error: output that cannot be written is not lost quietly.
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        guard !standardOutputWasClosed else { failedOutput(EBADF) }
        if nnedit_write_stdout(PlainText.forTerminal(text, colour: colour, ascii: ascii)) != 0 {
            if errno == EPIPE { exit(0) }
            failedOutput(errno)
        }
    }

    private static func failedOutput(_ code: Int32) -> Never {
        report("nnstep: cannot write to standard output: \(FileWriter.describe(code))")
        exit(1)
    }

    /// True when the program started with standard output closed (`nnstep >&-`).
    nonisolated(unsafe) private static var standardOutputWasClosed = false

    /// Run first: a closed standard input, output or error gets /dev/null, so that no file
    /// nnstep opens later takes its number (output meant for the terminal would land in it).
    /// A closed standard output is remembered, so the first write to it fails with a message.
    static func guardStandardStreams() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            if fd == STDOUT_FILENO { standardOutputWasClosed = true }
            let opened = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }

    /// Writes `text` to standard error, unbuffered.
    static func writeError(_ text: String) {
        guard !text.isEmpty else { return }
        nnedit_write_stderr(PlainText.forTerminal(text, colour: colour, ascii: ascii))
    }

    /// `--ascii` (or a locale without UTF-8): every byte written is ASCII.
    nonisolated(unsafe) static var ascii = false
    /// Colour is allowed, so nnstep's own colour sequences pass; any other escape is shown escaped.
    nonisolated(unsafe) static var colour = false

    /// Writes a one-line message to standard error, adding the newline if it is missing.
    static func report(_ message: String) {
        writeError(message.hasSuffix("\n") ? message : message + "\n")
    }

    /// Makes the C library (and so libedit) read and write UTF-8.
    ///
    /// Without it libedit silently drops every non-ASCII byte. The user's locale is used
    /// when it is UTF-8, otherwise `C.UTF-8`. Numbers stay in the C locale so that no
    /// C formatting ever prints a decimal comma.
    static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// True when the environment names a locale whose characters are not UTF-8
    /// (`LANG=en_US.ISO-8859-1`), so the terminal probably cannot show `w²₁₁`.
    ///
    /// An unset locale, `C` and `POSIX` do not count: containers set those on UTF-8 terminals.
    static func localeLacksUTF8(_ environment: [String: String]) -> Bool {
        let names = ["LC_ALL", "LC_CTYPE", "LANG"]
        guard let locale = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
        else { return false }
        if locale == "C" || locale == "POSIX" { return false }
        let lowered = locale.lowercased()
        return !(lowered.contains("utf-8") || lowered.contains("utf8"))
    }
}
