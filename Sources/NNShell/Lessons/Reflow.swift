/// Re-wraps lesson text the way Markdown reads it: the lines of a paragraph are joined and
/// wrapped to the width; a blank line separates paragraphs; a list item (`  - text`,
/// `  1. text`) is wrapped with its continuation lines under its text; any other line that
/// starts with a space (a formula, a table) or comes from a ``` block is kept as written.
enum Reflow {
    static func wrap(_ lines: [(text: String, verbatim: Bool)], width: Int) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var hanging: (first: String, indent: Int)?
        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.joined(separator: " ")
            if let (first, indent) = hanging {
                let filled = fill(text, width: max(20, width - indent))
                out += filled.enumerated().map {
                    ($0.offset == 0 ? first : String(repeating: " ", count: indent)) + $0.element
                }
            } else {
                out += fill(text, width: max(20, width))
            }
            paragraph = []
            hanging = nil
        }
        for (text, verbatim) in lines {
            let indent = text.prefix { $0 == " " }.count
            if !verbatim, let marker = listMarker(text) {
                flush()
                hanging = (String(text.prefix(marker)), marker)
                paragraph.append(String(text.dropFirst(marker)).trimmed)
            } else if !verbatim, let (_, itemIndent) = hanging, indent == itemIndent {
                paragraph.append(text.trimmed)
            } else if verbatim || indent > 0 || text.first == "\t" || text.allSatisfy({ $0 == " " }) {
                flush()
                out.append(verbatim ? text : trimmedEnd(text))
            } else {
                if hanging != nil { flush() }
                paragraph.append(text.trimmed)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    /// The length of `- `, `  - ` or `  12. ` at the start of a list item, or nil.
    static func listMarker(_ text: String) -> Int? {
        let characters = Array(text)
        var i = 0
        while i < characters.count, characters[i] == " " { i += 1 }
        guard i < characters.count else { return nil }
        if characters[i] == "-" || characters[i] == "*" {
            i += 1
        } else {
            let start = i
            guard start > 0 else { return nil }
            while i < characters.count, characters[i].isNumber { i += 1 }
            guard i > start, i < characters.count, characters[i] == "." else { return nil }
            i += 1
        }
        guard i < characters.count, characters[i] == " " else { return nil }
        while i < characters.count, characters[i] == " " { i += 1 }
        return i < characters.count ? i : nil
    }

    /// Greedy filling: as many words on a line as fit in `width` columns. A quoted command
    /// ('load 9') is one word, so it is never split across lines.
    static func fill(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in unbreakableWords(text) {
            if current.isEmpty {
                current = word
            } else if current.displayWidth + 1 + word.displayWidth <= width {
                current += " " + word
            } else {
                lines.append(current); current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The words of `text`, with the words of a short single-quoted span ('set lr 0.1')
    /// joined into one. An apostrophe inside a word (learner's) opens no span.
    static func unbreakableWords(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var result: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            let opening = word.drop { $0 == "(" || $0 == "\"" }
            guard opening.hasPrefix("'"), !closesQuote(opening.dropFirst()) else { result.append(word); continue }
            var end = index
            while end < words.count, end - index < 5, !closesQuote(Substring(words[end])) { end += 1 }
            guard end < words.count, closesQuote(Substring(words[end])) else { result.append(word); continue }
            result.append(([word] + words[index...end]).joined(separator: " "))
            index = end + 1
        }
        return result
    }

    /// True when `word` ends a quoted span: a `'` at its end, before any closing punctuation.
    private static func closesQuote(_ word: Substring) -> Bool {
        let core = word.reversed().drop { ".,;:!?)\"".contains($0) }
        return core.first == "'"
    }

    static func trimmedEnd(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
