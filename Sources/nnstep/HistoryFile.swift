import CEditLine
import Glibc
import NNShell

/// The file that keeps the command history between runs, in libedit's format.
///
/// It lives in `$XDG_STATE_HOME/nnstep/history`, or `$HOME/.local/state/nnstep/history`.
/// The first line of a good file is `_HiStOrY_V2_`; libedit loads nothing from a file
/// without it and would overwrite it on the next save, so such a file is moved aside.
struct HistoryFile {
    static let header = "_HiStOrY_V2_"
    /// The most entries kept, in memory and in the file.
    static let capacity: Int32 = 1000

    let path: String

    /// The history path the environment asks for, or nil when neither variable is usable.
    ///
    /// `HOME` is read from the environment: Foundation's home directory on Linux is the
    /// passwd entry, which ignores `HOME`.
    static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/nnstep/history"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/nnstep/history"
        }
        return nil
    }

    private var directory: String { Path.directory(of: path) }

    /// Creates the folder, moves a damaged file aside, and loads the file into `history`.
    ///
    /// Returns false (after a one-line warning) when the folder cannot be created, in
    /// which case the history is kept in memory only.
    func prepare(_ history: OpaquePointer) -> Bool {
        let status = Self.makeDirectories(directory)
        guard status == 0 else {
            let reason = Self.describe(status)
            Terminal.report("nnstep: history is not saved: cannot create '\(directory)': \(reason)")
            return false
        }
        guard let contents = try? TextFile.bytes(path), !contents.isEmpty else {
            return true
        }
        if contents.starts(with: Array(Self.header.utf8)) {
            _ = nnedit_history_load(history, path)
        } else {
            let damaged = directory + "/history.damaged"
            rename(path, damaged)
            Terminal.report("nnstep: '\(path)' is not a history file; moved it to '\(damaged)'")
        }
        return true
    }

    /// Adds `lines` to the file, keeping what other sessions wrote since it was read: under a
    /// lock the file is read again, the lines are added, and the result replaces the file
    /// through nnstep's `FileWriter` (a temporary file, every write checked, then renamed), so a
    /// full disk leaves the old file as it was. Returns the reason on failure.
    func save(adding lines: [String]) -> String? {
        guard !lines.isEmpty else { return nil }
        return FileLock.withLock(path) { () -> String? in
            guard let merged = history_init() else { return "out of memory" }
            defer { history_end(merged) }
            nnedit_history_set_size(merged, Self.capacity)
            nnedit_history_set_unique(merged, 1)
            if let contents = try? TextFile.bytes(path, kind: .state), contents.starts(with: Array(Self.header.utf8)) {
                _ = nnedit_history_load(merged, path)
            }
            for line in lines { nnedit_history_enter(merged, line) }
            let expected = nnedit_history_count(merged)
            do throws(FileProblem) {
                try FileWriter.replace(path) { fd, _ in
                    let written = nnedit_history_save_fd(merged, fd)
                    guard written >= 0 else { return FileProblem(FileWriter.describe(errno)) }
                    guard written == expected else {
                        return FileProblem("libedit wrote \(written) of \(expected) entries")
                    }
                    return nil
                }
            } catch {
                return error.reason
            }
            return nil
        }
    }

    /// `mkdir -p` with mode 0700: returns 0 or the errno of the first failure.
    private static func makeDirectories(_ path: String) -> Int32 {
        var partial = ""
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST { return errno }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return errno }
        return (info.st_mode & S_IFMT) == S_IFDIR ? 0 : ENOTDIR
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
