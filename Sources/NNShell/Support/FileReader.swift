import Glibc

/// The one way nnstep reads a file: regular files only, opened without blocking (a FIFO with no
/// writer is refused at once, never waited on), and capped in size for each kind of file.
public enum FileReader {
    /// What a file is for, which sets how large it may be.
    public enum Kind: Sendable {
        case script, lesson, csv, json, state

        /// The most bytes read.
        public var limit: Int {
            switch self {
            case .script: return 16 << 20
            case .lesson: return 4 << 20
            case .csv: return 256 << 20  // the full MNIST training CSV is 109 MB
            case .json: return 256 << 20
            case .state: return 16 << 20
            }
        }

        var noun: String {
            switch self {
            case .script: return "a script"
            case .lesson: return "a lesson"
            case .csv: return "a CSV file"
            case .json: return "a JSON file"
            case .state: return "a state file"
            }
        }

        /// "it is larger than 64 MB, the limit for a CSV file"
        var tooLarge: String { "it is larger than \(limit >> 20) MB, the limit for \(noun)" }
    }

    /// The bytes of `path`; `-` is standard input (which may be a pipe or a terminal).
    public static func read(_ path: String, kind: Kind) throws(FileProblem) -> [UInt8] {
        if path == "-" { return try readAll(STDIN_FILENO, kind: kind) }
        if let problem = nameProblem(path) { throw problem }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            var info = stat()  // a socket cannot be opened at all: say what it is
            if stat(path, &info) == 0, let problem = kindProblem(info.st_mode, expected: "a file") { throw problem }
            throw FileProblem(FileWriter.describe(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileProblem(FileWriter.describe(errno)) }
        if let problem = kindProblem(info.st_mode, expected: "a file") { throw problem }
        guard Int(info.st_size) <= kind.limit else { throw FileProblem(kind.tooLarge) }
        return try readAll(fd, kind: kind)
    }

    /// Why `path` cannot name a file at all: empty, or holding a NUL (which the system would
    /// take as the end of the name, so another file would be used).
    static func nameProblem(_ path: String) -> FileProblem? {
        if path.isEmpty { return FileProblem("expected a file name") }
        if path.utf8.contains(0) { return FileProblem("the name contains a NUL character; expected a file name") }
        return nil
    }

    /// Why a file of mode `mode` cannot be read or written as a file, or nil for a regular file.
    static func kindProblem(_ mode: mode_t, expected: String) -> FileProblem? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return FileProblem("it is a directory; expected \(expected)")
        case S_IFIFO: return FileProblem("it is a FIFO (a named pipe); expected a regular file")
        case S_IFCHR, S_IFBLK: return FileProblem("it is a device; expected a regular file")
        case S_IFSOCK: return FileProblem("it is a socket; expected a regular file")
        default: return FileProblem("it is not a regular file")
        }
    }

    /// Reads `fd` to its end, at most `kind.limit` bytes.
    private static func readAll(_ fd: Int32, kind: Kind) throws(FileProblem) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return bytes }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileProblem(errno == EISDIR ? "it is a directory; expected a file" : FileWriter.describe(errno))
            }
            guard bytes.count + n <= kind.limit else { throw FileProblem(kind.tooLarge) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
