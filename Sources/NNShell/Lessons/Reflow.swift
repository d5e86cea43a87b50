import Foundation

/// Re-wraps lesson text the way Markdown reads it: lines of one paragraph are joined and
/// wrapped to the width; a blank line separates paragraphs; a line that starts with a space
/// (a formula, a table) or comes from a ``` block is kept exactly as written.
enum Reflow {
    static func wrap(_ lines: [(text: String, verbatim: Bool)], width: Int) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            out += fill(paragraph.joined(separator: " "), width: max(20, width))
            paragraph = []
        }
        for (text, verbatim) in lines {
            if verbatim || text.first == " " || text.first == "\t" || text.allSatisfy({ $0 == " " }) {
                flush()
                out.append(verbatim ? text : trimmedEnd(text))
            } else {
                paragraph.append(text.trimmingCharacters(in: .whitespaces))
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    /// Greedy filling: as many words on a line as fit in `width` columns.
    static func fill(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) }
            else if current.displayWidth + 1 + word.count <= width { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func trimmedEnd(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
