import NNShell

/// `nnstep --check FILE…`: every lesson and script is played once in a private session that
/// writes no file, and every problem is reported as `FILE:LINE:COL: message` on standard
/// error; each clean file gets "FILE: ok" on standard output.
enum Checks {
    /// 0 when every file is clean, 1 otherwise.
    static func run(_ paths: [String], options: SessionOptions) -> Int32 {
        var failed = false
        for path in paths {
            let messages = problems(path, options: options)
            messages.forEach(Terminal.report)
            if messages.isEmpty { LessonChecker.warnings(path: path).forEach(Terminal.report) }
            if messages.isEmpty { Terminal.write("\(path): ok\n") } else { failed = true }
        }
        return failed ? 1 : 0
    }

    private static func problems(_ path: String, options: SessionOptions) -> [String] {
        let text: String
        do throws(CannotRead) { text = try TextFile.read(path) } catch { return [error.message] }
        return NoWrites.withoutWriting {
            if path.hasSuffix(".lesson") { return LessonChecker.check(path: path) }
            return ScriptRunner.check(source: text, fileName: path, options: options, directory: nil)
        }
    }
}
