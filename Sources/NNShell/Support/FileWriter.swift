import Glibc

/// Why a file could not be read or written, as the end of a one-line message
/// ("it is a FIFO (a named pipe); expected a regular file").
public struct FileProblem: Error, Equatable, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// The one way nnstep replaces a file: everything goes to a temporary file beside the target,
/// every write, the fsync and the close are checked, and only a complete file is renamed into
/// place. A symbolic link is followed (the file it points to is replaced, the link stays); a
/// directory, FIFO or device is refused; the target's mode is kept. SIGINT, SIGTERM, SIGHUP and
/// SIGQUIT wait until the temporary file is renamed or removed; SIGXFSZ is ignored, so a file-size
/// limit is an error (EFBIG) with a message instead of a silent death.
public enum FileWriter {
    /// Replaces `path` with `bytes`.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(FileProblem) {
        try replace(path) { fd, _ in
            if let problem = writeAll(bytes, to: fd) { return problem }
            var info = stat()
            guard fstat(fd, &info) == 0, Int(info.st_size) == bytes.count else {
                return FileProblem("the file came out shorter than it should")
            }
            return nil
        }
    }

    /// Replaces `path` with what `produce` writes to the open temporary file (`fd`, at `temporary`).
    /// `produce` returns nil, or the problem that makes the new file unusable.
    public static func replace(_ path: String, produce: (_ fd: Int32, _ temporary: String) -> FileProblem?)
        throws(FileProblem)
    {
        let target = try Target(path)
        let blocked = blockTerminatingSignals()
        defer { restoreSignals(blocked) }
        let temporary = try createTemporary(beside: target)
        let problem = fill(temporary, target: target, produce: produce)
        if let problem {
            unlink(temporary.path)
            throw target.exists ? FileProblem(problem.reason + "; the old file is unchanged") : problem
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = describe(errno)
            unlink(temporary.path)
            throw FileProblem(reason + (target.exists ? "; the old file is unchanged" : ""))
        }
        syncDirectory(target.directory)
    }

    /// Writes every byte, retrying short writes and EINTR; nil, or the reason it failed.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> FileProblem? {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, min($0.count, 1 << 20)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return FileProblem(describe(n == 0 ? EIO : errno)) }
            written += n
        }
        return nil
    }

    /// The system's reason for `code`, in nnstep's words where they are clearer.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is exceeded"
        case EFBIG: return "the file would exceed the file-size limit (ulimit -f)"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ELOOP: return "too many levels of symbolic links"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENAMETOOLONG: return "the name is too long"
        default: return String(cString: strerror(code))
        }
    }

    // MARK: - The steps

    private static func fill(
        _ temporary: (fd: Int32, path: String), target: Target,
        produce: (Int32, String) -> FileProblem?
    ) -> FileProblem? {
        if let mode = target.mode {
            _ = fchown(temporary.fd, target.owner, target.group)
            if fchmod(temporary.fd, mode) != 0 { close(temporary.fd); return FileProblem(describe(errno)) }
        }
        if let problem = produce(temporary.fd, temporary.path) { close(temporary.fd); return problem }
        if fsync(temporary.fd) != 0 {
            let reason = describe(errno)
            close(temporary.fd)
            return FileProblem(reason)
        }
        return close(temporary.fd) == 0 ? nil : FileProblem(describe(errno))
    }

    private static func createTemporary(beside target: Target) throws(FileProblem) -> (fd: Int32, path: String) {
        let base = target.directory + "/." + String(Path.lastComponent(target.path).prefix(200)) + ".tmp.\(getpid())"
        for attempt in 0..<100 {
            let path = attempt == 0 ? base : base + ".\(attempt)"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
            if fd >= 0 { return (fd, path) }
            if errno != EEXIST { throw FileProblem(describe(errno)) }
        }
        throw FileProblem("cannot create a temporary file in '\(target.directory)'")
    }

    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    // MARK: - Signals

    private static let ignoreFileSizeSignal: Void = {
        signal(SIGXFSZ, SIG_IGN); return ()
    }()

    /// Blocks the signals that end the program, so a temporary file is never left behind;
    /// they are delivered when the mask is restored.
    private static func blockTerminatingSignals() -> sigset_t {
        ignoreFileSizeSignal
        var set = sigset_t(), old = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, &old)
        return old
    }

    private static func restoreSignals(_ old: sigset_t) {
        var old = old
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }
}

/// The file a write will replace: symbolic links followed, its kind checked.
private struct Target {
    let path: String
    let directory: String
    let exists: Bool
    var mode: mode_t?
    var owner: uid_t = 0
    var group: gid_t = 0

    init(_ path: String) throws(FileProblem) {
        if let problem = FileReader.nameProblem(path) { throw problem }
        // An existing file is judged through every link first (/dev/stdout is a link into /proc
        // that ends at a pipe); a link to nowhere is followed by hand, to create what it names.
        var first = stat()
        if stat(path, &first) == 0, let problem = FileReader.kindProblem(first.st_mode, expected: "a file name") {
            throw problem
        }
        if let real = System.realPath(path) { self.path = real } else { self.path = try Self.followLinks(path) }
        let parent = Path.parent(self.path)
        directory = parent.isEmpty ? "." : parent
        var info = stat()
        exists = stat(self.path, &info) == 0
        if exists {
            if let problem = FileReader.kindProblem(info.st_mode, expected: "a file name") { throw problem }
            guard access(self.path, W_OK) == 0 else { throw FileProblem(FileWriter.describe(errno)) }
            mode = info.st_mode & 0o7777
            owner = info.st_uid
            group = info.st_gid
        } else if errno != ENOENT {
            throw FileProblem(FileWriter.describe(errno))
        } else {
            var parentInfo = stat()
            guard stat(directory, &parentInfo) == 0 else {
                throw FileProblem(
                    errno == ENOENT ? "the directory '\(directory)' does not exist" : FileWriter.describe(errno))
            }
            guard parentInfo.st_mode & S_IFMT == S_IFDIR else { throw FileProblem("'\(directory)' is not a directory") }
        }
    }

    /// The path a chain of symbolic links ends at (which may not exist yet).
    static func followLinks(_ path: String) throws(FileProblem) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: 4097)
            let length = readlink(current, &buffer, 4096)
            guard length > 0 else { throw FileProblem(FileWriter.describe(errno)) }
            let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let parent = Path.parent(current)
            current = link.hasPrefix("/") || parent.isEmpty ? link : parent + "/" + link
        }
        throw FileProblem(FileWriter.describe(ELOOP))
    }
}
