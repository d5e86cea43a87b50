#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing the files a learner names, with one-line errors and no half-written files.
enum FileAccess {
    static let maximumSize = 64 << 20

    /// The whole file as UTF-8 text. `shown` is the path as the learner typed it.
    static func readText(_ path: String, shown: String) throws(ShellError) -> String {
        switch System.kind(path) {
        case .missing: throw ShellError.file("cannot read '\(shown)': no such file")
        case .directory: throw ShellError.file("cannot read '\(shown)': it is a directory; expected a file")
        case .file, .other: break
        }
        let (bytes, error) = System.read(path, limit: maximumSize)
        guard let bytes else { throw ShellError.file("cannot read '\(shown)': \(error ?? "unknown error")") }
        guard bytes.count <= maximumSize else { throw ShellError.file("cannot read '\(shown)': larger than \(maximumSize >> 20) MB") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ShellError.file("cannot read '\(shown)': it is not UTF-8 text")
        }
        return text
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`, so the
    /// old file stays intact when anything fails.
    static func writeAtomically(_ text: String, to path: String, shown: String) throws(ShellError) {
        let directory = Path.parent(path)
        if System.kind(path) == .directory {
            throw ShellError.file("cannot write '\(shown)': it is a directory; expected a file name")
        }
        if !directory.isEmpty, System.kind(directory) == .missing {
            throw ShellError.file("cannot write '\(shown)': the directory '\(Path.parent(shown))' does not exist")
        }
        if dryRun { return }
        let temporary = path + ".tmp.\(System.processID)"
        let bytes = Array(text.utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ShellError.file("cannot write '\(shown)': \(System.lastError)") }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                let reason = System.lastError
                close(fd); unlink(temporary)
                throw ShellError.file("cannot write '\(shown)': \(reason); the old file is unchanged")
            }
            written += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let reason = System.lastError
            unlink(temporary)
            throw ShellError.file("cannot write '\(shown)': \(reason); the old file is unchanged")
        }
        guard rename(temporary, path) == 0 else {
            let reason = System.lastError
            unlink(temporary)
            throw ShellError.file("cannot write '\(shown)': \(reason); the old file is unchanged")
        }
    }
}

/// File and directory names that start with `partial`, for TAB after `load`, `data load`
/// and `import json`. Directories end in '/'.
func completeFiles(_ partial: String) -> [String] {
    let directoryPart = partial.contains("/") ? String(partial[...partial.lastIndex(of: "/")!]) : ""
    let namePart = String(partial.dropFirst(directoryPart.count))
    let directory = directoryPart.isEmpty ? "." : directoryPart
    return System.list(directory).filter { $0.hasPrefix(namePart) && (!$0.hasPrefix(".") || namePart.hasPrefix(".")) }.sorted().map { name in
        directoryPart + name + (System.kind(directory + "/" + name) == .directory ? "/" : "")
    }
}
