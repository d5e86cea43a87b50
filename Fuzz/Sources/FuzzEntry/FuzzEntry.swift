// One source for two builds: the libFuzzer targets in Fuzz/ compile this file, and
// Tests/NNShellTests/FuzzEntry.swift is a symlink to it, so `swift test` replays the corpus
// through exactly the code that the fuzzers ran.
import Glibc
import NNEngine
import NNShell

/// What one fuzz input does, for each fuzzed parser. Any bytes must come back normally:
/// a trap, a hang (libFuzzer's `-timeout`) or runaway memory is the bug being looked for.
public enum FuzzEntry {
    /// A fuzzed parser; its raw value names the corpus folder `Fuzz/Corpus/NAME/`.
    public enum Target: String, CaseIterable, Sendable {
        case command, csv, json, lesson
    }

    /// Work that may run long (training) is interrupted after this many seconds of one input.
    public static let timeBudget = 0.02

    /// Runs one input and returns the error messages it produced (the corpus replay checks
    /// that each is a single non-empty line).
    @discardableResult
    public static func run(_ target: Target, _ bytes: [UInt8]) -> [String] {
        switch target {
        case .command: return commands(bytes)
        case .csv: return csv(bytes)
        case .json: return json(bytes)
        case .lesson: return lesson(bytes)
        }
    }

    /// Command lines, typed into a fresh session.
    ///
    /// The first byte chooses the setting, the rest is split into lines at `\n`:
    /// - bit 0: first run `net 2-2-1` and `data students`;
    /// - bit 1: ascii; bit 2: colour;
    /// - bit 3: run the lines as a script (`ScriptRunner`, keep going) rather than one by one
    ///   through `execute` at an interactive prompt;
    /// - bits 4–5: the width, 80, 24, 160 or 4 columns.
    ///
    /// Relative paths resolve in a scratch folder holding a few files (`a.csv`, `labels.csv`,
    /// `empty.csv`, `latin1.csv`, `state.json`, `01-fuzz.lesson`) and a folder `folder`; a `/`
    /// in a line becomes `_`, so no line reaches a file outside it.
    public static func commands(_ bytes: [UInt8]) -> [String] {
        guard let setting = bytes.first else { return [] }
        var messages: [String] = []
        var options = SessionOptions()
        options.ascii = setting & 2 != 0
        options.color = setting & 4 != 0
        options.interactive = setting & 8 == 0
        options.width = [80, 24, 160, 4][Int(setting >> 4) & 3]
        options.lessonDirectories = [Scratch.shared.path]
        let session = Session(options: options)
        session.directory = Scratch.shared.path
        session.interruptCheck = deadline()
        if setting & 1 != 0 {
            for line in ["net 2-2-1", "data students"] { _ = session.evaluate(line) }
        }
        if options.interactive {
            for line in lines(bytes.dropFirst()) {
                let outcome = session.evaluate(confined(line))
                if let error = outcome.error { messages.append(error.message) }
                if outcome.quit { break }
            }
        } else {
            let text = confined(String(decoding: bytes.dropFirst(), as: UTF8.self))
            _ = ScriptRunner.run(
                source: text, fileName: "fuzz", session: session, keepGoing: true,
                output: { _ in }, errorOutput: { messages.append($0) })
        }
        Scratch.shared.restore()
        return messages
    }

    /// CSV text read by the engine. The first byte chooses the targets: the last column, `y`,
    /// column 1, or `x1` and `2`.
    public static func csv(_ bytes: [UInt8]) -> [String] {
        guard let choice = bytes.first else { return [] }
        let targets: [String]? = [nil, ["y"], ["1"], ["x1", "2"]][Int(choice) & 3]
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        do {
            _ = try CSV.parse(text, name: "fuzz", targets: targets)
            return []
        } catch {
            return ["\(error)"]
        }
    }

    /// A file read by `import json`. When it imports, its export must import again and
    /// export to the same text: that is how a learner's saved state comes back.
    public static func json(_ bytes: [UInt8]) -> [String] {
        let scratch = Scratch.shared
        scratch.save(bytes, as: "input.json")
        let session = Session(options: SessionOptions())
        session.directory = scratch.path
        session.interruptCheck = deadline()
        if let error = session.evaluate("import json input.json").error { return [error.message] }
        let first = session.evaluate("export json").output
        scratch.save(Array(first.utf8), as: "again.json")
        let again = Session(options: SessionOptions())
        again.directory = scratch.path
        let reimport = again.evaluate("import json again.json")
        if let error = reimport.error { fatalError("an exported state does not import again: \(error.message)") }
        let second = again.evaluate("export json").output
        if first != second { fatalError("export, import, export changed the state:\n\(first)\n---\n\(second)") }
        return session.evaluate("show weights").error.map { [$0.message] } ?? []
    }

