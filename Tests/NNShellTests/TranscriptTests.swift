import XCTest
@testable import NNShell

/// Golden transcripts: each `Transcripts/NAME.nn` script runs in a fresh session (width 80,
/// a fixed clock) and its output must equal `Transcripts/NAME.out` exactly. Re-record on
/// purpose with `NNSTEP_RECORD=1 swift test`; a failure shows a line diff.
final class TranscriptTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")
    static let root = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a script the way `nnstep --script` does and returns stdout and stderr interleaved.
    static func run(_ script: String, name: String, ascii: Bool) -> String {
        var options = SessionOptions()
        options.ascii = ascii
        options.width = 80
        options.lessonDirectories = [root.appendingPathComponent("Lessons").path]
        let session = Session(options: options)
        session.directory = root.path
        let clock = FakeClock()
        session.clock = { clock.tick() }
        var transcript = ""
        let status = ScriptRunner.run(source: script, fileName: name, session: session, keepGoing: true,
                                      output: { transcript += $0 }, errorOutput: { transcript += "! " + $0 })
        return transcript + "[exit \(status)]\n"
    }

    func testEveryTranscript() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".nn") }.sorted()
        XCTAssertFalse(scripts.isEmpty)
        let record = ProcessInfo.processInfo.environment["NNSTEP_RECORD"] != nil
        for script in scripts {
            let base = String(script.dropLast(3))
            let source = try String(contentsOf: Self.folder.appendingPathComponent(script), encoding: .utf8)
            let ascii = source.hasPrefix("# ascii")
            let actual = Self.run(source, name: script, ascii: ascii)
            let expectedURL = Self.folder.appendingPathComponent(base + ".out")
            if record {
                try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? ""
            if actual != expected { XCTFail("\(script) differs from \(base).out (NNSTEP_RECORD=1 re-records):\n" + Self.diff(expected, actual)) }
        }
    }

    /// The first differing lines, marked - (expected) and + (actual).
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
            if i < a.count { out.append("\(i + 1)- \(a[i])") }
            if i < b.count { out.append("\(i + 1)+ \(b[i])") }
            if out.count > 16 { break }
        }
        return out.joined(separator: "\n")
    }
}

/// A clock that moves 1 ms each time it is read, so timings in transcripts are fixed.
final class FakeClock: @unchecked Sendable {
    private var now = 0.0
    func tick() -> Double { now += 0.001; return now }
}
