import Glibc

/// A file that could not be read, with the system's reason ("No such file or directory").
struct CannotRead: Error {
    let path: String
    let reason: String

    /// The one-line message for standard error.
    var message: String { "nnstep: cannot read '\(path)': \(reason)" }
}

/// Reads whole text files for `--script` and `--check`.
enum TextFile {
    /// The contents of `path` decoded as UTF-8 (bad bytes become U+FFFD); `-` is standard input.
    static func read(_ path: String) throws(CannotRead) -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// The raw bytes of `path`; `-` is standard input.
    static func bytes(_ path: String) throws(CannotRead) -> [UInt8] {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CannotRead(path: path, reason: describe(errno)) }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw CannotRead(path: path, reason: describe(errno))
            }
            bytes += chunk[..<count]
        }
        return bytes
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
