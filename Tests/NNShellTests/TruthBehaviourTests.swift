import Foundation
import NNEngine
import XCTest

@testable import NNShell

/// The wrong behaviours found by trying every feature as a new user would, each fixed.
final class TruthBehaviourTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "nnstep-truth-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    func session(_ lines: [String] = []) -> Session {
        let session = PlotGoldenTests.session(ascii: false, width: 80, directory: directory)
        for line in lines { XCTAssertNil(session.evaluate(line).error, line) }
        return session
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    func testALargeSeedReadsBackAsItself() throws {
        let s = session(["net 2-2-1 seed=1000000000000000", "export json s.json"])
        let again = session(["import json s.json", "export json t.json"])
        XCTAssertEqual(again.state.settings.seed, 1_000_000_000_000_000)
        XCTAssertEqual(s.state.training!.network.parameters, again.state.training!.network.parameters)
        // Every value export writes, import reads back: the two files agree key for key.
        let first = try String(contentsOfFile: directory + "/s.json", encoding: .utf8)
        let second = try String(contentsOfFile: directory + "/t.json", encoding: .utf8)
        XCTAssertEqual(first, second)
        XCTAssertEqual(
            session().evaluate("net 2-1 seed=9007199254740993").error?.message.contains("9007199254740992"), true)
    }

    func testImportAcceptsExactlyWhatNetAndSetAccept() throws {
        let net = session().evaluate("net 2-2-1 act=softmax,sigmoid").error?.message
        XCTAssertEqual(net, "softmax belongs on the output layer, not layer 1")
        try write(
            "hidden.json",
            #"{"network": {"sizes": [2, 2, 1], "activations": ["softmax", "sigmoid"], "loss": "mse"}, "#
                + #""parameters": {"w1_11": 0, "w1_21": 0, "w1_12": 0, "w1_22": 0, "b1_1": 0, "b1_2": 0, "w2_11": 0, "w2_21": 0, "b2_1": 0}}"#
        )
        let imported = session().evaluate("import json hidden.json").error?.message ?? ""
        XCTAssertTrue(imported.hasSuffix("softmax belongs on the output layer, not layer 1"), imported)
        let set = session(["net 2-1"]).evaluate("set batch 1000000000000000").error?.message ?? ""
        XCTAssertTrue(set.contains("1000000"), set)
        try write(
            "batch.json",
            #"{"network": {"sizes": [2, 1]}, "parameters": {"w1_11": 0, "w1_21": 0, "b1_1": 0}, "batch_size": 1e15}"#)
        let batch = session().evaluate("import json batch.json").error?.message ?? ""
        XCTAssertTrue(batch.contains("'batch_size' must be a whole number from 1 to 1000000"), batch)
    }

    func testChangingTheNetworkClearsDataThatNoLongerFitsAndDataAddFollowsTheNetwork() {
        let s = session(["net 2-2-1", "data students"])
        let built = s.evaluate("net 5-1").output
        XCTAssertTrue(
            built.contains("the students data (2 inputs -> 1 target) does not fit a 5-1 network, so it was cleared"),
            built)
        XCTAssertEqual(s.evaluate("data add 1 2 3 4 5 -> 1").output, "row 1 added; 1 row in all\n")
        XCTAssertEqual(s.state.training?.data.count, 1)
        let wrong = s.evaluate("data add 1 2 -> 1").error?.message ?? ""
        XCTAssertTrue(wrong.contains("the 5-1 network takes 5 -> 1"), wrong)
        // Data added by hand is "your data", never "the your data data".
        let mine = session(["net 2-1", "data add 1 2 -> 3"]).evaluate("net 3-1").output
        XCTAssertTrue(mine.contains("your data (2 inputs -> 1 target) does not fit a 3-1 network"), mine)
        XCTAssertFalse(mine.contains("the your data data"), mine)
    }

    func testSettingAParameterKeepsTheLastUpdateAndIsItsOwnUndo() throws {
        let s = session(["net 2-2-1", "data students", "step"])
        let afterStep = s.state.training!.network.parameters
        XCTAssertNil(s.evaluate("set w1_11 0.2").error)
        let loss = s.evaluate("show loss")
        XCTAssertNil(loss.error)
        XCTAssertTrue(loss.output.hasPrefix("loss of update 1: "), loss.output)
        XCTAssertTrue(
            loss.output.replacingOccurrences(of: "\n", with: " ")
                .contains("(update 1 was computed before w¹₁₁ was set by hand; the next update uses the new value)"),
            loss.output)
        XCTAssertNil(s.evaluate("show gradients").error)
        XCTAssertEqual(s.state.training!.lastStep?.update, 1)
        let undo = s.evaluate("undo").output
        XCTAssertEqual(undo, "took back setting w¹₁₁ by hand: 0.2 → \(s.state.format(afterStep[0]))\n")
        XCTAssertEqual(
            s.state.training!.network.parameters, afterStep, "the update stays; only the hand change is taken back")
        XCTAssertEqual(s.state.training!.updateCount, 1)
        XCTAssertTrue(s.evaluate("undo").output.hasPrefix("took back 1 update; now at update 0"))
    }

    func testABatchUpdateUsesEveryRowAfterAnSGDStep() {
        let s = session(["net 2-2-1", "data students", "step", "set mode batch"])
        let update = s.evaluate("step").output
        XCTAssertTrue(update.contains("all 3 rows"), update)
        XCTAssertEqual(s.state.training!.lastStep?.rows, [0, 1, 2])
    }

    func testTheMessagesReadAsEnglish() throws {
        let one = session(["net 2-1", "data add 1 2 -> 5"]).evaluate("show loss").output
        XCTAssertEqual(one, "no update yet; the mean loss over the 1 row now is 4\n")
        try write("broken.csv", "x1,x2,y\n1,2\n")
        let broken = session().evaluate("data load broken.csv").error?.message ?? ""
        XCTAssertEqual(broken, "broken.csv:2:3: expected 3 fields like the header, found 2")
    }

    func testFilesForPeopleHoldNoTerminalEscapes() throws {
        var options = SessionOptions()
        options.width = 80
        options.color = true
        options.lessonDirectories = [LessonHarness.lessons]
        let s = Session(options: options)
        s.directory = directory
        _ = s.evaluate("load 13")
        for line in ["net 2-2-1", "data and", "epoch 3"] { _ = s.evaluate(line) }
        XCTAssertTrue(s.evaluate("plot weights 1").output.contains("\u{1B}["), "the terminal shows colour")
        XCTAssertNil(s.evaluate("review r.md").error)
        let review = try String(contentsOfFile: directory + "/r.md", encoding: .utf8)
        XCTAssertFalse(review.contains("\u{1B}"), "a review file holds no escape codes")
        XCTAssertNil(s.evaluate("plot weights 1 --svg p.svg").error)
        XCTAssertFalse(try String(contentsOfFile: directory + "/p.svg", encoding: .utf8).contains("\u{1B}"))
        XCTAssertEqual(PlainText.withoutEscapes("a\u{1B}[1;31mred\u{1B}[0m b"), "ared b")
    }
}
