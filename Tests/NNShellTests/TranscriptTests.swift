import XCTest

@testable import NNShell

/// Golden transcripts: each `Transcripts/NAME.nn` script runs in a fresh session (width 80,
/// a fixed clock) and its output must equal `Transcripts/NAME.out` exactly. Re-record on
/// purpose with `NNSTEP_RECORD=1 swift test` (which then fails, see `Golden`); a failure shows a line diff.
final class TranscriptTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Transcripts")
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
        let status = ScriptRunner.run(
            source: script, fileName: name, session: session, keepGoing: true,
            output: { transcript += $0 }, errorOutput: { transcript += "! " + $0 })
        return transcript + "[exit \(status)]\n"
    }

    func testEveryTranscript() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".nn")
        }.sorted()
        XCTAssertFalse(scripts.isEmpty)
        for script in scripts {
            let base = String(script.dropLast(3))
            let source = try String(contentsOf: Self.folder.appendingPathComponent(script), encoding: .utf8)
            let actual = Self.run(source, name: script, ascii: source.hasPrefix("# ascii"))
            Golden.assertMatches(actual, Self.folder.appendingPathComponent(base + ".out"))
        }
    }

    /// A line diff (kept for callers that only need the text; see `Golden.diff`).
    static func diff(_ expected: String, _ actual: String) -> String { Golden.diff(expected, actual) }
}

/// A clock that moves 1 ms each time it is read, so timings in transcripts are fixed.
final class FakeClock: @unchecked Sendable {
    private var now = 0.0
    func tick() -> Double { now += 0.001; return now }
}
