extension LessonParser {
    static let checkpointKeys = ["answer", "choice", "within", "hint", "solution"]

    /// `? question` lines, then indented `key: value` lines (deeper-indented lines continue
    /// the key above). The block ends at the next line that starts in column 1.
    mutating func parseCheckpoint() {
        let start = SourceLocation(line: lineNumber, column: 1)
        var question: [Template] = []
        while index < lines.count, lines[index].hasPrefix("?") {
            let body = lines[index].dropFirst()
            let column = 2 + body.prefix { $0 == " " }.count
            question.append(template(String(body).trimmed, line: lineNumber, column: column))
            index += 1
        }
        var answer: Checkpoint.Answer?
        var choices: [(label: String, condition: LessonExpression, location: SourceLocation)] = []
        var tolerance: Checkpoint.Tolerance?
        var hints: [[Template]] = []
        var solution: [Template]?
        var sawAnswerLine = false
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) {
                // A blank line belongs to the block only when an indented line follows it.
                var next = index + 1
                while next < lines.count, Self.isBlank(lines[next]) { next += 1 }
                if next < lines.count, Self.indentation(lines[next]) > 0 { index = next; continue }
                break
            }
            let indent = Self.indentation(line)
            guard indent > 0 else { break }
            let content = String(line.dropFirst(indent))
            guard let colon = content.firstIndex(of: ":"),
                  content[..<colon].split(separator: " ").count <= 2, content.first?.isLetter == true else {
                issue(lineNumber, indent + 1, "expected a checkpoint line like 'answer: …', 'choice NAME: …', 'within: …', 'hint: …' or 'solution: …'")
                index += 1
                continue
            }
            let keyWords = content[..<colon].split(separator: " ").map(String.init)
            let key = keyWords[0]
            let valueText = String(content[content.index(after: colon)...])
            let valueColumn = indent + content.distance(from: content.startIndex, to: colon) + 2 + valueText.prefix { $0 == " " }.count
            let value = valueText.trimmed
            let keyLine = lineNumber
            index += 1
            let continuation = readContinuation(deeperThan: indent)
            switch key {
            case "answer" where keyWords.count == 1:
                if sawAnswerLine { issue(keyLine, indent + 1, "a second 'answer:'; a checkpoint has one") }
                sawAnswerLine = true
                if let e = expression(value, line: keyLine, column: valueColumn) {
                    if !e.isLive { issue(keyLine, valueColumn, "the answer must come from the engine: use live values such as 'loss' or 'next grad w2_11', not only typed numbers") }
                    answer = .number(e, SourceLocation(line: keyLine, column: valueColumn))
                }
            case "choice" where keyWords.count == 2:
                let label = keyWords[1].lowercased()
                if choices.contains(where: { $0.label == label }) { issue(keyLine, indent + 8, "the choice '\(label)' is given twice") }
                if let e = expression(value, line: keyLine, column: valueColumn) {
                    if !e.isLive { issue(keyLine, valueColumn, "a choice must be decided by the engine: compare live values, like 'next w2_11 > w2_11'") }
                    choices.append((label, e, SourceLocation(line: keyLine, column: valueColumn)))
                }
            case "within" where keyWords.count == 1:
                tolerance = parseTolerance(value, line: keyLine, column: valueColumn)
            case "hint" where keyWords.count == 1:
                hints.append(textBlock(value, valueColumn, keyLine, continuation))
            case "solution" where keyWords.count == 1:
                if solution != nil { issue(keyLine, indent + 1, "a second 'solution:'; a checkpoint has one") }
                solution = textBlock(value, valueColumn, keyLine, continuation)
            default:
                let near = nearest(key, in: Self.checkpointKeys).map { "; did you mean '\($0)\($0 == "choice" ? " NAME" : ""):'?" } ?? ""
                let shape = Self.checkpointKeys.contains(key) ? "'\(key)' is written '\(key == "choice" ? "choice NAME: EXPRESSION" : key + ": …")'" : "unknown checkpoint key '\(key):'\(near)"
                issue(keyLine, indent + 1, shape)
            }
        }
        if !choices.isEmpty {
            if sawAnswerLine { issue(start.line, 1, "a checkpoint has either 'answer:' or choices, not both") }
            if choices.count < 2 { issue(choices[0].location.line, 1, "a checkpoint with choices needs at least two") }
            answer = .choice(choices)
        } else if !sawAnswerLine {
            issue(start.line, 1, "this checkpoint has no 'answer:' (a number) or 'choice NAME:' lines")
        }
        if hints.isEmpty { issue(start.line, 1, "this checkpoint needs at least one 'hint:'") }
        if solution == nil { issue(start.line, 1, "this checkpoint needs a 'solution:'") }
        if let answer {
            append(.checkpoint(Checkpoint(question: question, answer: answer, tolerance: tolerance ?? .standard,
                                          hints: hints, solution: solution ?? [], location: start)))
        }
    }

    /// Lines indented more than `indent` (blank lines between them kept), as (line number, text).
    mutating func readContinuation(deeperThan indent: Int) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var probe = index
        while probe < lines.count {
            if Self.isBlank(lines[probe]) { probe += 1; continue }
            guard Self.indentation(lines[probe]) > indent else { break }
            for blank in index..<probe { result.append((blank + 1, "")) }
            result.append((probe + 1, lines[probe]))
            probe += 1
            index = probe
        }
        return result
    }

    /// The value on the key's line and its continuation lines (their common indentation removed).
    mutating func textBlock(_ first: String, _ column: Int, _ line: Int, _ rest: [(Int, String)]) -> [Template] {
        var block: [Template] = first.isEmpty ? [] : [template(first, line: line, column: column)]
        let common = rest.filter { !Self.isBlank($0.1) }.map { Self.indentation($0.1) }.min() ?? 0
        for (number, text) in rest {
            block.append(template(String(text.dropFirst(min(common, text.count))), line: number, column: common + 1))
        }
        if block.isEmpty { issue(line, column, "expected text here or on the indented lines below") }
        return block
    }

    /// `0.01` (absolute) or `1%` (relative to the answer).
    mutating func parseTolerance(_ text: String, line: Int, column: Int) -> Checkpoint.Tolerance? {
        let relative = text.hasSuffix("%")
        let number = relative ? String(text.dropLast()).trimmed : text
        guard let value = Double(number), value.isFinite, value >= 0 else {
            issue(line, column, "expected a tolerance like '0.01' or '1%', found '\(text)'")
            return nil
        }
        return relative ? .relative(value / 100) : .absolute(value)
    }

    /// Parses an expression and checks its names, reporting problems at their columns.
    mutating func expression(_ text: String, line: Int, column: Int) -> LessonExpression? {
        let leading = text.prefix { $0 == " " }.count
        do {
            let parsed = try ExpressionParser.parse(String(text.dropFirst(leading)), column: column + leading)
            for problem in LessonNames.check(parsed, kept: kept) { issue(line, problem.column, problem.message) }
            return parsed
        } catch {
            issue(line, error.column, error.message)
            return nil
        }
    }

    /// Splits text at `{{ … }}` holes; `column` is where `text` starts in its line.
    mutating func template(_ text: String, line: Int, column: Int) -> Template {
        var parts: [Template.Part] = []
        var rest = Substring(text)
        var offset = 0
        while let open = rest.firstRange(of: "{{") {
            parts.append(.text(String(rest[..<open.lowerBound])))
            let openColumn = column + offset + rest.distance(from: rest.startIndex, to: open.lowerBound)
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "}}") else {
                issue(line, openColumn, "unterminated '{{'; close the live value with '}}'")
                return Template(parts: parts, line: line)
            }
            if let e = expression(String(after[..<close.lowerBound]), line: line, column: openColumn + 2) {
                parts.append(.value(e, column: openColumn + 2))
            }
            offset += rest.distance(from: rest.startIndex, to: close.upperBound)
            rest = after[close.upperBound...]
        }
        parts.append(.text(String(rest)))
        return Template(parts: parts, line: line)
    }
}
