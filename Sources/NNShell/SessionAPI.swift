// TEMPORARY STUB: the real Session replaces this file. The signatures are the contract
// between the shell library and the executable.
import NNEngine

/// How the session should render: chosen by the executable from flags and the terminal.
public struct SessionOptions: Sendable {
    public var ascii = false
    public var color = false
    public var width = 80
    public var interactive = false
    public init() {}
}

/// What one line of input produced.
public struct Reply: Sendable {
    public var output: String
    public var error: String?
    public var quit = false
    public init(output: String = "", error: String? = nil, quit: Bool = false) {
        self.output = output; self.error = error; self.quit = quit
    }
}

public final class Session {
    public let options: SessionOptions
    /// Polled during long work (`epoch`); returns true once when Ctrl-C was pressed.
    public var interruptCheck: (() -> Bool)?
    /// Receives transient progress text (a bar with `\r`) while long work runs; nil in scripts.
    public var progressSink: ((String) -> Void)?

    public init(options: SessionOptions) { self.options = options }
    public var greeting: String { "nnstep: type 'help' for commands, 'lessons' to start.\n" }
    public var prompt: String { "nnstep> " }
    public func execute(_ line: String) -> Reply { Reply(output: "you typed: \(line)\n") }
    /// Candidates for the last word of `line` (the text before the cursor).
    public func complete(_ line: String) -> [String] {
        ["show", "step", "set", "help"].filter { $0.hasPrefix(line.split(separator: " ").last.map(String.init) ?? "") }
    }
}
