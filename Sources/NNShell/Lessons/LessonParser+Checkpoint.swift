extension LessonParser {
    static let checkpointKeys = ["answer", "choice", "goal", "do", "wrong", "within", "hint", "solution"]

    /// What a checkpoint's key lines have said so far.
    struct CheckpointDraft {
        var start: SourceLocation
        var question: [Template] = []
        var answer: Checkpoint.Answer?
        var sawAnswerLine = false
        var choices: [(label: String, condition: LessonExpression, location: SourceLocation)] = []
        var tolerance: Checkpoint.Tolerance?
        var slips: [Checkpoint.Slip] = []
        var actions: [LessonCommandLine] = []
        var hints: [[Template]] = []
        var solution: [Template]?
    }

    /// `? question` lines, then indented `key: value` lines (deeper-indented lines continue
    /// the key above). The block ends at the next line that starts in column 1.
    mutating func parseCheckpoint() {
        var draft = CheckpointDraft(start: SourceLocation(line: lineNumber, column: 1))
        while index < lines.count, lines[index].hasPrefix("?") {
            let body = lines[index].dropFirst()
            let column = 2 + body.prefix { $0 == " " }.count
            draft.question.append(template(String(body).trimmed, line: lineNumber, column: column))
            index += 1
        }
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) {
                // A blank line belongs to the block only when an indented line follows it.
                var next = index + 1
                while next < lines.count, Self.isBlank(lines[next]) { next += 1 }
                if next < lines.count, Self.indentation(lines[next]) > 0 { index = next; continue }
                break
            }
            guard Self.indentation(line) > 0 else { break }
            parseCheckpointLine(line, &draft)
        }
        finishCheckpoint(draft)
    }

    /// One `key: value` line of a checkpoint, with its continuation lines.
    mutating func parseCheckpointLine(_ line: String, _ draft: inout CheckpointDraft) {
        let indent = Self.indentation(line)
        let content = String(line.dropFirst(indent))
        let isSlip = content.hasPrefix("wrong ") || content.hasPrefix("wrong\t")
        guard let colon = content.firstIndex(of: ":"), isSlip || content[..<colon].split(separator: " ").count <= 2,
            content.first?.isLetter == true
        else {
            issue(
                lineNumber, indent + 1,
                "expected a checkpoint line like 'answer: …', 'goal: …', 'choice NAME: …', 'do: …', "
                    + "'wrong EXPRESSION: …', 'within: …', 'hint: …' or 'solution: …'")
            index += 1
            return
        }
        let keyWords = content[..<colon].split(separator: " ").map(String.init)
        let key = keyWords[0]
        let valueText = String(content[content.index(after: colon)...])
        let valueColumn =
            indent + content.distance(from: content.startIndex, to: colon) + 2 + valueText.prefix { $0 == " " }.count
        let value = valueText.trimmed
        let keyLine = lineNumber
        index += 1
        let continuation = readContinuation(deeperThan: indent)
        switch key {
        case "answer" where keyWords.count == 1, "goal" where keyWords.count == 1:
            if draft.sawAnswerLine { issue(keyLine, indent + 1, "a second 'answer:' or 'goal:'; a checkpoint has one") }
            draft.sawAnswerLine = true
            let location = SourceLocation(line: keyLine, column: valueColumn)
            if key == "goal" {
                draft.answer = goal(value, location)
            } else if let values = numberList(value, location, what: "the answer") {
                draft.answer = .numbers(values, location)
            }
        case "choice" where keyWords.count == 2:
            let label = keyWords[1].lowercased()
            if draft.choices.contains(where: { $0.label == label }) {
                issue(keyLine, indent + 8, "the choice '\(label)' is given twice")
            }
            if let e = expression(value, line: keyLine, column: valueColumn) {
                if !e.isLive {
                    issue(
                        keyLine, valueColumn,
                        "a choice must be decided by the engine: compare live values, like 'next w2_11 > w2_11'")
                }
                draft.choices.append((label, e, SourceLocation(line: keyLine, column: valueColumn)))
            }
        case "wrong" where isSlip:
            let exprColumn = indent + 7
            let location = SourceLocation(line: keyLine, column: exprColumn)
            let exprText = String(content[content.index(content.startIndex, offsetBy: 6)..<colon])
            if let values = numberList(exprText, location, what: "a slip") {
                draft.slips.append(
                    Checkpoint.Slip(
                        values: values, feedback: textBlock(value, valueColumn, keyLine, continuation),
                        location: location))
            }
        case "do" where keyWords.count == 1:
            if let problem = Self.commandProblem(value) {
                issue(keyLine, valueColumn + problem.column - 1, problem.message)
            } else {
                draft.actions.append(
                    LessonCommandLine(text: value, location: SourceLocation(line: keyLine, column: valueColumn)))
            }
        case "within" where keyWords.count == 1:
            draft.tolerance = parseTolerance(value, line: keyLine, column: valueColumn)
        case "hint" where keyWords.count == 1:
            draft.hints.append(textBlock(value, valueColumn, keyLine, continuation))
        case "solution" where keyWords.count == 1:
            if draft.solution != nil { issue(keyLine, indent + 1, "a second 'solution:'; a checkpoint has one") }
            draft.solution = textBlock(value, valueColumn, keyLine, continuation)
        default:
            let near =
                nearest(key, in: Self.checkpointKeys).map {
                    "; did you mean '\($0)\($0 == "choice" ? " NAME" : "")\($0 == "wrong" ? " EXPRESSION" : ""):'?"
                } ?? ""
            let shape =
                Self.checkpointKeys.contains(key)
                ? "'\(key)' is written '\(key == "choice" ? "choice NAME: EXPRESSION" : key + ": …")'"
                : "unknown checkpoint key '\(key):'\(near)"
            issue(keyLine, indent + 1, shape)
        }
    }

    mutating func finishCheckpoint(_ draft: CheckpointDraft) {
        var answer = draft.answer
        let start = draft.start
        if !draft.choices.isEmpty {
            if draft.sawAnswerLine {
                issue(start.line, 1, "a checkpoint has either 'answer:', 'goal:' or choices, not two of them")
            }
            if draft.choices.count < 2 {
                issue(draft.choices[0].location.line, 1, "a checkpoint with choices needs at least two")
            }
            answer = .choice(draft.choices)
        } else if !draft.sawAnswerLine {
            issue(
                start.line, 1, "this checkpoint has no 'answer:' (a number), 'goal:' (a task) or 'choice NAME:' lines")
        }
        if case .goal? = answer, draft.tolerance != nil || !draft.slips.isEmpty {
            issue(
                start.line, 1,
                "a task ('goal:') is checked by its goal; 'within:' and 'wrong' belong to questions with an 'answer:'")
        }
        if case .goal? = answer, draft.actions.isEmpty {
            issue(
                start.line, 1,
                "a task needs 'do: COMMAND' lines: one way to reach its goal, run by 'solution' and 'skip'")
        } else if !draft.actions.isEmpty, answer?.isGoal != true {
            issue(draft.actions[0].location.line, 1, "'do:' lines belong to tasks (a checkpoint with 'goal:')")
        }
        if case .numbers(let values, _)? = answer {
            for slip in draft.slips where slip.values.count != values.count {
                issue(
                    slip.location.line, slip.location.column,
                    "this slip has \(slip.values.count) number\(slip.values.count == 1 ? "" : "s"), the answer \(values.count)"
                )
            }
        }
        if draft.hints.isEmpty { issue(start.line, 1, "this checkpoint needs at least one 'hint:'") }
        if draft.solution == nil { issue(start.line, 1, "this checkpoint needs a 'solution:'") }
        if let answer {
            append(
                .checkpoint(
                    Checkpoint(
                        question: draft.question, answer: answer, tolerance: draft.tolerance, slips: draft.slips,
                        actions: draft.actions,
                        hints: draft.hints, solution: draft.solution ?? [], location: start)))
        }
    }

    /// `next O1_1, next O1_2`: expressions separated by commas outside parentheses, each live.
    mutating func numberList(_ text: String, _ location: SourceLocation, what: String) -> [LessonExpression]? {
        var values: [LessonExpression] = []
        for part in Self.topLevelParts(text, separatedBy: ",") {
            guard let e = expression(part.text, line: location.line, column: location.column + part.offset) else {
                return nil
            }
            if !e.isLive && what == "the answer" {
                issue(
                    location.line, location.column + part.offset,
                    "the answer must come from the engine: use live values such as 'loss' or 'next grad w2_11', not only typed numbers"
                )
            }
            values.append(e)
        }
        return values
    }

    /// A task's goal, split at its top-level `and`s so the learner sees which parts hold.
    mutating func goal(_ text: String, _ location: SourceLocation) -> Checkpoint.Answer? {
        var parts: [Checkpoint.GoalPart] = []
        for part in Self.topLevelParts(text, separatedBy: "and") {
            guard let e = expression(part.text, line: location.line, column: location.column + part.offset) else {
                return nil
            }
            if !e.isLive {
                issue(
                    location.line, location.column + part.offset,
                    "a goal must be decided by the engine: compare live values, like 'meanloss < 0.01'")
            }
            parts.append(Checkpoint.GoalPart(text: part.text.trimmed, condition: e))
        }
        return .goal(parts, location)
    }

    /// Pieces of `text` between `separator`s outside parentheses (a word separator must stand
    /// alone), each with its offset in `text`.
    static func topLevelParts(_ text: String, separatedBy separator: String) -> [(text: String, offset: Int)] {
        let characters = Array(text), mark = Array(separator)
        let isWord = mark.allSatisfy(\.isLetter)
        var parts: [(String, Int)] = [], depth = 0, start = 0, i = 0
        func isBoundary(_ j: Int) -> Bool {
            j < 0 || j >= characters.count
                || !(characters[j].isLetter || characters[j].isNumber || characters[j] == "_")
        }
        while i < characters.count {
            if characters[i] == "(" { depth += 1 } else if characters[i] == ")" { depth -= 1 }
            if depth == 0, i + mark.count <= characters.count, Array(characters[i..<i + mark.count]) == mark,
                !isWord || (isBoundary(i - 1) && isBoundary(i + mark.count))
            {
                parts.append((String(characters[start..<i]), start))
                i += mark.count
                start = i
                continue
            }
            i += 1
        }
        parts.append((String(characters[start...]), start))
        return parts
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
}
