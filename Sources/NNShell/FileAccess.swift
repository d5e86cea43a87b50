import Foundation

/// Reading and writing the files a learner names, with one-line errors and no half-written files.
enum FileAccess {
    static let maximumSize = 64 << 20

    /// The whole file as UTF-8 text. `shown` is the path as the learner typed it.
    static func readText(_ path: String, shown: String) throws(ShellError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ShellError.file("cannot read '\(shown)': no such file")
        }
        guard !isDirectory.boolValue else { throw ShellError.file("cannot read '\(shown)': it is a directory; expected a file") }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            throw ShellError.file("cannot read '\(shown)': permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: maximumSize + 1) ?? Data() } catch {
            throw ShellError.file("cannot read '\(shown)': \(error.localizedDescription)")
        }
        guard data.count <= maximumSize else { throw ShellError.file("cannot read '\(shown)': larger than \(maximumSize >> 20) MB") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ShellError.file("cannot read '\(shown)': it is not UTF-8 text")
        }
        return text
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`, so the
    /// old file stays intact when anything fails.
    static func writeAtomically(_ text: String, to path: String, shown: String) throws(ShellError) {
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ShellError.file("cannot write '\(shown)': it is a directory; expected a file name")
        }
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw ShellError.file("cannot write '\(shown)': the directory '\((shown as NSString).deletingLastPathComponent)' does not exist")
        }
        let temporary = path + ".tmp.\(getpid())"
        let bytes = Array(text.utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ShellError.file("cannot write '\(shown)': \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                let reason = String(cString: strerror(errno))
                close(fd); unlink(temporary)
                throw ShellError.file("cannot write '\(shown)': \(reason); the old file is unchanged")
            }
            written += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ShellError.file("cannot write '\(shown)': \(reason); the old file is unchanged")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
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
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
    return names.filter { $0.hasPrefix(namePart) && (!$0.hasPrefix(".") || namePart.hasPrefix(".")) }.sorted().map { name in
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
        return directoryPart + name + (isDirectory.boolValue ? "/" : "")
    }
}
