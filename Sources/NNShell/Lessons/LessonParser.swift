/// A problem in a lesson file, at a line and column.
struct LessonIssue: Sendable, Equatable {
    var location: SourceLocation
    var message: String
    /// The included file it is in, or nil for the lesson itself.
    var file: String?

    /// `FILE:LINE:COL: message`.
    func formatted(_ lessonPath: String) -> String {
        "\(file ?? lessonPath):\(location.line):\(location.column): \(message)"
    }
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
    static var lessonCommands: Set<String> { Command.lessonControlNames }

    init(_ text: String) {
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(
            String.init)
    }

    static func parse(_ text: String) -> (Lesson, [LessonIssue]) {
        var parser = LessonParser(text)
        parser.parseHeader()
        while parser.index < parser.lines.count { parser.parsePageLine() }
        parser.flushNarration()
        if parser.lesson.pages.isEmpty {
            parser.issue(max(1, parser.lines.count), 1, "the lesson has no pages; start one with a line '## Heading'")
        }
        return (
            parser.lesson,
            parser.issues.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        )
    }

    mutating func issue(_ line: Int, _ column: Int, _ message: String) {
        issues.append(LessonIssue(location: SourceLocation(line: line, column: column), message: message, file: nil))
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
                lesson.title = String(line.dropFirst(2)).trimmed
                sawTitle = true
            } else if line.hasPrefix("about:") {
                lesson.about = String(line.dropFirst(6)).trimmed
            } else if line.trimmed == "setup:" {
                if sawSetup { issue(lineNumber, 1, "a second 'setup:'; a lesson has one") }
                sawSetup = true
                index += 1
                parseSetup()
                continue
            } else if line.hasPrefix("#") {
                issue(
                    lineNumber, 1,
                    sawTitle
                        ? "a second title; pages start with '## '"
                        : "expected the title as '# Title' (a '#', a space, the title)")
            } else if let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" "), Self.indentation(line) == 0 {
                let key = String(line[..<colon])
                let near = didYouMean(
                    key, among: ["about", "setup"], form: { "\($0):" }, otherwise: "; expected 'about:' or 'setup:'")
                issue(lineNumber, 1, "unknown directive '\(key):' in the header\(near)")
            } else {
                issue(
                    lineNumber, Self.indentation(line) + 1,
                    "text before the first page; start a page with '## Heading', or put the summary after 'about:'")
            }
            index += 1
        }
        if !sawTitle { issue(1, 1, "the lesson needs a title on its first line, like '# The nine gradients'") }
        if !sawSetup {
            issue(
                index < lines.count ? lineNumber : 1, 1,
                "the lesson has no 'setup:' before its first page; it needs one (at least a 'net' line) so every run shows the same numbers"
            )
        } else if !lesson.setup.contains(where: { $0.text.split(separator: " ").first == "net" }) {
            issue(
                lesson.setup.first?.location.line ?? 1, 1,
                "the setup builds no network; add a line like '    net 2-2-1'")
        }
    }

    /// Indented command lines after `setup:`.
    mutating func parseSetup() {
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) || Self.isNote(line.trimmed) { index += 1; continue }
            guard Self.indentation(line) > 0 else { return }
            let column = Self.indentation(line) + 1
            let text = String(line.dropFirst(column - 1))
            let word = String(text.prefix { $0 != " " }).lowercased()
            if !Self.setupCommands.contains(word) {
                issue(
                    lineNumber, column,
                    "setup may only use net, data and set, found '\(word)'; put other commands on a page as '> \(text)'"
                )
            } else {
                lesson.setup.append(
                    LessonCommandLine(text: text, location: SourceLocation(line: lineNumber, column: column)))
            }
            index += 1
        }
    }

    // MARK: Pages

    mutating func parsePageLine() {
        let line = lines[index]
        if line.hasPrefix("## ") {
            flushNarration()
            let heading = String(line.dropFirst(3)).trimmed
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
            if let page = lesson.pages.last, page.items.isEmpty {
                issue(
                    lineNumber, 1,
                    "the page opens with a question; say first what the learner is looking at (a line of narration or a command)"
                )
            }
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
        if !narration.isEmpty, !lesson.pages.isEmpty {
            lesson.pages[lesson.pages.count - 1].items.append(.narration(narration))
        }
        narration = []
    }

    mutating func append(_ item: LessonItem) {
        if !lesson.pages.isEmpty { lesson.pages[lesson.pages.count - 1].items.append(item) }
    }
}

extension Template {
    var isBlank: Bool {
        parts.allSatisfy { if case .text(let t) = $0 { return LessonParser.isBlank(t) } else { return false } }
    }
}