    /// A lesson file, checked as `nnstep --check` does, then loaded and walked through with
    /// Enter and the lesson commands. A line that names a file (see `mayTouchFiles`) has
    /// its `/` made `_`, as for commands.
    public static func lesson(_ bytes: [UInt8]) -> [String] {
        let scratch = Scratch.shared
        let text = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            let decoded = String(decoding: line, as: UTF8.self)
            return mayTouchFiles(decoded) ? Array(confined(decoded).utf8) : Array(line)
        }.joined(separator: [UInt8(0x0A)])
        scratch.save(Array(text), as: "input.lesson")
        var messages: [String] = []
        _ = LessonChecker.check(path: scratch.path + "/input.lesson")
        let session = Session(options: SessionOptions())
        session.directory = scratch.path
        session.interruptCheck = deadline()
        if let error = session.evaluate("load input.lesson").error {
            messages.append(error.message)
        } else {
            for line in ["", "", "hint", "solution", "", "next", "back", "", "skip", "restart", "", "", "", "review"] {
                if let error = session.evaluate(line).error { messages.append(error.message) }
                if !session.isLessonActive { break }
            }
        }
        scratch.restore()
        return messages
    }

    /// True when `line` may name a file: it holds one of the words of the commands that read
    /// or write files, once quotes are taken out (`ex"port"` is `export`) and in any case.
    static func mayTouchFiles(_ line: String) -> Bool {
        let words = line.lowercased().filter { $0 != "\"" }
        return ["load", "import", "export", "svg", "review", "save", "write"].contains { words.contains($0) }
    }

    /// The bytes of the file at `path`, or nil when it cannot be read.
    public static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes += buffer[..<n]
        }
    }

    /// Removes this process's scratch folder (the corpus replay calls it when done).
    public static func removeScratch() { Scratch.shared.remove() }

    /// A check that turns true once `timeBudget` has passed, so `epoch 100000000` stops.
    static func deadline() -> () -> Bool {
        let end = monotonicSeconds() + timeBudget
        return { monotonicSeconds() > end }
    }

    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// The bytes split at `\n`, each line decoded as UTF-8 (a bad byte becomes U+FFFD) and
    /// without a trailing `\r`, as the shell's line reader gives them.
    static func lines(_ bytes: ArraySlice<UInt8>) -> [String] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
    }

    /// `line` with every `/` made `_`, so that paths stay inside the scratch folder.
    static func confined(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { $0 == "/" ? "_" : $0 }))
    }
}

/// A folder of this process's own for the files that fuzz inputs read and write, holding a
/// few known files that every command input can find; `restore` puts them back after an
/// input has overwritten or added files. Plain libc, as in the shell: Foundation's file
/// reading leaks a buffer on an empty file, which LeakSanitizer would report as ours.
final class Scratch: Sendable {
    static let shared = Scratch()

    let path: String
    let files: [String: [UInt8]]

    private init() {
        let temporary = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        path = (temporary.hasSuffix("/") ? temporary : temporary + "/") + "nnstep-fuzz-\(getpid())"
        let session = Session(options: SessionOptions())
        _ = session.evaluate("net 2-2-1 act=sigmoid")
        files = [
            "a.csv": Array("x1,x2,y\n1,2,3\n4,5,6\n0.5,-1,2e-3\n".utf8),
            "labels.csv": Array("a,b,label\n0,1,0\n1,0,1\n1,1,2\n".utf8),
            "empty.csv": [],
            "latin1.csv": [0x78, 0x2C, 0x79, 0x0A, 0xFF, 0xFE, 0x2C, 0x31, 0x0A],
            "state.json": Array(session.evaluate("export json").output.utf8),
            "01-fuzz.lesson": Array(Scratch.lesson.utf8)
        ]
        restore()
    }

    static let lesson = """
        # A lesson for the fuzzer
        about: Two pages, a kept value and a checkpoint.

        setup:
            net 2-2-1
            data students

        ## One update

        The first weight is {{w1_11}}.

        > step

        @keep first = w1_11

        ? What is w1_11 now?
            answer: w1_11
            hint: It was {{first}}.
            solution: It is {{w1_11}}.

        ## The end

        > show weights
        """

    func save(_ bytes: [UInt8], as name: String) {
        let fd = open(path + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            written += n
        }
        close(fd)
    }

    /// Makes the folder hold exactly the known files again, if anything changed it.
    func restore() {
        let intact =
            Set(Scratch.names(in: path)) == Set(files.keys).union(["folder"])
            && files.allSatisfy { name, bytes in FuzzEntry.contents(of: path + "/" + name) == bytes }
        guard !intact else { return }
        remove()
        mkdir(path, 0o755)
        mkdir(path + "/folder", 0o755)
        for (name, bytes) in files { save(bytes, as: name) }
    }

    /// Removes the folder and what is in it: files, and `folder`, which stays empty because
    /// no input can name a path inside it.
    func remove() {
        for name in Scratch.names(in: path) where unlink(path + "/" + name) != 0 { rmdir(path + "/" + name) }
        rmdir(path)
    }

    static func names(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
