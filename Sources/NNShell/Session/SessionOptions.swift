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
    /// Keep each plot's picture as SVG for `review --html` (drawing it twice); tests that
    /// play whole lessons turn it off to stay fast.
    public var recordsPictures = true
    public init() {}
}

/// What one line of input produced.
public struct Reply: Sendable {
    public var output: String
    /// A one-line message (with a caret line above it at a terminal), or nil on success.
    public var error: String? { failure.map { $0.rendered(color: false) } }
    /// The same error in its parts, so a terminal can style them (`rendered(color:)`).
    public var failure: Failure?
    public var quit = false
    public init(output: String = "", failure: Failure? = nil, quit: Bool = false) {
        self.output = output
        self.failure = failure
        self.quit = quit
    }

    /// A failed line as the learner sees it: a caret line under the bad word (at a terminal),
    /// the prefix `error:` and the one-line message.
    public struct Failure: Sendable, Equatable {
        /// Spaces then `^~~~` under the bad word, or nil.
        public var marks: String?
        public var message: String

        /// The caret line and `error: message`; with `color`, the prefix in bold red.
        public func rendered(color: Bool) -> String {
            let prefix = color ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
            return (marks.map { $0 + "\n" } ?? "") + prefix + " " + message
        }
    }
}

/// The structured result of one line, before it is rendered for a terminal or a script.
public struct Outcome: Sendable {
    public var output: String
    public var error: ShellError?
    public var quit: Bool
}
