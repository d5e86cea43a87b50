/// A problem in a lesson file, at a line and column.
struct LessonIssue: Sendable, Equatable {
    var location: SourceLocation
    var message: String

    /// `FILE:LINE:COL: message`.
    func formatted(_ file: String) -> String { "\(file):\(location.line):\(location.column): \(message)" }
}

/// Reads the lesson format line by line: the header (`# Title`, `about:`, `setup:`), then
/// pages (`## Heading`) of narration, `> commands`, `? checkpoints`, ``` blocks and `@keep`.
/// It collects every problem instead of stopping at the first, so `--check` can list them all.
struct LessonParser {
    let lines: [String]
    var index = 0
    var lesson = Lesson()
    var issues: [LessonIssue] = []
    /// Names defined by `@keep` so far, in file order.
    var kept: Set<String> = []
    var narration: [Template] = []

    static let setupCommands: Set<String> = ["net", "data", "set"]
    static let lessonCommands: Set<String> = ["load", "lessons", "next", "back", "restart", "hint", "solution", "skip", "review", "quit", "exit", "q"]

    init(_ text: String) {
        lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func parse(_ text: String) -> (Lesson, [LessonIssue]) {
        var parser = LessonParser(text)
        parser.parseHeader()
        while parser.index < parser.lines.count { parser.parsePageLine() }
        parser.flushNarration()
        if parser.lesson.pages.isEmpty {
            parser.issue(max(1, parser.lines.count), 1, "the lesson has no pages; start one with a line '## Heading'")
        }
        return (parser.lesson, parser.issues.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
    }

    mutating func issue(_ line: Int, _ column: Int, _ message: String) {
        issues.append(LessonIssue(location: SourceLocation(line: line, column: column), message: message))
    }

    var lineNumber: Int { index + 1 }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " || $0 == "\t" }.count }
    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
    static func isNote(_ line: String) -> Bool { line.hasPrefix("//") }

    // MARK: The header

    mutating func parseHeader() {
        var sawTitle = false, sawSetup = false
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) || Self.isNote(line) { index += 1; continue }
            if line.hasPrefix("## ") { break }
            if line.hasPrefix("# ") && !sawTitle && lesson.about.isEmpty && !sawSetup {
                lesson.title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                sawTitle = true
            } else if line.hasPrefix("about:") {
                lesson.about = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
            } else if line.trimmingCharacters(in: .whitespaces) == "setup:" {
                if sawSetup { issue(lineNumber, 1, "a second 'setup:'; a lesson has one") }
                sawSetup = true
                index += 1
                parseSetup()
                continue
            } else if line.hasPrefix("#") {
                issue(lineNumber, 1, sawTitle ? "a second title; pages start with '## '" : "expected the title as '# Title' (a '#', a space, the title)")
            } else if let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" "), Self.indentation(line) == 0 {
                let key = String(line[..<colon])
                let near = nearest(key, in: ["about", "setup"]).map { "; did you mean '\($0):'?" } ?? "; expected 'about:' or 'setup:'"
                issue(lineNumber, 1, "unknown directive '\(key):' in the header\(near)")
            } else {
                issue(lineNumber, Self.indentation(line) + 1, "text before the first page; start a page with '## Heading', or put the summary after 'about:'")
            }
            index += 1
        }
        if !sawTitle { issue(1, 1, "the lesson needs a title on its first line, like '# The nine gradients'") }
        if !sawSetup {
            issue(max(1, lineNumber), 1, "the lesson has no 'setup:' before its first page; it needs one (at least a 'net' line) so every run shows the same numbers")
        } else if !lesson.setup.contains(where: { $0.text.split(separator: " ").first == "net" }) {
            issue(lesson.setup.first?.location.line ?? 1, 1, "the setup builds no network; add a line like '    net 2-2-1'")
        }
    }

    /// Indented command lines after `setup:`.
    mutating func parseSetup() {
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) || (Self.isNote(line.trimmingCharacters(in: .whitespaces))) { index += 1; continue }
            guard Self.indentation(line) > 0 else { return }
            let column = Self.indentation(line) + 1
            let text = String(line.dropFirst(column - 1))
            let word = String(text.prefix { $0 != " " }).lowercased()
            if !Self.setupCommands.contains(word) {
                issue(lineNumber, column, "setup may only use net, data and set, found '\(word)'; put other commands on a page as '> \(text)'")
            } else {
                lesson.setup.append(LessonCommandLine(text: text, location: SourceLocation(line: lineNumber, column: column)))
            }
            index += 1
        }
    }

    // MARK: Pages

    mutating func parsePageLine() {
        let line = lines[index]
        if line.hasPrefix("## ") {
            flushNarration()
            let heading = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            if heading.isEmpty { issue(lineNumber, 4, "a page needs a heading after '## '") }
            lesson.pages.append(LessonPage(heading: heading, line: lineNumber))
            index += 1
            return
        }
        if Self.isNote(line) { index += 1; return }
        if line.hasPrefix("#") {
            issue(lineNumber, 1, "a heading here must be a page, '## Heading'; the '# Title' belongs on the first line")
        } else if line.hasPrefix(">") {
            flushNarration()
            parseCommand(line)
        } else if line.hasPrefix("?") {
            flushNarration()
            parseCheckpoint()
            return
        } else if line.hasPrefix("@") {
            flushNarration()
            parseDirective(line)
        } else if line.hasPrefix("```") {
            parseVerbatim()
            return
        } else {
            narration.append(template(line, line: lineNumber, column: 1))
        }
        index += 1
    }

    /// Narration lines so far become one item (blank lines at either end dropped).
    mutating func flushNarration() {
        while let first = narration.first, first.isBlank { narration.removeFirst() }
        while let last = narration.last, last.isBlank { narration.removeLast() }
        if !narration.isEmpty, !lesson.pages.isEmpty { lesson.pages[lesson.pages.count - 1].items.append(.narration(narration)) }
        narration = []
    }

    mutating func append(_ item: LessonItem) {
        if !lesson.pages.isEmpty { lesson.pages[lesson.pages.count - 1].items.append(item) }
    }

    mutating func parseCommand(_ line: String) {
        let body = line.dropFirst()
        let column = 2 + body.prefix { $0 == " " }.count
        let text = body.trimmingCharacters(in: .whitespaces)
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
            let near = nearest(first.text, in: names).map { "; did you mean '\($0)'?" } ?? ""
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
            let near = nearest(word, in: ["keep"]).map { "; did you mean '@\($0)'?" } ?? "; the only directive is '@keep NAME = EXPRESSION'"
            return issue(lineNumber, 1, "unknown directive '@\(word)'\(near)")
        }
        let rest = line.dropFirst(5)
        guard let equals = rest.firstIndex(of: "=") else {
            return issue(lineNumber, 1, "expected '@keep NAME = EXPRESSION'")
        }
        let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
        let nameColumn = 7 + rest[..<equals].prefix { $0 == " " }.count
        guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            return issue(lineNumber, nameColumn, "expected a name of letters, digits and '_' after '@keep', found '\(name)'")
        }
        if LessonNames.kind(of: name, kept: []) != nil || LessonNames.liveFunctions[name] != nil || LessonNames.pureFunctions[name] != nil {
            return issue(lineNumber, nameColumn, "'\(name)' is already a live name; choose another, like 'first_\(name)'")
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

extension Template {
    var isBlank: Bool {
        parts.allSatisfy { if case .text(let t) = $0 { return LessonParser.isBlank(t) } else { return false } }
    }
}
