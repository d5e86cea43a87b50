import Glibc

/// The little of the operating system nnstep needs, straight from libc: no Foundation, so
/// the program starts fast and small (Foundation alone would add about 10 MB).
public enum System {
    /// printf-style formatting of one Double: `format("%.4f", 3.14159)` is "3.1416".
    static func format(_ format: String, _ value: Double) -> String {
        withVaList([value]) { arguments in
            var buffer = [CChar](repeating: 0, count: 64)
            let length = Int(vsnprintf(&buffer, buffer.count, format, arguments))
            if length >= buffer.count {
                buffer = [CChar](repeating: 0, count: length + 1)
                _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
            }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Every `NAME=value` of the process environment.
    public static var environmentVariables: [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }

    enum Kind { case missing, file, directory, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// The error text of the last failed call.
    static var lastError: String { String(cString: strerror(errno)) }

    /// True when `path` itself is a symbolic link (whether or not it points anywhere).
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The names in a directory (without . and ..), or [] when it cannot be read.
    static func list(_ directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The pid, for temporary file names.
    static var processID: Int32 { getpid() }
}

/// Path strings, split at '/': the one place nnstep (the shell and the executable) takes
/// paths apart.
public enum Path {
    public static func lastComponent(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    /// Everything before the last '/', or "" when there is none (so a walk up the folders
    /// ends at "").
    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The directory that holds `path`: its parent, or "." for a bare name.
    public static func directory(of path: String) -> String {
        let parent = parent(path)
        return parent.isEmpty ? "." : parent
    }
}

/// "1 update", "2 updates": a count with its noun.
func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension String {
    /// The text without leading and trailing newlines (spaces kept: they may be indentation).
    var trimmedNewlines: String {
        var text = Substring(self)
        while let first = text.first, first == "\n" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == "\n" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
