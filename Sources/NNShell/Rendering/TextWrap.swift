/// Fits help text into a width, breaking only between words (and never inside a quoted
/// command such as 'load 9'): prose paragraphs are refilled, two-column rows keep their
/// description column, and a usage line breaks between its alternatives.
enum TextWrap {
    /// `usage: …` in lines of at most `width` columns, broken before ` | ` where it can be.
    static func usage(_ usage: String, width: Int) -> [String] {
        let alternatives = usage.split(separator: " | ", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        var current = "usage: " + alternatives[0]
        for alternative in alternatives.dropFirst() {
            if current.displayWidth + 3 + alternative.displayWidth <= width {
                current += " | " + alternative
            } else {
                lines.append(current)
                current = "     | " + alternative
            }
        }
        lines.append(current)
        return lines.flatMap { $0.displayWidth <= width ? [$0] : hanging($0, indent: 7, width: width) }
    }

    /// A help text's paragraphs and rows, each fitted to `width`; one that fits is kept as written.
    static func details(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            index += 1
            if line.allSatisfy({ $0 == " " }) {
                out.append("")
                continue
            }
            // The lines that belong with this one: the rest of a paragraph, or a row's continuation.
            var parts = [String(line.dropFirst(indent))]
            while index < lines.count, !lines[index].allSatisfy({ $0 == " " }) {
                let next = lines[index].prefix { $0 == " " }.count
                guard indent == 0 ? next == 0 : next > indent else { break }
                parts.append(lines[index].trimmed)
                index += 1
            }
            let group = lines[(index - parts.count)..<index]
            if group.allSatisfy({ $0.displayWidth <= width }) {
                out += group  // it fits as written (aligned columns stay aligned)
            } else {
                out +=
                    indent == 0
                    ? Reflow.fill(parts.joined(separator: " "), width: width) : row(line, parts, indent, width)
            }
        }
        return out
    }

    /// A two-column row (`  set lr V   the learning rate …`) with its description refilled
    /// under its own column, or an indented line wrapped under its indent.
    private static func row(_ first: String, _ parts: [String], _ indent: Int, _ width: Int) -> [String] {
        let body = Array(first.dropFirst(indent))
        var gap = 1
        while gap + 1 < body.count, !(body[gap] == " " && body[gap + 1] == " ") { gap += 1 }
        guard gap + 1 < body.count else {
            return hanging(parts.joined(separator: " "), indent: indent, width: width, lead: indent)
        }
        var column = gap
        while column < body.count, body[column] == " " { column += 1 }
        let term = String(repeating: " ", count: indent) + String(body[..<column])
        let description = ([String(body[column...])] + parts.dropFirst()).joined(separator: " ")
        let hang = indent + column
        guard width - hang >= 24 else {
            return [term.trimmedEnd()] + hanging(description, indent: indent + 4, width: width, lead: indent + 4)
        }
        let filled = Reflow.fill(description, width: width - hang)
        return filled.enumerated().map { ($0.offset == 0 ? term : String(repeating: " ", count: hang)) + $0.element }
    }

    /// `output` with every line of prose wider than `width` wrapped at spaces (the rest two
    /// columns further in), so that no message runs past the edge. A document (JSON, SVG, HTML, a Markdown
    /// review) is left exactly as it is: other programs read it.
    static func fit(_ output: String, width: Int) -> String {
        guard output.utf8.count > width, let first = output.first, !"{<#".contains(first) else { return output }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.contains(where: { $0.utf8.count > width && String($0).displayWidth > width }) else { return output }
        return lines.flatMap { line -> [String] in
            let text = String(line)
            guard text.displayWidth > width else { return [text] }
            let indent = text.prefix { $0 == " " }.count
            let body = String(text.dropFirst(indent))
            // Aligned columns (two spaces in a row) and coloured text are pictures, not prose.
            guard body.contains(" "), !body.contains("  "), !body.contains("\u{1B}") else { return [text] }
            return hanging(body, indent: indent + 2, width: width, lead: indent)
        }.joined(separator: "\n")
    }

    /// `text` filled to `width`, its first line indented by `lead`, the others by `indent`.
    static func hanging(_ text: String, indent: Int, width: Int, lead: Int = 0) -> [String] {
        Reflow.fill(text, width: max(20, width - max(indent, lead))).enumerated().map { offset, line in
            String(repeating: " ", count: offset == 0 ? lead : indent) + line
        }
    }
}

private extension String {
    func trimmedEnd() -> String { Reflow.trimmedEnd(self) }
}
