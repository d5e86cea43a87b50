import NNEngine

/// Checks lesson and script files without a learner: `nnstep --check FILE…`.
///
/// A `.lesson` file is parsed (format errors), then played once in a fresh session with no
/// one answering: every setup line and command runs, every live value and every answer is
/// computed, and whatever fails is reported where it is written. Any other file is a script:
/// each line must be a known command with balanced quotes (nothing runs).
public enum LessonChecker {
    /// Every problem in the file at `path`, each formatted `FILE:LINE:COL: message`.
    public static func check(path: String) -> [String] {
        let text: String
        do { text = try FileAccess.readText(path, shown: path) } catch { return ["\(path):1:1: \(error.message)"] }
        let directory = Path.parent(path)
        guard path.hasSuffix(".lesson") else { return scriptIssues(text).map { $0.formatted(path) } }
        return lessonIssues(text, directory: directory).map { $0.formatted(path) }
    }

    /// Warnings that do not stop a lesson from playing (a byte-order mark, tabs, a term used
    /// before it is defined), each formatted `FILE:LINE:COL: warning: message`.
    public static func warnings(path: String) -> [String] {
        guard path.hasSuffix(".lesson"), let text = try? FileAccess.readText(path, shown: path, kind: .lesson) else {
            return []
        }
        let (lesson, issues, source) = LessonFile.parse(text, directory: Path.parent(path))
        guard issues.isEmpty else { return [] }
        let terms = LessonTerms.warnings(lesson, number: LessonLibrary.entry(forPath: path).number).map(source.located)
        return (source.notes + terms).map { $0.formatted(path) }
    }

    /// Format problems, then (when the format is sound) problems found by playing it, each
    /// root cause once: a repeated message is reported at its first place with a count, and
    /// after a command fails, what fails later is only counted (it may follow from it).
    static func lessonIssues(_ text: String, directory: String = "") -> [LessonIssue] {
        let (lesson, issues, source) = LessonFile.parse(text, directory: directory)
        guard issues.isEmpty else { return condense(issues) }
        return dryRun(lesson, directory: directory).map(source.located)
    }

    /// The first of each repeated message, with how many more there are and where.
    static func condense(_ issues: [LessonIssue]) -> [LessonIssue] {
        var result: [LessonIssue] = []
        var repeats: [String: [Int]] = [:]
        for issue in issues {
            if result.contains(where: { $0.message == issue.message }) {
                repeats[issue.message, default: []].append(issue.location.line)
            } else {
                result.append(issue)
            }
        }
        return result.map { issue in
            guard let lines = repeats[issue.message] else { return issue }
            var first = issue
            let shown = lines.prefix(5).map(String.init).joined(separator: ", ") + (lines.count > 5 ? ", …" : "")
            first.message += " (and \(lines.count) more like it, at line\(lines.count == 1 ? "" : "s") \(shown))"
            return first
        }
    }

    /// Plays `lesson` straight through in a fresh session and reports what fails.
    static func dryRun(_ lesson: Lesson, directory: String) -> [LessonIssue] {
        var run = DryRun(
            context: CommandContext(
                ascii: false, color: false, width: 80, interactive: false,
                directory: directory.isEmpty ? nil : directory,
                clock: { 0 }))
        for command in lesson.setup { run.execute(command) }
        for page in lesson.pages {
            for item in page.items {
                switch item {
                case .narration(let lines): lines.forEach { run.fill($0) }
                case .command(let command): run.execute(command)
                case .keep(let name, let expression, let location):
                    run.kept[name] = run.value(expression, line: location.line) ?? 0
                case .checkpoint(let checkpoint): run.ask(checkpoint)
                }
            }
        }
        return run.reported
    }

    /// Each non-blank line that is not a `#` comment must start with a known command.
    static func scriptIssues(_ text: String) -> [LessonIssue] {
        var issues: [LessonIssue] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let body = String(line.dropFirst(indent))
            if body.isEmpty || body.hasPrefix("#") { continue }
            do {
                guard let first = try Token.split(body).first else { continue }
                if Command.named(first.text) == nil {
                    let near = didYouMean(first.text, among: Command.all.map(\.name))
                    issues.append(
                        LessonIssue(
                            location: SourceLocation(line: index + 1, column: indent + first.column),
                            message: "unknown command '\(first.text)'\(near)", file: nil))
                }
            } catch {
                issues.append(
                    LessonIssue(
                        location: SourceLocation(line: index + 1, column: indent + (error.column ?? 1)),
                        message: error.message, file: nil))
            }
        }
        return issues
    }
}

/// One unattended play of a lesson, collecting what fails.
private struct DryRun {
    let context: CommandContext
    var state = SessionState()
    var kept: [String: Double] = [:]
    var issues: [LessonIssue] = []

    init(context: CommandContext) { self.context = context }

    var scope: LiveScope { LiveScope(state: state, kept: kept) }

    /// Problems after a failed command, counted but not shown.
    var followOn = 0
    var commandFailed = false

    mutating func report(_ line: Int, _ column: Int, _ message: String) {
        guard !commandFailed else { followOn += 1; return }
        issues.append(LessonIssue(location: SourceLocation(line: line, column: column), message: message, file: nil))
    }

    mutating func execute(_ command: LessonCommandLine) {
        do { _ = try LessonPlayer.execute(command.text, &state, context) } catch {
            report(
                command.location.line, command.location.column + (error.column ?? 1) - 1,
                "this command fails here: \(error.message)")
            commandFailed = true
        }
    }

    /// The issues, with a note on the last one when later problems were held back.
    var reported: [LessonIssue] {
        guard followOn > 0, var last = issues.last else { return issues }
        last.message +=
            " (\(followOn) later problem\(followOn == 1 ? " is" : "s are") not shown: they may follow from this one; fix it and check again)"
        return issues.dropLast() + [last]
    }

    mutating func value(_ expression: LessonExpression, line: Int) -> Double? {
        do { return try scope.evaluate(expression) } catch {
            report(line, error.column, error.message)
            return nil
        }
    }

    mutating func fill(_ template: Template) {
        for case .value(let expression, _) in template.parts { _ = value(expression, line: template.line) }
    }

    mutating func ask(_ checkpoint: Checkpoint) {
        checkpoint.question.forEach { fill($0) }
        do { _ = try LessonPlayer.expected(checkpoint, scope) } catch {
            let line: Int
            switch checkpoint.answer {
            case .numbers(_, let location), .goal(_, let location): line = location.line
            case .choice(let choices): line = choices.first?.location.line ?? checkpoint.location.line
            }
            report(line, error.column, error.message)
        }
        if case .goal(let parts, let location) = checkpoint.answer {
            let holds = { (run: DryRun) in parts.allSatisfy { ((try? run.scope.evaluate($0.condition)) ?? 0) != 0 } }
            if holds(self) {
                report(
                    location.line, location.column,
                    "the goal already holds when the task begins, so the learner has nothing to do")
            }
            checkpoint.actions.forEach { execute($0) }
            if !holds(self) {
                report(location.line, location.column, "the task's 'do:' commands do not reach its goal")
            }
        }
        for slip in checkpoint.slips {
            slip.values.forEach { _ = value($0, line: slip.location.line) }
            slip.feedback.forEach { fill($0) }
        }
        checkpoint.hints.forEach { $0.forEach { fill($0) } }
        checkpoint.solution.forEach { fill($0) }
    }
}
