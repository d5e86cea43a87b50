/// Parsing text blocks, expressions and `{{…}}` templates, with their problems at their columns.
extension LessonParser {
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
