import Foundation
import XCTest

/// The startup file, `--init`, `--no-init`, `--command`, `-i` and `--check`, through the binary.
final class StartupTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try NNStepBinary.temporaryDirectory()
        let config = directory.appendingPathComponent("config/nnstep")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try write("set lr 0.3  # from the startup file\n", "config/nnstep/init.nn")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ text: String, _ name: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String], input: String = "") throws -> NNStepBinary.Result {
        try NNStepBinary.run(
            arguments, input: input, in: directory,
            environment: [
                "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
                "XDG_STATE_HOME": directory.appendingPathComponent("state").path
            ])
    }

    func testTheStartupFileRunsBeforeTheFirstPromptThenTheCommands() throws {
        let result = try run(
            ["-i", "--command", "set lr 0.4", "--command", "net 2-2-1"], input: "set lr 0.2\nhistory\n")
        XCTAssertEqual(result.status, 0, result.errors)
        let expected = [
            "> set lr 0.3  # from the startup file", "learning rate η = 0.3", "> set lr 0.4", "learning rate η = 0.4",
            "> net 2-2-1", "learning rate η = 0.2", "  1  set lr 0.2", "  2  history"
        ]
        var rest = Substring(result.output)
        for line in expected {
            guard let range = rest.range(of: line + "\n") else {
                return XCTFail("missing or out of order: \(line)\n\(result.output)")
            }
            rest = rest[range.upperBound...]
        }
    }

    func testNoInitSkipsItAndInitNamesAnother() throws {
        try write("set lr 0.7\n", "other.nn")
        let skipped = try run(["-i", "--no-init"], input: "")
        XCTAssertFalse(skipped.output.contains("0.3"), skipped.output)
        let other = try run(["-i", "--init", "other.nn"], input: "")
        XCTAssertTrue(other.output.contains("learning rate η = 0.7"), other.output)
        XCTAssertFalse(other.output.contains("0.3"), other.output)
        let missing = try run(["-i", "--init", "absent.nn"], input: "")
        XCTAssertTrue(missing.errors.contains("absent.nn"), missing.errors)
        let both = try run(["--init", "other.nn", "--no-init"])
        XCTAssertNotEqual(both.status, 0)
    }

    func testAScriptRunsWithoutTheStartupFileAndInteractiveStaysAtThePrompt() throws {
        try write("net 2-2-1\nset lr \\\n  0.05\n", "s.nn")
        let script = try run(["--command", "set lr 0.6", "--script", "s.nn"])
        XCTAssertEqual(script.status, 0, script.errors)
        XCTAssertEqual(script.output.components(separatedBy: "\n").first, "> set lr 0.6")
        XCTAssertFalse(script.output.contains("0.3"), "the startup file ran for a script:\n\(script.output)")
        XCTAssertTrue(script.output.contains("> set lr    0.05\nlearning rate η = 0.05\n"), script.output)
        let stay = try run(["-i", "--no-init", "--script", "s.nn"], input: "set lr 0.125\n")
        XCTAssertEqual(stay.status, 0, stay.errors)
        XCTAssertTrue(stay.output.hasSuffix("learning rate η = 0.125\n"), stay.output)
        let failing = try run(["--command", "set lr x", "--script", "s.nn"])
        XCTAssertEqual(failing.status, 1)
        XCTAssertEqual(failing.errors, "--command:1:8: expected a number for the learning rate, found 'x'\n")
        XCTAssertFalse(failing.output.contains("net 2-2-1"), "the script ran after a failing --command")
    }

    /// Found by the hostile-input sweep: `-i` with a script that cannot be read exited 0, and
    /// `--test` with no such lesson said only "no lesson was played".
    func testAnUnreadableScriptUnderInteractiveAndAMissingLessonUnderTestAreStatusOneWithTheReason() throws {
        let missing = try run(["-i", "--no-init", "--script", "absent.nn"], input: "set lr 0.125\n")
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.errors, "nnstep: cannot read 'absent.nn': no such file\n")
        XCTAssertTrue(
            missing.output.hasSuffix("learning rate η = 0.125\n"), "-i still stays at the prompt:\n\(missing.output)")
        try write("", "answers.txt")
        let lesson = try run(["--test", "no-such-lesson", "answers.txt"])
        XCTAssertEqual(lesson.status, 1)
        XCTAssertEqual(lesson.output, "no lesson was played\n")
        XCTAssertEqual(lesson.errors, "nnstep: no lesson called 'no-such-lesson'; type 'lessons' to see them\n")
    }

    func testCheckReportsArgumentErrorsBeforeAnythingRunsAndWritesNoFile() throws {
        try write(
            "net 2-2-1\ndata students\nexport json out.json\nplot loss --svg loss.svg\nstep 3x\nset lr abc\n", "bad.nn")
        try write("net 2-2-1  # fine\ndata students\nstep 2\nexport json out.json\n", "good.nn")
        let result = try run(["--check", "bad.nn", "good.nn"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.errors,
            "bad.nn:5:6: expected a whole number for the number of updates, found '3x'\n"
                + "bad.nn:6:8: expected a number for the learning rate, found 'abc'\n")
        XCTAssertEqual(result.output, "good.nn: ok\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(files, ["bad.nn", "config", "good.nn"], "the check wrote a file")
        let lesson = try run([
            "--check", NNStepBinary.packageRoot.appendingPathComponent("Lessons/01-deep-learning.lesson").path
        ])
        XCTAssertEqual(lesson.status, 0, lesson.errors)
        XCTAssertTrue(lesson.output.hasSuffix("01-deep-learning.lesson: ok\n"), lesson.output)
    }
}
