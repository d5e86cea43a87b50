import Foundation
import XCTest

/// Golden files: text a test produces, compared with the copy committed beside the test.
///
/// `NNSTEP_RECORD=1 swift test` rewrites every golden file it reaches and then FAILS, so a
/// recording run is never mistaken for a passing one: record, read `git diff`, run again.
/// A mismatch shows a real line diff (an inserted line shows as one line, not a wall).
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["NNSTEP_RECORD"] != nil }

    /// Fails unless the file at `url` holds exactly `actual`; when recording, writes it first.
    static func assertMatches(_ actual: String, _ url: URL, file: StaticString = #filePath, line: UInt = #line) {
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if isRecording {
            if expected != actual {
                do {
                    try actual.write(to: url, atomically: true, encoding: .utf8)
                } catch {
                    XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
                    return
                }
            }
            XCTFail(
                "recorded \(url.lastPathComponent)\(expected == actual ? " (unchanged)" : ""); "
                    + "read `git diff`, then run the tests again without NNSTEP_RECORD", file: file, line: line)
            return
        }
        guard let expected else {
            XCTFail("\(url.path) is missing; NNSTEP_RECORD=1 swift test writes it", file: file, line: line)
            return
        }
        if actual != expected {
            XCTFail(
                "\(url.lastPathComponent) differs (- committed, + now; NNSTEP_RECORD=1 re-records it):\n"
                    + diff(expected, actual), file: file, line: line)
        }
    }

    /// A line diff of `expected` against `actual`: the longest common subsequence of lines,
    /// changed lines marked `-` (expected) and `+` (actual) with their line numbers, two lines
    /// of context around each change, and at most `limit` marked lines.
    static func diff(_ expected: String, _ actual: String, limit: Int = 60) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        let edits = script(a, b)
        var out: [String] = [], marked = 0, lastShown = -1
        for (n, edit) in edits.enumerated() where edit.kind != " " {
            // Context: everything since the last change when it is close, else two lines.
            let from = n - lastShown <= 5 ? lastShown + 1 : n - 2
            if lastShown >= 0, from > lastShown + 1 {
                out += edits[(lastShown + 1)...(lastShown + 2)].map(\.text) + ["…"]
            }
            out += edits[from..<n].map(\.text) + [edit.text]
            lastShown = n
            marked += 1
            if marked == limit { out.append("… (more changes)"); return out.joined(separator: "\n") }
        }
        if lastShown >= 0 { out += edits[(lastShown + 1)..<min(edits.count, lastShown + 3)].map(\.text) }
        return out.joined(separator: "\n")
    }

    private struct Edit { let kind: Character; let text: String }

    /// The edit script turning `a` into `b`, through an LCS table over the lines between the
    /// common prefix and suffix (positional past four million cells, which no golden reaches).
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let x = Array(a[prefix..<a.count - suffix]), y = Array(b[prefix..<b.count - suffix])
        func keep(_ i: Int) -> Edit { Edit(kind: " ", text: "\(i + 1)  \(a[i])") }
        var edits = (0..<prefix).map(keep)
        let n = x.count, m = y.count
        if n * m <= 4_000_000 {
            var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, x[i] == y[j] {
                    edits.append(keep(prefix + i)); i += 1; j += 1
                } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                    edits.append(Edit(kind: "+", text: "\(prefix + j + 1)+ \(y[j])")); j += 1
                } else {
                    edits.append(Edit(kind: "-", text: "\(prefix + i + 1)- \(x[i])")); i += 1
                }
            }
        } else {
            edits += x.indices.map { Edit(kind: "-", text: "\(prefix + $0 + 1)- \(x[$0])") }
            edits += y.indices.map { Edit(kind: "+", text: "\(prefix + $0 + 1)+ \(y[$0])") }
        }
        edits += (a.count - suffix..<a.count).map(keep)
        return edits
    }
}
