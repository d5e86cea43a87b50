/// A lesson as its teacher wrote it (the format is described in `Lessons/README.md`):
/// a title, a one-line summary, the setup commands, and pages of narration, commands and
/// checkpoints. Parsing is in `LessonParser`; playing it is in `LessonRunner`.
struct Lesson: Sendable {
    var title = ""
    var about = ""
    /// Commands that build the stage before page 1 (`net`, `data`, `set`).
    var setup: [LessonCommandLine] = []
    var pages: [LessonPage] = []
}

/// A place in a lesson file: line and column, both from 1.
struct SourceLocation: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A command the lesson runs as if the learner typed it.
struct LessonCommandLine: Sendable {
    var text: String
    var location: SourceLocation
}

/// One page: shown after the learner presses Enter, up to its end or a checkpoint.
struct LessonPage: Sendable {
    var heading: String
    var line: Int
    var items: [LessonItem] = []
}

enum LessonItem: Sendable {
    /// Lines of narration with live values; `verbatim` lines came from a ``` block.
    case narration([Template])
    case command(LessonCommandLine)
    case checkpoint(Checkpoint)
    /// `@keep NAME = EXPR`: remember a number now, to compare with later.
    case keep(name: String, LessonExpression, SourceLocation)
}

/// A line of text with `{{expression}}` holes, filled in from the live session.
struct Template: Sendable {
    enum Part: Sendable {
        case text(String)
        case value(LessonExpression, column: Int)
    }
    var parts: [Part]
    var line: Int
    /// From a ``` block: shown exactly as written, never re-wrapped.
    var verbatim = false
}

/// A question the learner answers before the program reveals the number, or a task: a
/// goal the learner reaches with commands of their own, then `check`.
struct Checkpoint: Sendable {
    enum Answer: Sendable {
        /// One or more numbers (`answer: next O1_1, next O1_2`): the values when the question is asked.
        case numbers([LessonExpression], SourceLocation)
        /// One of several words; the right one is the choice whose expression is true (non-zero).
        case choice([(label: String, condition: LessonExpression, location: SourceLocation)])
        /// A task (`goal: meanloss < 0.01 and epochs <= 30`): done when every part holds.
        case goal([GoalPart], SourceLocation)
    }
    /// One part of a goal between `and`s, with its text to show the learner how it stands.
    struct GoalPart: Sendable {
        var text: String
        var condition: LessonExpression
    }
    typealias Tolerance = AnswerJudge.Tolerance
    /// `wrong EXPR: feedback`: a typical slip (one value per answer number) and what to say.
    struct Slip: Sendable {
        var values: [LessonExpression]
        var feedback: [Template]
        var location: SourceLocation
    }
    var question: [Template]
    var answer: Answer
    /// `within:`; nil judges by the digits the learner typed (see `AnswerJudge`).
    var tolerance: Tolerance?
    var slips: [Slip] = []
    /// A task's `do: COMMAND` lines: one way to reach the goal, run by `solution` and `skip`.
    var actions: [LessonCommandLine] = []
    var hints: [[Template]] = []
    var solution: [Template] = []
    var location: SourceLocation

    var isTask: Bool { answer.isGoal }
}

extension Checkpoint.Answer {
    var isGoal: Bool { if case .goal = self { return true } else { return false } }
}
