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

/// A question the learner answers before the program reveals the number.
struct Checkpoint: Sendable {
    enum Answer: Sendable {
        /// A number: the expression's value at the moment the question is asked.
        case number(LessonExpression, SourceLocation)
        /// One of several words; the right one is the choice whose expression is true (non-zero).
        case choice([(label: String, condition: LessonExpression, location: SourceLocation)])
    }
    enum Tolerance: Sendable, Equatable {
        case absolute(Double)
        case relative(Double)
        /// Within 0.01 or 0.1 % of the value, whichever is larger.
        static let standard = Tolerance.absolute(-1)

        func accepts(_ typed: Double, _ expected: Double) -> Bool {
            let gap = abs(typed - expected)
            switch self {
            case .absolute(let d) where d < 0: return gap <= max(0.01, 0.001 * abs(expected)) * (1 + 1e-9)
            case .absolute(let d): return gap <= d * (1 + 1e-9)
            case .relative(let r): return gap <= r * abs(expected) * (1 + 1e-9)
            }
        }
    }
    var question: [Template]
    var answer: Answer
    var tolerance = Tolerance.standard
    var hints: [[Template]] = []
    var solution: [Template] = []
    var location: SourceLocation
}
