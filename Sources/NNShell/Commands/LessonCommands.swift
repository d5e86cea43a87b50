// Placeholder lesson commands until the lesson runner lands.
extension Command {
    static func lessonPlaceholder(_ name: String, _ usage: String, _ summary: String) -> Command {
        Command(name: name, usage: usage, summary: summary, details: summary, examples: [usage],
                run: { _, _ throws(ShellError) in throw ShellError.state("no lesson is running; type 'lessons' to see them") })
    }
    static let lessons = lessonPlaceholder("lessons", "lessons", "list the lessons and your progress")
    static let load = lessonPlaceholder("load", "load LESSON", "start a lesson by number, name or file")
    static let next = lessonPlaceholder("next", "next", "continue the lesson (Enter does the same)")
    static let back = lessonPlaceholder("back", "back", "show the lesson's previous page again")
    static let restart = lessonPlaceholder("restart", "restart", "start the lesson again from its beginning")
    static let hint = lessonPlaceholder("hint", "hint", "a hint for the question the lesson asked")
    static let solution = lessonPlaceholder("solution", "solution", "the worked solution of the lesson's question")
    static let skip = lessonPlaceholder("skip", "skip", "skip the lesson's question")
}
