extension Command {
    static let what = Command(
        name: "what",
        usage: "what is TERM",
        summary: "explain a term of the course: what is epoch",
        details: """
            'what is epoch', 'what is chain rule', 'what is η': a few lines on the term, with its
            formula and the lesson that teaches it ('help TERM' does the same). 'what is' alone
            lists every term.
            """,
        examples: ["what is sigmoid", "what is mini-batch", "what is δ"],
        complete: { previous, partial, _ in
            previous.isEmpty ? ["is"].filter { $0.hasPrefix(partial) } : Glossary.names.filter { $0.hasPrefix(partial) }
        },
        run: { invocation, _ throws(ShellError) in
            var words = invocation.arguments
            if words.first?.text.lowercased() == "is" || words.first?.text.lowercased() == "are" { words.removeFirst() }
            guard !words.isEmpty else { return Glossary.index }
            let term = words.map(\.text).joined(separator: " ").trimmingQuestionMark
            if let entry = Glossary.find(term) { return Glossary.render(entry) }
            if let command = Command.named(term) {
                return "'\(command.name)' is a command: \(command.summary).\n'help \(command.name)' explains it.\n"
            }
            throw ShellError.at(words[0], Glossary.unknown(term))
        }
    )
}

private extension String {
    /// `sigmoid?` → `sigmoid`; `an epoch` → `epoch`.
    var trimmingQuestionMark: String {
        var text = hasSuffix("?") ? String(dropLast()) : self
        for article in ["a ", "an ", "the "] where text.lowercased().hasPrefix(article) {
            text = String(text.dropFirst(article.count))
        }
        return text
    }
}
