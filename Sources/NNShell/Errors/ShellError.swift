/// A user's mistake, as a value. `message` is one line that says what was wrong and what
/// was expected; `column` (1-based) points at the bad word when there is one.
public enum ShellError: Error, Equatable, Sendable {
    /// A command name nobody knows, with the nearest real one.
    case unknownCommand(String, suggestion: String?, column: Int)
    /// A malformed argument or line: the message, and where.
    case syntax(String, column: Int?)
    /// The command is right but the session can't do it now (no network, no data, …).
    case state(String)
    /// Reading or writing a file failed.
    case file(String)

    /// The message as shown: always one line, with what came from outside made visible and
    /// cut to a readable length (see `PlainText.message`). Every error is rendered here.
    public var message: String {
        switch self {
        case .unknownCommand(let name, let suggestion, _):
            return PlainText.unknownCommand(name, suggestion: suggestion)
        case .syntax(let message, _), .state(let message), .file(let message):
            return PlainText.message(message)
        }
    }

    public var column: Int? {
        switch self {
        case .unknownCommand(_, _, let column): return column
        case .syntax(_, let column): return column
        case .state, .file: return nil
        }
    }

    /// A syntax error pointing at `token`.
    static func at(_ token: Token, _ message: String) -> ShellError { .syntax(message, column: token.column) }
}

/// The "did you mean" part of a message: `; did you mean 'X'?` when `word` is a near miss of
/// one of `candidates` (written as `form` gives it, e.g. `{ "\($0)=" }` for an option), and
/// otherwise `otherwise` (often `expected(oneOf:)`). The one place this idiom is written.
func didYouMean(
    _ word: String, among candidates: [String], form: (String) -> String = { $0 },
    otherwise: String = ""
) -> String {
    nearest(word, in: candidates).map { "; did you mean '\(form($0))'?" } ?? otherwise
}

/// `; expected one of a, b, c`.
func expected(oneOf choices: [String]) -> String { "; expected one of " + choices.joined(separator: ", ") }

/// The closest of `candidates` to `word` by edit distance, if it is close enough to be a typo.
///
/// The distance is at least the difference in length, so candidates more than 3 characters
/// longer or shorter are skipped, and a word longer than 64 characters is no typo: a pasted
/// megabyte gets its answer at once instead of a table of a megabyte times each candidate.
func nearest(_ word: String, in candidates: [String]) -> String? {
    guard word.utf8.count <= 256 else { return nil }
    let word = word.lowercased()
    guard word.count <= 64 else { return nil }
    let scored = candidates.filter { abs($0.count - word.count) <= 3 }.map { ($0, editDistance(word, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(1, min(3, word.count / 3 + 1))
    return best.1 <= limit ? best.0 : nil
}

/// Damerau–Levenshtein distance (with adjacent transpositions, so 'stpe' is 1 from 'step').
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[a.count][b.count]
}
