/// The glossary check of `--check`: a lesson should define a term (`*epoch*`, where the
/// narration explains it) or link it (`help epoch`, `what is epoch`) no later than the line
/// that first uses it. Narration, questions, hints and solutions count; commands and their
/// output do not. A term an earlier lesson teaches (by number) counts as known.
enum LessonTerms {
    /// One warning per term used before the lesson defines or links it.
    static func warnings(_ lesson: Lesson, number: Int? = nil) -> [LessonIssue] {
        var known = Set(
            Glossary.entries.filter { entry in entry.lesson.map { $0 < (number ?? 0) } ?? false }.map(\.term))
        var issues: [LessonIssue] = []
        for (line, text) in texts(lesson) {
            let lower = text.lowercased()
            for entry in Glossary.entries where !known.contains(entry.term) {
                if introduces(entry, lower) { known.insert(entry.term); continue }
                guard let column = firstUse(entry, lower) else { continue }
                known.insert(entry.term)
                issues.append(
                    LessonIssue(
                        location: SourceLocation(line: line, column: column),
                        message:
                            "warning: '\(entry.term)' is used before it is defined (*\(entry.uses[0])*) or linked (help \(entry.term))"
                    ))
            }
        }
        return issues.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// True when `text` (lower case) defines the term in `*…*` or links it with `help`/`what is`.
    static func introduces(_ entry: GlossaryEntry, _ text: String) -> Bool {
        let names = ([entry.term] + entry.aliases + entry.uses).map { $0.lowercased() }
        return names.contains {
            text.contains("*\($0)*") || text.contains("*\($0)s*") || text.contains("help \($0)")
                || text.contains("what is \($0)")
        }
    }

    /// The column (from 1) where `text` first uses the term as a word, or nil.
    static func firstUse(_ entry: GlossaryEntry, _ text: String) -> Int? {
        let characters = Array(text)
        var best: Int?
        for use in entry.uses {
            let word = Array(use.lowercased())
            guard word.count <= characters.count else { continue }
            for start in 0...(characters.count - word.count) where Array(characters[start..<start + word.count]) == word
            {
                let before = start == 0 ? " " : characters[start - 1]
                let after = start + word.count < characters.count ? characters[start + word.count] : " "
                if !isWordy(before), !isWordy(after) || (after == "s" && !word.last!.isPunctuation) {
                    best = min(best ?? start + 1, start + 1)
                    break
                }
            }
        }
        return best
    }

    /// `An *epoch* is` → `An epoch is`: the asterisks that mark where a term is defined are
    /// for `--check`, not for the learner. A `*` with a space or the line's end beside it stays.
    static func unmarked(_ text: String) -> String {
        let characters = Array(text)
        var out = "", i = 0
        while i < characters.count {
            if characters[i] == "*", i + 1 < characters.count, characters[i + 1] != " ", characters[i + 1] != "*",
                let close = characters[(i + 1)...].firstIndex(of: "*"), characters[close - 1] != " ",
                close + 1 == characters.count || !isWordy(characters[close + 1]) || characters[close + 1] == "s"
            {
                out += String(characters[(i + 1)..<close])
                i = close + 1
                continue
            }
            out.append(characters[i])
            i += 1
        }
        return out
    }

    static func isWordy(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }

    /// Every line of text the learner reads, in file order, with its line number.
    static func texts(_ lesson: Lesson) -> [(Int, String)] {
        var result: [(Int, String)] = []
        func add(_ templates: [Template]) {
            for template in templates where !template.verbatim {
                let text = template.parts.map { if case .text(let t) = $0 { return t } else { return "#" } }.joined()
                result.append((template.line, text))
            }
        }
        for page in lesson.pages {
            for item in page.items {
                switch item {
                case .narration(let lines): add(lines)
                case .checkpoint(let checkpoint):
                    add(checkpoint.question)
                    checkpoint.hints.forEach(add)
                    checkpoint.slips.forEach { add($0.feedback) }
                    add(checkpoint.solution)
                case .command, .keep: break
                }
            }
        }
        return result
    }
}
