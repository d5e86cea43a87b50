/// Commands, `@keep` directives and ``` blocks on a page.
extension LessonParser {
    mutating func parseCommand(_ line: String) {
        let body = line.dropFirst()
        let column = 2 + body.prefix { $0 == " " }.count
        let text = String(body).trimmed
        guard !text.isEmpty else { return issue(lineNumber, 1, "'>' needs a command after it, like '> step'") }
        if let problem = Self.commandProblem(text) {
            issue(lineNumber, column + problem.column - 1, problem.message)
        }
        append(.command(LessonCommandLine(text: text, location: SourceLocation(line: lineNumber, column: column))))
    }

    /// Why `text` cannot run inside a lesson (syntax only), with the column in `text`.
    static func commandProblem(_ text: String) -> (message: String, column: Int)? {
        let tokens: [Token]
        do { tokens = try Token.split(text) } catch { return (error.message, error.column ?? 1) }
        guard let first = tokens.first else { return nil }
        guard Command.named(first.text) != nil else {
            let names = Command.all.map(\.name)
            let note =
                first.text.first?.isUppercase == true || first.text.hasSuffix(":")
                ? "; a line starting with '>' runs a command: write a note or a quotation as plain narration" : ""
            let near = didYouMean(first.text, among: names, otherwise: note)
            return ("unknown command '\(first.text)'\(near)", first.column)
        }
        if lessonCommands.contains(first.text.lowercased()) {
            return ("'\(first.text)' steers lessons and cannot run inside one", first.column)
        }
        return nil
    }

    mutating func parseDirective(_ line: String) {
        let word = String(line.dropFirst().prefix { $0.isLetter })
        guard word == "keep" else {
            let near = didYouMean(
                word, among: ["keep"], form: { "@\($0)" },
                otherwise: "; the only directive is '@keep NAME = EXPRESSION'")
            return issue(lineNumber, 1, "unknown directive '@\(word)'\(near)")
        }
        let rest = line.dropFirst(5)
        guard let equals = rest.firstIndex(of: "=") else {
            return issue(lineNumber, 1, "expected '@keep NAME = EXPRESSION'")
        }
        let name = String(rest[..<equals]).trimmed
        let nameColumn = 7 + rest[..<equals].prefix { $0 == " " }.count
        guard let first = name.first, first.isLetter,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else {
            return issue(
                lineNumber, nameColumn, "expected a name of letters, digits and '_' after '@keep', found '\(name)'")
        }
        if LessonNames.kind(of: name, kept: []) != nil || LessonNames.liveFunctions[name] != nil
            || LessonNames.pureFunctions[name] != nil
        {
            return issue(
                lineNumber, nameColumn, "'\(name)' is already a live name; choose another, like 'first_\(name)'")
        }
        let exprText = String(rest[rest.index(after: equals)...])
        let exprColumn = 6 + rest.distance(from: rest.startIndex, to: equals) + 2
        if let expression = expression(exprText, line: lineNumber, column: exprColumn) {
            append(.keep(name: name, expression, SourceLocation(line: lineNumber, column: 1)))
        }
        kept.insert(name)
    }

    /// A ``` block: lines shown exactly as written (live values are still filled in).
    mutating func parseVerbatim() {
        let opening = lineNumber
        index += 1
        while index < lines.count {
            if lines[index].hasPrefix("```") { index += 1; return }
            var line = template(lines[index], line: lineNumber, column: 1)
            line.verbatim = true
            narration.append(line)
            index += 1
        }
        issue(opening, 1, "unterminated ``` block; close it with a line '```'")
    }
}
