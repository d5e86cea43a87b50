/// The glossary behind `help TERM` and `what is TERM`: a few lines on each term the lessons
/// use, with its formula and the lesson that teaches it. `--check` uses the same table to warn
/// when a lesson uses a term before it defines it (`*term*`) or links it (`help term`).
struct GlossaryEntry: Sendable {
    /// The name shown and looked up first: `mini-batch`.
    let term: String
    /// Other names that find it: `minibatch`, `η`.
    let aliases: [String]
    /// The lesson (by number) that teaches it, if any.
    let lesson: Int?
    /// A few lines: what it is, the formula, how it shows in nnstep.
    let text: String
    /// Words that count as using the term in a lesson's narration (any case).
    let uses: [String]

    init(_ term: String, _ aliases: [String] = [], lesson: Int?, uses: [String]? = nil, _ text: String) {
        self.term = term
        self.aliases = aliases
        self.lesson = lesson
        self.text = text
        self.uses = uses ?? [term]
    }
}

enum Glossary {
    static let entries: [GlossaryEntry] = basics + training + deeper + later

    /// The entry for `name` (a term or an alias, any case, `-`, `_` and spaces alike).
    static func find(_ name: String) -> GlossaryEntry? {
        let key = normalised(name)
        return entries.first { normalised($0.term) == key }
            ?? entries.first { $0.aliases.contains { normalised($0) == key } }
    }

    static func normalised(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " && $0 != "'" })
    }

    /// Every name that finds an entry, for TAB and for "did you mean".
    static var names: [String] { entries.flatMap { [$0.term] + $0.aliases } }

    /// What `help TERM` and `what is TERM` print.
    static func render(_ entry: GlossaryEntry) -> String {
        var text =
            entry.term + (entry.aliases.isEmpty ? "" : " (also: \(entry.aliases.joined(separator: ", ")))") + "\n"
        let body = entry.text.split(separator: "\n").map { String($0).trimmed }.joined(separator: " ")
        text += Reflow.fill(body, width: 76).map { "  " + $0 }.joined(separator: "\n") + "\n"
        if let lesson = entry.lesson { text += "  Taught in lesson \(lesson) ('load \(lesson)').\n" }
        return text
    }

    /// The error for a name that is neither a command nor a term.
    static func unknown(_ name: String) -> String {
        "no command or glossary term '\(name)'"
            + didYouMean(
                name.lowercased(), among: names + Command.all.map(\.name),
                otherwise: "; 'help' lists the commands and 'what is' the terms")
    }

    /// The glossary's terms, in columns, for `what is` with nothing after it.
    static var index: String {
        let lines = Reflow.fill(entries.map(\.term).joined(separator: ", "), width: 76)
        return "terms (type 'what is TERM' or 'help TERM'):\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}
