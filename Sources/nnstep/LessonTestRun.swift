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
        let result = LessonTest.run(
            lesson: lesson, answers: answers,
            answersName: answersPath.split(separator: "/").last.map(String.init) ?? answersPath)
        Terminal.write(result.report)
        if result.report.hasPrefix("no lesson was played"),
            let reason = result.transcript.split(separator: "\n").first(where: { $0.hasPrefix("! ") })
        {
            // The `load` was nnstep's, not a line of ANSWERS: drop its FILE:LINE:COL.
            let message = reason.dropFirst(2)
            let colon = message.indices.first { message[$0...].hasPrefix(": ") }
            Terminal.report("nnstep: " + String(colon.map { message[message.index($0, offsetBy: 2)...] } ?? message))
        }
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
