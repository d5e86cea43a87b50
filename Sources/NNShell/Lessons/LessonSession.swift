/// A lesson being played: where the learner is, the question waiting for an answer, the
/// states needed to go back, and a log of everything shown (for `review`).
///
/// It lives in `SessionState.lesson`. Between two pauses the `LessonPlayer` takes it out,
/// runs the lesson's commands on the rest of the state, and puts it back.
struct LessonSession {
    let lesson: Lesson
    /// The file's name without `.lesson`: `08-nine-gradients`. Progress is saved under it.
    let key: String
    /// The number in front of the file name, if any.
    let number: Int?
    let path: String
    /// The page being shown (from 0) and the next item on it to run.
    var page = 0
    var item = 0
    var open: OpenCheckpoint?
    var finished = false
    /// Values remembered with `@keep`.
    var kept: [String: Double] = [:]
    /// The state (without the lesson) and kept values at the start of each page reached, for `back`.
    var pageStarts: [(state: SessionState, kept: [String: Double])] = []
    /// The state at the current pause. Commands the learner types may change it; the lesson
    /// puts it back before going on, so its numbers stay the ones it was written for.
    var stage: SessionState? {
        get { savedStage.first }
        set { savedStage = newValue.map { [$0] } ?? [] }
    }
    /// Storage for `stage` (an array, since a state cannot hold a state inline).
    var savedStage: [SessionState] = []
    var log: [LessonEvent] = []
    /// The pictures of the `plot` commands the lesson ran since the learner's last line, as
    /// SVG, for `review --html` (the session moves them into its transcript).
    var pictures: [String] = []
    /// What was shown last on this page, to put blank lines between narration and commands.
    var lastShown = Shown.heading
    enum Shown { case heading, narration, command }
    /// True while a command the learner typed at a pause runs (so it is logged, not re-routed).
    var forwarding = false

    /// Playing and not yet at its end.
    var isActive: Bool { !finished }
    /// Waiting at a pause for Enter, a command or an answer.
    var isWaiting: Bool { !finished }
    var isAnswering: Bool { open != nil }

    /// `answer> ` while a question waits; `lesson 8 (3/12)> ` at other pauses.
    var prompt: String {
        if let open { return open.checkpoint.isTask ? "task> " : "answer> " }
        return "\(label) (\(page + 1)/\(lesson.pages.count))> "
    }

    /// `lesson 8`, or `lesson my-lesson` for a file without a number.
    var label: String { "lesson " + (number.map(String.init) ?? key) }

    var title: String { lesson.title.isEmpty ? key : lesson.title }
}

/// A question that has been asked and not yet answered, skipped or solved.
struct OpenCheckpoint {
    enum Expected {
        case numbers([Double])
        case choice(right: String, labels: [String])
        /// A task: `check` decides it on the stage as the learner left it.
        case goal
    }
    let checkpoint: Checkpoint
    /// The engine's answer, computed when the question was asked.
    let expected: Expected
    /// The values of the checkpoint's `wrong` slips at that moment (a slip that cannot be computed is left out).
    var slips: [(values: [Double], slip: Checkpoint.Slip)] = []
    /// For a task, the stage when it was set, put back when the learner skips it.
    var taskStart: [SessionState] = []
    var hintsShown = 0
    var wrongAttempts = 0
}

/// One thing that happened in a lesson, in order, for the Markdown review.
enum LessonEvent {
    case page(number: Int, heading: String)
    case narration(String)
    /// A command the lesson ran, and what it printed.
    case command(String, output: String)
    case question(String)
    case attempt(String, right: Bool)
    case hint(String)
    case solution(String)
    case skipped(answer: String)
    /// A command the learner typed at a pause, and what it printed.
    case explored(String, output: String)
    case finished
}
