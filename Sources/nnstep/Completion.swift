import CEditLine
import NNShell

/// The session that TAB completes against.
///
/// A global because libedit calls `completeWord` through a C function pointer, which
/// cannot capture context. `nonisolated(unsafe)` is honest here: the callback runs
/// synchronously inside `el_gets`, on the main thread that set this variable.
nonisolated(unsafe) var completionSession: Session?

/// libedit's TAB handler: completes the word before the cursor.
///
/// The session proposes candidates for the last word (the text after the last space).
/// Their longest common prefix beyond what is typed is inserted; a single candidate also
/// gets a space unless it ends in `/` (a folder, to be continued). When several remain
/// and nothing more can be inserted, they are listed in columns below the line.
func completeWord(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editLine, let session = completionSession,
        let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor
    else { return UInt8(CC_ERROR) }
    let typed = String(decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)
    let word = typed.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    switch Completion(word: word, candidates: session.complete(typed)) {
    case .insert(let text):
        return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
    case .list(let candidates):
        Terminal.write("\n" + Completion.columns(candidates, width: Terminal.columns() ?? 80))
        return UInt8(CC_REDISPLAY)
    case .nothing:
        return UInt8(CC_REFRESH_BEEP)
    }
}

/// What one press of TAB does, decided from the typed word and the session's candidates.
enum Completion: Equatable {
    /// Insert this text at the cursor.
    case insert(String)
    /// Show these candidates; nothing can be inserted.
    case list([String])
    /// No candidate matches: beep.
    case nothing

    init(word: String, candidates: [String]) {
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        guard let first = matches.first else {
            self = .nothing
            return
        }
        let common = matches.dropFirst().reduce(first) { String($0.sharedPrefix(with: $1)) }
        let rest = String(common.dropFirst(word.count))
        if matches.count == 1 {
            self = .insert(common.hasSuffix("/") ? rest : rest + " ")
        } else {
            self = rest.isEmpty ? .list(matches) : .insert(rest)
        }
    }

    /// `candidates` in columns, filled down then across (as `ls` does), one line each row.
    static func columns(_ candidates: [String], width: Int) -> String {
        let cellWidth = (candidates.map(\.count).max() ?? 0) + 2
        let columnCount = max(1, width / cellWidth)
        let rowCount = (candidates.count + columnCount - 1) / columnCount
        var text = ""
        for row in 0..<rowCount {
            let cells = stride(from: row, to: candidates.count, by: rowCount).map { candidates[$0] }
            let line = cells.map { $0 + String(repeating: " ", count: cellWidth - $0.count) }.joined()
            text += line.trimmingSuffix() + "\n"
        }
        return text
    }
}

private extension Sequence where Element: Equatable {
    /// The leading elements this sequence shares with `other`.
    func sharedPrefix<Other: Sequence>(with other: Other) -> [Element] where Other.Element == Element {
        zip(self, other).prefix { $0 == $1 }.map(\.0)
    }
}

private extension String {
    /// The string without trailing spaces.
    func trimmingSuffix() -> String {
        String(self[..<(lastIndex { $0 != " " }.map(index(after:)) ?? startIndex)])
    }
}
