/// How the session should render: chosen by the executable from flags and the terminal.
public struct SessionOptions: Sendable {
    public var ascii = false
    public var color = false
    /// The terminal width that tables and plots fit into.
    public var width = 80
    /// True at a terminal prompt; false in scripts and tests.
    public var interactive = false
    /// Where lessons are found (`Lessons/` beside the binary's package by default).
    public var lessonDirectories: [String] = []
    /// Where progress is saved; nil keeps it in memory only (tests, scripts).
    public var stateDirectory: String?
    public init() {}
}

/// What one line of input produced.
public struct Reply: Sendable {
    public var output: String
    /// A one-line message (with a caret line above it at a terminal), or nil on success.
    public var error: String?
    public var quit = false
    public init(output: String = "", error: String? = nil, quit: Bool = false) {
        self.output = output
        self.error = error
        self.quit = quit
    }
}

/// The structured result of one line, before it is rendered for a terminal or a script.
public struct Outcome: Sendable {
    public var output: String
    public var error: ShellError?
    public var quit: Bool
}
