import Foundation
import XCTest

@testable import NNShell

/// A table of hostile inputs. Each row gives the exact one-line error, and checks that the
/// session after the error is exactly the session before it.
final class HostileInputTests: XCTestCase {
    struct Row {
        let name: String
        let setup: [String]
        let input: String
        let message: String
        var column: Int? = nil
    }

    static let students = ["net 2-2-1", "data students", "step"]
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "nnstep-hostile-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files: [String: String] = [
            "empty.csv": "",
            "ragged.csv": "x1,x2,y\n1,2,3\n4,5\n",
            "text.csv": "x1,x2,y\n1,2,3\n4,abc,6\n",
            "dup.csv": "x,x,y\n1,2,3\n",
            "headeronly.csv": "x1,x2,y\n",
            "wide.csv": "a,b,c,y\n1,2,3,4\n",
            "nokeys.json": "{\"parameters\": {}}",
            "shape.json": "{\"network\": {\"sizes\": [2, 2, 1]}, \"parameters\": {\"w1_11\": 1}}",
            "nonfinite.json":
                "{\"network\": {\"sizes\": [2, 1]}, \"parameters\": {\"w1_11\": \"nan\", \"w1_21\": 1, \"b1_1\": 0}}",
            "truncated.json": "{\"network\": {\"sizes\": [2, 1",
            "badsizes.json": "{\"network\": {\"sizes\": \"2-1\"}, \"parameters\": {}}",
            "toobig.json": "{\"network\": {\"sizes\": [100000, 100000]}, \"parameters\": {}}"
        ]
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        try Data([0x78, 0x2C, 0x79, 0x0A, 0xFF, 0xFE, 0x2C, 0x31, 0x0A]).write(
            to: URL(fileURLWithPath: directory + "/latin1.csv"))
        try FileManager.default.createDirectory(atPath: directory + "/folder.csv", withIntermediateDirectories: true)
        let more: [String: String] = [
            "newline.json":
                "{\"network\": {\"sizes\": [2, 1], \"activations\": [\"sig\\nmoid\\u001b[2J\"], \"loss\": \"mse\"}, \"parameters\": {}}",
            "deep.json": String(repeating: "[", count: 100_000),
            "big.csv": "x1,y\n1e308,1\n1.5e308,0\n",
            "classes.csv": "x1,x2,y\n" + (0...1000).map { "\($0),\($0),c\($0)\n" }.joined(),
            "longclass.csv": "x1,x2,y\n1,2,a\n3,4," + String(repeating: "b", count: 1_000_000) + "\n",
            "longname.csv": String(repeating: "x", count: 1_000_000) + ",x2,y\n1,2,3\n",
            "oneclass.csv": "x1,x2,y\n1,2,\"a\nb\"\n"
        ]
        for (name, text) in more { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        XCTAssertEqual(mkfifo(directory + "/pipe.csv", 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: directory + "/loop.csv", withDestinationPath: "loop2.csv")
        try FileManager.default.createSymbolicLink(atPath: directory + "/loop2.csv", withDestinationPath: "loop.csv")
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/huge.csv", contents: nil))
        XCTAssertEqual(
            truncate(directory + "/huge.csv", off_t(FileReader.Kind.csv.limit + 1)), 0, "sparse: no disk used")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    static let rows: [Row] = [
        Row(
            name: "an unknown command suggests the nearest", setup: [], input: "stpe",
            message: "unknown command 'stpe'; did you mean 'step'?", column: 1),
        Row(
            name: "nonsense gets pointed at help", setup: [], input: "frobnicate",
            message: "unknown command 'frobnicate'; type 'help' to see the commands", column: 1),
        Row(
            name: "step before a network", setup: [], input: "step",
            message: "no network yet; build one first, for example 'net 2-2-1', or 'load' a lesson"),
        Row(
            name: "net without sizes", setup: [], input: "net",
            message: "'net' needs the layer sizes, like 2-2-1; usage: net SIZES [act=A] [loss=L] [init=I] [seed=N]"),
        Row(
            name: "a misspelled activation", setup: [], input: "net 2-2-1 act=sigmod",
            message: "unknown activation 'sigmod'; did you mean 'sigmoid'?", column: 15),
        Row(
            name: "an empty layer size", setup: [], input: "net 2--1",
            message: "each layer size must be a whole number of at least 1, found '' in '2--1'", column: 5),
        Row(
            name: "a network too large for memory", setup: [], input: "net 2-100000-100000",
            message: "2-100000-100000 would have 10000400000 parameters; the limit is 5000000", column: 5),
        Row(
            name: "an unknown option", setup: [], input: "net 2-2-1 actt=relu",
            message: "unknown option 'actt='; did you mean 'act='?", column: 11),
        Row(
            name: "step with no rows", setup: ["net 2-2-1"], input: "step",
            message: "there is no data to learn from; choose some with 'data students' or add rows with 'data add'"),
        Row(
            name: "a learning rate of 1e999", setup: students, input: "set lr 1e999",
            message: "'1e999' is too large; expected a finite number for the learning rate", column: 8),
        Row(
            name: "a learning rate of nan", setup: students, input: "set lr nan",
            message: "expected a number for the learning rate, found 'nan'", column: 8),
        Row(
            name: "a learning rate of -0", setup: students, input: "set lr -0",
            message: "the learning rate must be positive, like 0.1, found -0", column: 8),
        Row(
            name: "a hexadecimal number", setup: students, input: "set w1_11 0x10",
            message: "expected a number for w1_11, found '0x10'", column: 11),
        Row(
            name: "set with no value", setup: students, input: "set lr",
            message: "'set lr' needs a value; usage: set lr V", column: 5),
        Row(
            name: "too many arguments", setup: students, input: "step 1 2", message: "unexpected '2'; usage: step [N]",
            column: 8),
        Row(
            name: "a fractional count", setup: students, input: "step 1.5",
            message: "expected a whole number for the number of updates, found '1.5'", column: 6),
        Row(
            name: "an epoch count too large to finish", setup: students, input: "epoch 1000000000000",
            message: "the number of epochs must be between 1 and 100000000, found 1000000000000", column: 7),
        Row(
            name: "an unknown parameter", setup: students, input: "inspect w9_11",
            message: "this 2-2-1 network has no parameter 'w9_11'; it has w1_11 … b2_1; did you mean 'w1_11'?",
            column: 9),
        Row(
            name: "a layer index out of range", setup: students, input: "set b3_1 1",
            message: "this 2-2-1 network has no parameter 'b3_1'; it has w1_11 … b2_1; did you mean 'b1_1'?", column: 5),
        Row(
            name: "a node out of range", setup: students, input: "inspect O2_2",
            message: "this network has no node 'O2_2'; layers 1…2, and layer 2 has 1 node", column: 9),
        Row(
            name: "a row wider than the network", setup: students, input: "data add 1 2 3 -> 4",
            message: "the row has 3 inputs -> 1 target, but the 2-2-1 network takes 2 -> 1", column: 10),
        Row(
            name: "a row without an arrow", setup: students, input: "data add 1 2 3",
            message: "'data add' needs '->' between the inputs and the targets; usage: data add X1 X2 … -> Y1 …",
            column: 14),
        Row(
            name: "data that does not fit the network", setup: ["net 3-2-1"], input: "data students",
            message:
                "students has 2 inputs -> 1 target, but the network 3-2-1 takes 3 -> 1; build a network that fits first, for example 'net 2-2-1'"
        ),
        Row(
            name: "replacement characters from non-UTF-8 bytes", setup: students, input: "st\u{FFFD}\u{FFFD}p",
            message: "unknown command 'st\u{FFFD}\u{FFFD}p'; did you mean 'step'?", column: 1),
        Row(
            name: "a very long line", setup: students, input: "set lr " + String(repeating: "9", count: 100_000),
            message:
                "'\(String(repeating: "9", count: 75))…' is too large; expected a finite number for the learning rate",
            column: 8),
        Row(
            name: "an unterminated quote", setup: students, input: "load \"my lesson",
            message: "unterminated quote; expected a closing '\"'", column: 6),
        Row(
            name: "a missing file", setup: students, input: "data load nothing.csv",
            message: "cannot read 'nothing.csv': no such file"),
        Row(
            name: "a directory", setup: students, input: "data load folder.csv",
            message: "cannot read 'folder.csv': it is a directory; expected a file"),
        Row(
            name: "an empty CSV", setup: students, input: "data load empty.csv",
            message: "empty.csv: the file is empty; expected a header row"),
        Row(
            name: "a CSV with only a header", setup: students, input: "data load headeronly.csv",
            message: "headeronly.csv: no data rows after the header"),
        Row(
            name: "a ragged CSV", setup: students, input: "data load ragged.csv",
            message: "ragged.csv:3:3: expected 3 fields like the header, found 2"),
        Row(
            name: "text in a numeric column", setup: students, input: "data load text.csv",
            message: "text.csv:3:2: expected a number, found 'abc'; only a target column may hold words"),
        Row(
            name: "a duplicated header", setup: students, input: "data load dup.csv",
            message: "dup.csv:1:2: duplicate column name 'x'"),
        Row(
            name: "a CSV that is not UTF-8", setup: students, input: "data load latin1.csv",
            message: "cannot read 'latin1.csv': it is not UTF-8 text"),
        Row(
            name: "a CSV wider than the network", setup: students, input: "data load wide.csv",
            message:
                "wide.csv has 3 inputs -> 1 target, but the network 2-2-1 takes 2 -> 1; build a network that fits first, for example 'net 3-2-1'"
        ),
        Row(
            name: "JSON without a network", setup: students, input: "import json nokeys.json",
            message: "nokeys.json: missing key 'network' (an object with sizes, activations, loss)"),
        Row(
            name: "JSON with missing parameters", setup: students, input: "import json shape.json",
            message: "shape.json: parameter 'w1_12' is missing; every one of the 9 parameters needs a value"),
        Row(
            name: "JSON with a non-finite number", setup: students, input: "import json nonfinite.json",
            message: "nonfinite.json: parameter 'w1_11' must be a finite number, found 'nan'"),
        Row(
            name: "truncated JSON", setup: students, input: "import json truncated.json",
            message:
                "truncated.json: not valid JSON (line 1, column 28: unexpected end of the file; expected ',' or ']'); expected an object like the one 'export json' writes"
        ),
        Row(
            name: "JSON sizes of the wrong shape", setup: students, input: "import json badsizes.json",
            message: "badsizes.json: 'network.sizes' must be a list of at least two layer sizes, like [2, 2, 1]"),
        Row(
            name: "JSON for a network too large", setup: students, input: "import json toobig.json",
            message: "toobig.json: the network is too large; at most 64 layers and 5000000 parameters"),
        Row(
            name: "export to a directory", setup: students, input: "export json folder.csv",
            message: "cannot write 'folder.csv': it is a directory; expected a file name"),
        Row(
            name: "export into a missing directory", setup: students, input: "export json no/such/dir.json",
            message: "cannot write 'no/such/dir.json': the directory 'no/such' does not exist"),
        Row(
            name: "a look-alike Cyrillic letter", setup: students, input: "st\u{435}p",
            message: "unknown command 'st\u{435}p' (it contains U+0435 CYRILLIC SMALL LETTER IE); did you mean 'step'?",
            column: 1),
        Row(
            name: "a look-alike letter in an option", setup: [], input: "net 2-2-1 \u{430}ct=relu",
            message: "unknown option '\u{430}ct='; did you mean 'act='? (it contains U+0430 CYRILLIC SMALL LETTER A)",
            column: 11),
        Row(
            name: "a zero-width space", setup: students, input: "st\u{200B}ep",
            message: "unknown command 'st\\u{200B}ep' (it contains U+200B ZERO WIDTH SPACE); did you mean 'step'?",
            column: 1),
        Row(
            name: "a no-break space", setup: students, input: "step\u{A0}1",
            message: "unknown command 'step\\u{A0}1' (it contains U+00A0 NO-BREAK SPACE); did you mean 'step'?",
            column: 1),
        Row(
            name: "an escape sequence in a file name", setup: students, input: "data load \u{1B}[2J.csv",
            message: "cannot read '\\u{1B}[2J.csv': no such file"),
        Row(
            name: "a NUL in a number", setup: students, input: "set lr 0.1\u{0}5",
            message: "expected a number for the learning rate, found '0.1\\u{0}5'", column: 8),
        Row(
            name: "a newline and an escape inside a JSON string", setup: students, input: "import json newline.json",
            message:
                "newline.json: unknown activation 'sig\\u{A}moid\\u{1B}[2J'; expected one of linear, sigmoid, tanh, relu, step, softmax"
        ),
        Row(
            name: "JSON nested 100,000 deep", setup: students, input: "import json deep.json",
            message:
                "deep.json: not valid JSON (line 1, column 201: nested more than 200 levels deep); expected an object like the one 'export json' writes"
        ),
        Row(
            name: "a FIFO with no writer", setup: students, input: "data load pipe.csv",
            message: "cannot read 'pipe.csv': it is a FIFO (a named pipe); expected a regular file"),
        Row(
            name: "import from a FIFO", setup: students, input: "import json pipe.csv",
            message: "cannot read 'pipe.csv': it is a FIFO (a named pipe); expected a regular file"),
        Row(
            name: "export over a FIFO", setup: students, input: "export json pipe.csv",
            message: "cannot write 'pipe.csv': it is a FIFO (a named pipe); expected a regular file"),
        Row(
            name: "a device", setup: students, input: "import json /dev/zero",
            message: "cannot read '/dev/zero': it is a device; expected a regular file"),
        Row(
            name: "export over a device", setup: students, input: "export json /dev/null",
            message: "cannot write '/dev/null': it is a device; expected a regular file"),
        Row(
            name: "a symbolic link loop", setup: students, input: "data load loop.csv",
            message: "cannot read 'loop.csv': too many levels of symbolic links"),
        Row(
            name: "a CSV over the size limit", setup: students, input: "data load huge.csv",
            message: "cannot read 'huge.csv': it is larger than 256 MB, the limit for a CSV file"),
        Row(
            name: "normalize values near 1e308", setup: ["net 1-1", "data load big.csv"], input: "data normalize",
            message:
                "cannot normalize 'x1': its mean is inf, not a finite number; the values are too large to standardise, so scale them down first"
        ),
        Row(
            name: "maps of every node of a large network", setup: ["net 2-320-320-1"], input: "show net --maps",
            message:
                "'show net --maps' draws every node, so it is kept to networks of at most 100000 parameters; this one has 104001: 'plot neuron O1_1' draws one node"
        ),
        Row(
            name: "the graph of a large network", setup: ["net 2-450-450-1"], input: "show graph",
            message:
                "'show graph' builds a node for every multiplication, so it is kept to networks of at most 200000 parameters; this one has 204751: 'show gradients' and 'inspect NAME' show the numbers"
        ),
        Row(
            name: "a class column of 1,001 words", setup: ["net 2-2-1"], input: "data load classes.csv",
            message:
                "classes.csv: column 'y' holds words; a class column may name at most 1000 different classes, and line 1002 names one more"
        ),
        Row(
            name: "a class name a million characters long", setup: ["net 2-2-1"], input: "data load longclass.csv",
            message:
                "longclass.csv: column 'y' holds words; a class name may be at most 100 characters, and the one on line 3 has 1000000"
        ),
        Row(
            name: "a column name a million characters long", setup: ["net 2-2-1"], input: "data load longname.csv",
            message: "longname.csv:1:1: a column name may be at most 100 characters, found one of 1000000"),
        Row(
            name: "one class with a newline in it", setup: ["net 2-2-2"], input: "data load oneclass.csv",
            message:
                "oneclass.csv has 1 class in 'y' (a\\u{A}b), but the network 2-2-2 has 2 outputs; build one with 1 output, for example 'net 2-8-1 act=sigmoid,softmax loss=cce'"
        ),
        Row(
            name: "data that does not fit because of computed inputs", setup: ["net 2-2-1", "data features x1^2"],
            input: "data xorcloud n=5",
            message:
                "xorcloud has 3 inputs -> 1 target, but the network 2-2-1 takes 2 -> 1; build a network that fits first, for example 'net 3-2-1' (the inputs include x1^2 from 'data features'; 'data features none' removes them)"
        ),
        Row(
            name: "undo with nothing to undo", setup: ["net 2-2-1"], input: "undo",
            message: "nothing to undo: no update has been made"),
        Row(
            name: "a perceptron asked for a gradient check",
            setup: ["net 2-1 act=step loss=perceptron init=0", "data and", "step"], input: "gradcheck",
            message:
                "a perceptron learns by the trick, not by a derivative (step′ = 0 everywhere), so there is no gradient to check"
        )
    ]

    /// The fault cases, for the document: what is done, what must hold, and where it is tested.
    static let faults: [(String, String, String)] = [
        (
            "a full disk (a 16 KB tmpfs) under `export json`",
            "the old file is whole, no temporary file, one-line message",
            "FileSafetyTests.testAFullDiskLeavesTheOldFileWhole"
        ),
        (
            "a file-size limit (`ulimit -f`)", "SIGXFSZ ignored, EFBIG reported, the old file whole",
            "FileSafetyTests.testAFileSizeLimitLeavesTheOldFileWhole"
        ),
        (
            "a full disk under the history file", "the history is as it was, one warning",
            "FaultTests.testAFullDiskKeepsTheHistoryFile"
        ),
        (
            "SIGTERM, SIGINT, SIGHUP during a long export", "the old or the whole new file, no temporary file",
            "FaultTests.testASignalDuringAnExportLeavesNoTemporaryFile"
        ),
        (
            "two shells at terminals typing in turn", "every line of both is in the history",
            "FaultTests.testTwoSessionsKeepEachOthersHistory"
        ),
        (
            "two sessions in two lessons", "the progress file has both",
            "LessonProgressTests.testTwoSessionsAtOnceLoseNothing"
        ),
        (
            "a symbolic link as the target", "the file it points to is replaced, the link stays",
            "FileSafetyTests.testASymlinkIsFollowedAndTheFileItPointsToIsReplaced"
        ),
        ("a 0600 target", "the mode stays 0600", "FileSafetyTests.testTheTargetsModeIsKept"),
        (
            "`--script /dev/zero`, `--check /dev/zero`, a FIFO with no writer", "refused at once, status 1",
            "FaultTests.testSpecialFilesAreRefusedAtOnce"
        ),
        ("a FIFO in the lesson folder", "`lessons` does not hang", "FaultTests.testAFIFOInTheLessonFolderDoesNotHang"),
        (
            "standard output `/dev/full` or closed", "status 1 and a message on standard error",
            "FaultTests.testAFailedWriteToStandardOutputIsStatusOneWithAMessage"
        ),
        (
            "standard input a directory or `/dev/zero`", "status 1 and a message",
            "FaultTests.testStandardInputThatIsNotAScript"
        ),
        (
            "`--ascii` over help, every help page, a lesson, errors", "every byte ASCII, no raw escape",
            "FaultTests.testASCIIOutputIsASCIIBytes"
        ),
        (
            "`ahead(100000, epochloss)` on 100,000 rows; Ctrl-C in a look ahead",
            "refused at once; stopped with a message", "BoundedWorkTests"
        ),
        (
            "`show gradients` after one step of 300-300-1 (21 MB before; about 2 KB now)",
            "a summary per layer with the commands for more", "SummarisedOutputTests"
        )
    ]

    /// Everything a command could change, as text.
    func fingerprint(_ session: Session) -> String {
        let state = session.state
        var text = state.training.map { JSONState.export(state, training: $0) } ?? "no network"
        if let data = state.pendingData { text += "\(data.name) \(data.inputs) \(data.targets)" }
        text += "\(state.settings) \(state.format.digits) \(String(describing: state.lastRun)) \(state.initName)"
        text += "\(state.training?.undoableCount ?? -1) \(state.training?.recorder.count ?? -1)"
        return text
    }

    func testEveryHostileInputGetsItsMessageAndChangesNothing() {
        for row in Self.rows {
            let session = Session(options: SessionOptions())
            session.directory = directory
            session.clock = { 0 }
            for line in row.setup { XCTAssertNil(session.evaluate(line).error, "\(row.name): setup '\(line)'") }
            let before = fingerprint(session)
            let outcome = session.evaluate(row.input)
            XCTAssertEqual(outcome.error?.message, row.message, row.name)
            if let column = row.column { XCTAssertEqual(outcome.error?.column, column, "\(row.name): column") }
            XCTAssertEqual(fingerprint(session), before, "\(row.name): the state changed")
            XCTAssertFalse(outcome.error?.message.contains("\n") ?? true, "\(row.name): the message must be one line")
        }
    }

    func testATerminalGetsACaretAndTildesUnderTheBadWord() {
        var options = SessionOptions()
        options.interactive = true
        let session = Session(options: options)
        let reply = session.execute("net 2-2-1 act=sigmod")
        XCTAssertEqual(
            reply.error,
            String(repeating: " ", count: "nnstep> ".count + 14)
                + "^~~~~~\nerror: unknown activation 'sigmod'; did you mean 'sigmoid'?")
    }

    /// docs/HOSTILE-INPUTS.md is this table, rendered; it is re-recorded with NNSTEP_RECORD=1.
    func testTheDocumentedTableIsThisTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("docs/HOSTILE-INPUTS.md")
        func cell(_ text: String) -> String {
            let visible = text.unicodeScalars.map {
                PlainText.isControl($0) || PlainText.isInvisible($0) ? PlainText.escaped($0) : String($0)
            }.joined()
            let short = visible.count > 60 ? String(visible.prefix(57)) + "…" : visible
            return "`" + short.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'") + "`"
        }
        var text = """
            # Hostile inputs

            What nnstep answers to input that is wrong, strange or hostile. Every row is checked by
            `Tests/NNShellTests/HostileInputTests.swift`: the message must be exactly this one line,
            and the session after the error must equal the session before it. Regenerate this file
            with `NNSTEP_RECORD=1 swift test --filter HostileInputTests` (which then fails once, by
            design), and run the tests again.

            | case | after | input | message |
            |---|---|---|---|

            """
        for row in Self.rows {
            let setup = row.setup.isEmpty ? "(nothing)" : row.setup.joined(separator: "; ")
            text +=
                "| \(row.name) | \(setup) | \(cell(row.input)) | \(row.message.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        text +=
            "\n## Faults\n\nCases that build their own conditions, each checked by the test named.\n\n| fault | what holds | test |\n|---|---|---|\n"
        for fault in Self.faults { text += "| \(fault.0) | \(fault.1) | `\(fault.2)` |\n" }
        Golden.assertMatches(text, url)
    }

    /// A learning rate of 1e3 blows up at once; the course's run blows up more slowly. Either
    /// way nnstep names the update, keeps the last finite state, and undo and inspect work.
    func testDivergenceIsAnEventWithTheLastFiniteStateKept() throws {
        for (rate, command) in [("1e3", "epoch 5"), ("0.1", "epoch 50")] {
            let session = Session(options: SessionOptions())
            session.clock = { 0 }
            for line in ["net 2-2-1", "data students", "set lr \(rate)"] { XCTAssertNil(session.evaluate(line).error) }
            let outcome = session.evaluate(command)
            XCTAssertNil(outcome.error, "divergence is not a failed command")
            let training = try XCTUnwrap(session.state.training)
            XCTAssertTrue(
                outcome.output.contains("diverged at update \(training.updateCount + 1): the loss became inf"),
                outcome.output)
            XCTAssertTrue(outcome.output.contains("'set lr 0.001'") && outcome.output.contains("'data normalize'"))
            XCTAssertFalse(outcome.output.lowercased().contains("nan"), outcome.output)
            XCTAssertTrue(training.network.parameters.allSatisfy(\.isFinite))
            XCTAssertNil(session.evaluate("inspect w1_11").error)
            XCTAssertNil(session.evaluate("undo").error)
            XCTAssertEqual(session.state.training?.updateCount, training.updateCount - 1)
        }
    }
}
