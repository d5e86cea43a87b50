/// Where lessons are found, and which file `load 4`, `load gradients` or `load my.lesson` means.
///
/// The directories, first match wins: the session's `lessonDirectories`; else
/// `$NNSTEP_LESSONS` (several joined by ':'); else `./Lessons`; else a `Lessons/` folder
/// found by walking up from the running program's path (so a build inside the package finds
/// the package's lessons).
struct LessonLibrary {
    /// One lesson file: `08-nine-gradients.lesson` has key `08-nine-gradients` and number 8.
    struct Entry: Equatable {
        let path: String
        let key: String
        let number: Int?
        /// `nine-gradients`: the key without its number.
        var topic: String { number == nil ? key : String(key.drop { $0.isNumber }.drop { $0 == "-" || $0 == "_" }) }
    }

    let directories: [String]

    init(directories: [String]) { self.directories = directories }

    init(context: CommandContext, environment: (String) -> String? = System.environment) {
        self.init(
            directories: LessonLibrary.searchPath(
                configured: context.lessonDirectories, environment: environment,
                workingDirectory: context.directory))
    }

    static func searchPath(configured: [String], environment: (String) -> String?, workingDirectory: String?)
        -> [String]
    {
        if !configured.isEmpty { return configured }
        if let variable = environment("NNSTEP_LESSONS"), !variable.isEmpty {
            return variable.split(separator: ":").map(String.init)
        }
        let local = (workingDirectory ?? System.currentDirectory ?? ".") + "/Lessons"
        if System.kind(local) == .directory { return [local] }
        // Installed: PREFIX/bin/nnstep finds PREFIX/share/nnstep/lessons (`make install`).
        let installed = Path.parent(Path.parent(executablePath())) + "/share/nnstep/lessons"
        if System.kind(installed) == .directory { return [installed] }
        if let found = walkUp(from: executablePath()) { return [found] }
        return []
    }

    /// The running program's path with symbolic links resolved.
    static func executablePath() -> String {
        let invoked = CommandLine.arguments.first ?? ""
        if invoked.contains("/"), let resolved = System.realPath(invoked) { return resolved }
        return System.realPath("/proc/self/exe") ?? invoked
    }

    /// The first `Lessons/` directory beside `path` or beside any folder above it.
    static func walkUp(from path: String) -> String? {
        var directory = Path.parent(path)
        while !directory.isEmpty {
            let candidate = (directory == "/" ? "" : directory) + "/Lessons"
            if System.kind(candidate) == .directory { return candidate }
            if directory == "/" { return nil }
            directory = Path.parent(directory)
        }
        return nil
    }

    /// Every `.lesson` file, ordered by name; a key found in an earlier directory hides later ones.
    var entries: [Entry] {
        var seen = Set<String>()
        var result: [Entry] = []
        for directory in directories {
            let names = System.list(directory)
            for name in names.sorted() where name.hasSuffix(".lesson") {
                let entry = LessonLibrary.entry(forPath: directory + "/" + name)
                if seen.insert(entry.key).inserted { result.append(entry) }
            }
        }
        return result.sorted { ($0.number ?? Int.max, $0.key) < ($1.number ?? Int.max, $1.key) }
    }

    static func entry(forPath path: String) -> Entry {
        let name = Path.lastComponent(path)
        let base = name.hasSuffix(".lesson") ? String(name.dropLast(".lesson".count)) : name
        let digits = base.prefix { $0.isNumber }
        return Entry(path: path, key: base, number: digits.isEmpty ? nil : Int(digits))
    }

    /// The lesson `name` means: a number (`4`, `04`), a file path, or (part of) a topic name.
    func find(_ name: String, resolve: (String) -> String) throws(ShellError) -> Entry {
        let all = entries
        if let number = Int(name) {
            if let entry = all.first(where: { $0.number == number }) { return entry }
            throw ShellError.file("there is no lesson \(number); \(available(all))")
        }
        if name.contains("/") || name.hasSuffix(".lesson") {
            let path = resolve(name)
            guard System.kind(path) != .missing else { throw ShellError.file("cannot read '\(name)': no such file") }
            return LessonLibrary.entry(forPath: path)
        }
        let word = name.lowercased()
        if let exact = all.first(where: { $0.key.lowercased() == word || $0.topic.lowercased() == word }) {
            return exact
        }
        let matches = all.filter { $0.key.lowercased().contains(word) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw ShellError.file(
                "'\(name)' matches \(matches.count) lessons (\(matches.map(\.key).joined(separator: ", "))); type its number"
            )
        }
        let near = didYouMean(word, among: all.map(\.topic), otherwise: "; \(available(all))")
        throw ShellError.file("no lesson called '\(name)'\(near)")
    }

    func available(_ all: [Entry]) -> String {
        if all.isEmpty {
            return directories.isEmpty
                ? "no Lessons folder was found (set NNSTEP_LESSONS to one)"
                : "no .lesson files in \(directories.joined(separator: ", "))"
        }
        return "type 'lessons' to see them"
    }
}
