import NNShell

/// `nnstep --test LESSON ANSWERS [EXPECTED]`: the report on standard output, a transcript
/// difference on standard error; 0 when every question was answered right (and the
/// transcript is the expected one).
enum LessonTestRun {
    static func run(_ arguments: [String]) -> Int32 {
        let lesson = arguments[0], answersPath = arguments[1]
        let answers: String, expected: String?
        do throws(CannotRead) {
            answers = try TextFile.read(answersPath)
            expected = arguments.count > 2 ? try TextFile.read(arguments[2]) : nil
        } catch {
            Terminal.report(error.message)
            return 1
        }
        let result = LessonTest.run(lesson: lesson, answers: answers, answersName: answersPath.split(separator: "/").last.map(String.init) ?? answersPath)
        Terminal.write(result.report)
        var failed = !result.passed
        if let expected, let difference = LessonTest.difference(expected: expected, actual: result.transcript) {
            Terminal.report("\(arguments[2]): " + difference.trimmingTrailingNewline)
            failed = true
        } else if expected != nil {
            Terminal.write("the transcript is the expected one\n")
        }
        return failed ? 1 : 0
    }
}

private extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
