// Placeholder until the lesson runner lands: no lesson is ever active.
struct LessonSession: Sendable {
    var isActive: Bool { false }
    var isWaiting: Bool { false }
    var prompt: String { "lesson> " }
}

extension Session {
    /// Lets a running lesson take the line first (answers, Enter, `next`); nil passes it on.
    func lessonInput(_ line: String) -> Outcome? { nil }
}
