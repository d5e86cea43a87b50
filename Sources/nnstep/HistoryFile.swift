import CEditLine
import Glibc

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

    private var directory: String { Environment.parent(of: path) }

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

    /// Saves `history` atomically; returns the reason on failure.
    func save(_ history: OpaquePointer) -> String? {
        nnedit_history_save(history, path) == 0 ? nil : Self.describe(errno)
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
