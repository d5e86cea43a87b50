import CEditLine
import Glibc

/// The terminal side of `epoch N --watch`: frames drawn in place, and keys read without
/// waiting for Enter.
///
/// A frame replaces the last by moving the cursor up over it (`ESC [ n F`), rewriting each
/// line with the rest of the line cleared (`ESC [ K`) and clearing below (`ESC [ J`). Keys
/// are read with the terminal in non-canonical, no-echo mode, entered on the first poll and
/// left after the command (`restore()`); signals stay on, so Ctrl-C still interrupts.
enum LiveView {
    nonisolated(unsafe) private static var linesOnScreen = 0
    nonisolated(unsafe) private static var saved: termios?

    /// Draws `frame` over the previous frame of the same command.
    static func draw(_ frame: String) {
        var lines = frame.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // A frame taller than the window would scroll and could not be drawn over: keep its top.
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 2, lines.count > Int(size.ws_row) - 1 {
            lines = Array(lines.prefix(Int(size.ws_row) - 2)) + ["… (a taller window shows the rest of the view)"]
        }
        if linesOnScreen > 0 { raw("\u{1B}[\(linesOnScreen)F") }
        for line in lines {
            Terminal.write(line)
            raw("\u{1B}[K\n")
        }
        raw("\u{1B}[J")
        linesOnScreen = lines.count
    }

    /// One key pressed since the last poll, or nil.
    static func poll() -> UInt8? {
        if saved == nil { enterKeyMode() }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard Glibc.poll(&descriptor, 1, 0) > 0 else { return nil }
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }

    /// Back to the terminal as the line editor left it, and the next frame starts afresh.
    static func restore() {
        linesOnScreen = 0
        guard var mode = saved else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
        saved = nil
    }

    private static func enterKeyMode() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        saved = mode
        mode.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &mode.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
    }

    /// Control sequences of our own, written as they are (`Terminal.write` escapes controls).
    private static func raw(_ text: String) { _ = nnedit_write_stdout(text) }
}
