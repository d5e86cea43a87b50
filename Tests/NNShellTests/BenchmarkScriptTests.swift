import XCTest

@testable import NNShell

/// The scripts that `make bench` runs (Benchmarks/scripts/*.nn) stay runnable as the command
/// language changes, and keep the shape Benchmarks/run.py relies on: each workload script
/// ends with its training command and then `export json`, and `set recording off` is accepted
/// just before the training command. Nothing here trains or times anything: the final losses
/// are BenchmarkAgreementTests' job, the timings `make bench`'s.
final class BenchmarkScriptTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let scripts = root + "/Benchmarks/scripts"

    func commands(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: "\(Self.scripts)/\(name).nn", encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    func session() -> Session {
        let session = Session(options: SessionOptions())
        session.directory = Self.root
        return session
    }

    func testEveryScriptPassesTheChecker() throws {
        for name in ["tiny", "digits", "deep", "mnist", "five_lines"] {
            XCTAssertEqual(LessonChecker.check(path: "\(Self.scripts)/\(name).nn"), [], name)
        }
    }

    func testWorkloadScriptsSetUpAndEndInTrainingThenExport() throws {
        for name in ["tiny", "digits", "deep"] {
            let lines = try commands(name)
            XCTAssertEqual(lines.last, "export json", name)
            let training = try XCTUnwrap(
                lines.firstIndex { ["epoch", "step"].contains($0.split(separator: " ").first ?? "") }, name)
            XCTAssertEqual(training, lines.count - 2, "\(name): the training command comes just before the export")
            let session = session()
            for line in lines[..<training] + ["set recording off"] {
                let outcome = session.evaluate(line)
                XCTAssertNil(outcome.error, "\(name): \(line): \(outcome.error?.message ?? "")")
            }
            XCTAssertNotNil(session.state.training, name)
        }
    }

    func testFiveLineScriptRunsToQuit() throws {
        let lines = try commands("five_lines")
        XCTAssertEqual(lines.count, 5)
        let session = session()
        var quit = false
        for line in lines {
            let outcome = session.evaluate(line)
            XCTAssertNil(outcome.error, "\(line): \(outcome.error?.message ?? "")")
            quit = outcome.quit
        }
        XCTAssertTrue(quit, "the five-line script ends with quit")
    }
}
