import Glibc

/// Reading and writing the files a learner names, with one-line errors and no half-written files.
/// The work is done by `FileReader` and `FileWriter`; this adds the learner's spelling of the path.
enum FileAccess {
    /// The whole file as UTF-8 text. `shown` is the path as the learner typed it.
    static func readText(_ path: String, shown: String, kind: FileReader.Kind = .csv) throws(ShellError) -> String {
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path, kind: kind) } catch {
            throw ShellError.file("cannot read '\(shown)': \(error.reason)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ShellError.file("cannot read '\(shown)': it is not UTF-8 text")
        }
        return text
    }

    /// Replaces the file at `path` with `text` (see `FileWriter`): the old file stays intact
    /// when anything fails.
    static func writeAtomically(_ text: String, to path: String, shown: String) throws(ShellError) {
        let directory = Path.parent(path)
        if System.kind(path) == .directory {
            throw ShellError.file("cannot write '\(shown)': it is a directory; expected a file name")
        }
        if !directory.isEmpty, System.kind(directory) == .missing, System.isLink(path) == false {
            throw ShellError.file("cannot write '\(shown)': the directory '\(Path.parent(shown))' does not exist")
        }
        if dryRun { return }
        do { try FileWriter.replace(path, with: Array(text.utf8)) } catch {
            throw ShellError.file("cannot write '\(shown)': \(error.reason)")
        }
    }

    /// Writes `text` to the file the learner named and says so; `-` prints it instead.
    static func save(_ text: String, to path: String, shown: String) throws(ShellError) -> String {
        if shown == "-" { return text.hasSuffix("\n") ? text : text + "\n" }
        try writeAtomically(text, to: path, shown: shown)
        return "wrote \(shown)\n"
    }
}

/// File and directory names that start with `partial`, for TAB after `load`, `data load`
/// and `import json`. Directories end in '/'.
func completeFiles(_ partial: String) -> [String] {
    let directoryPart = partial.contains("/") ? String(partial[...partial.lastIndex(of: "/")!]) : ""
    let namePart = String(partial.dropFirst(directoryPart.count))
    let directory = directoryPart.isEmpty ? "." : directoryPart
    return System.list(directory).filter { $0.hasPrefix(namePart) && (!$0.hasPrefix(".") || namePart.hasPrefix(".")) }
        .sorted().map { name in
            directoryPart + name + (System.kind(directory + "/" + name) == .directory ? "/" : "")
        }
}
