import NNShell

/// A file that could not be read, with the reason ("no such file").
struct CannotRead: Error {
    let path: String
    let reason: String

    /// The one-line message for standard error.
    var message: String { "nnstep: cannot read \(path == "-" ? "standard input" : "'\(path)'"): \(reason)" }
}

/// Reads whole text files for `--script` and `--check`, through nnstep's one reader
/// (regular files only, never blocking on a FIFO, capped in size).
enum TextFile {
    /// The contents of `path` decoded as UTF-8 (bad bytes become U+FFFD); `-` is standard input.
    static func read(_ path: String, kind: FileReader.Kind = .script) throws(CannotRead) -> String {
        String(decoding: try bytes(path, kind: kind), as: UTF8.self)
    }

    /// The raw bytes of `path`; `-` is standard input.
    static func bytes(_ path: String, kind: FileReader.Kind = .script) throws(CannotRead) -> [UInt8] {
        do { return try FileReader.read(path, kind: kind) } catch {
            throw CannotRead(path: path, reason: error.reason)
        }
    }
}
