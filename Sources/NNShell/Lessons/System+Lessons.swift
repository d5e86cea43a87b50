import Glibc

/// The few more libc calls the lesson library and the progress file need.
extension System {
    /// The process's working directory.
    static var currentDirectory: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(cString: buffer)
    }

    /// `path` made absolute with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `mkdir -p`: true when `path` is a directory afterwards.
    static func makeDirectories(_ path: String) -> Bool {
        var partial = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            partial += "/" + part
            if kind(partial) == .missing, mkdir(partial, 0o755) != 0, errno != EEXIST { return false }
        }
        return kind(path) == .directory
    }

    /// Renames `from` to `to`; nil, or the reason it failed.
    static func move(_ from: String, to: String) -> String? {
        rename(from, to) == 0 ? nil : lastError
    }
}
