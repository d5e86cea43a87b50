import XCTest

@testable import NNEngine
@testable import NNShell

/// `data split`, `data features` and `data export` through the shell, against the engine.
final class DataPreparationShellTests: XCTestCase {
    private func exported(_ script: String) throws -> [String: JSONValue] {
        let output = TranscriptTests.run(script + "\nexport json\n", name: "data-test", ascii: true)
        XCTAssertTrue(output.hasSuffix("[exit 0]\n"), output)
        let json = String(output[output.range(of: "> export json\n", options: .backwards)!.upperBound...]).dropLast(
            "[exit 0]\n".count)
        guard case .object(let root) = try JSONValue.parse(String(json)) else { throw XCTSkip("not an object") }
        return root
    }

    func testTestLossIsTheMeanLossOverTheHeldOutRows() throws {
        let root = try exported(
            """
            data moons n=50 seed=4
            data split test=0.2 seed=9
            net 2-4-1 act=tanh,sigmoid loss=bce init=xavier seed=1
            epoch 3
            """)
        var network = Network(sizes: [2, 4, 1], activations: [.tanh, .sigmoid], loss: .bce)
        Initializer.xavier.initialize(&network, seed: 1)
        let (train, test) = DataSplit(testFraction: 0.2, seed: 9).split(
            try XCTUnwrap(BuiltinData.make("moons", seed: 4, count: 50)))
        var training = Training(network: network, data: train)
        _ = try training.run(.passes(3))
        XCTAssertEqual(root["test_loss"], .number(training.network.meanLoss(on: test)))
        XCTAssertEqual(root["test_rows"], .number(10))
        XCTAssertEqual(root["data_loss"], .number(training.network.meanLoss(on: train)))
        XCTAssertEqual(root["steps"], .number(120), "3 epochs over the 40 training rows")
    }

    func testFeaturesWidenTheInputsAndTheNetworkFollows() throws {
        let output = TranscriptTests.run(
            """
            net 2-2-1
            data and
            data features x1^2 x1*x2 sin(x2)
            step
            net 5-2-1
            step
            data features none
            """, name: "features-test", ascii: true)
        XCTAssertTrue(output.contains("the inputs are now x1, x2, x1^2, x1*x2, sin(x2) (5)"), output)
        XCTAssertTrue(
            output.contains(
                "but the network 2-2-1 takes 2 -> 1; build a network that fits first, for example 'net 5-2-1'"), output)
        XCTAssertTrue(output.contains("x = (0, 0, 0, 0, 0)"), output)
    }

    /// Found by the hostile-input sweep: with no data, 'data features' said "the inputs are now x1, x2 (2)"
    /// (the network's inputs, without the new column), and 'data features none' named the network's.
    func testFeaturesBeforeAnyDataSayTheyWaitForTheData() throws {
        let output = TranscriptTests.run(
            """
            net 2-2-1
            data features x1^2
            data features none
            """, name: "features-no-data", ascii: true)
        XCTAssertTrue(
            output.contains(
                "computed inputs: x1^2\nthere is no data yet: they will be added to the data you choose next\n"), output
        )
        XCTAssertTrue(output.contains("> data features none\nno computed inputs\n[exit 0]"), output)
        XCTAssertFalse(output.contains("the inputs are now"), output)
    }

    func testExportWritesTheColumnsTheSplitAndClassNamesAndReadsBack() throws {
        let path = "/tmp/nnstep-data-export-\(getpid()).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = TranscriptTests.run(
            """
            data xorcloud n=10 seed=3
            data features x1*x2
            data split test=0.3 seed=1
            data export \(path)
            """, name: "export-test", ascii: true)
        XCTAssertTrue(output.contains("wrote 10 rows (x1, x2, x1*x2 -> y, split) to \(path)"), output)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.first, "x1,x2,x1*x2,y,split")
        let data = try XCTUnwrap(BuiltinData.make("xorcloud", seed: 3, count: 10)).withFeatures([.product(0, 1)])
        let held = DataSplit(testFraction: 0.3, seed: 1).isTest(rows: 10)
        // Read back with the split as the target, the file gives the very numbers and marks.
        let back = try CSV.parse(text, name: "back", targets: ["split"])
        XCTAssertEqual(back.featureNames, ["x1", "x2", "x1*x2", "y"])
        XCTAssertEqual(back.classNames, ["test", "train"])
        for row in 0..<10 {
            XCTAssertEqual(
                Array(back.features(row: row)), Array(data.features(row: row)) + Array(data.target(row: row)))
            XCTAssertEqual(back.targets[row], held[row] ? 0 : 1)
        }
        XCTAssertEqual(Command.csvField("a,b"), "\"a,b\"")
        XCTAssertEqual(Command.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(Command.csvField("plain"), "plain")
    }

    /// Each mistake in a data command has its one-line message and leaves the session as it was.
    func testMistakesInDataCommandsHaveTheirMessageAndChangeNothing() throws {
        let directory = NSTemporaryDirectory() + "nnstep-data-mistakes-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = [
            "quote.csv": "x,y\n1,2\"3\n", "open.csv": "x,y\n1,\"2\n", "gap.csv": "x,y,z\n1,,3\n",
            "iris.csv": "a,b,kind\n1,2,cat\n3,4,dog\n5,6,cow\n"
        ]
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        let cases: [(String, String)] = [
            (
                "data load quote.csv",
                "quote.csv:2:2: stray '\"' in an unquoted field; quote the whole field and double any quote inside (\"\")"
            ),
            ("data load open.csv", "open.csv:2:2: a quote opened here is never closed"),
            ("data load gap.csv", "gap.csv:2:2: missing value in column 'y'; every field needs a number"),
            // x1*x2 makes the file's two inputs three
            (
                "data load iris.csv",
                "iris.csv has 3 classes in 'kind' (cat, cow, dog), but the network 3-3-1 has 1 output; "
                    + "build one with 3 outputs, for example 'net 3-8-3 act=sigmoid,softmax loss=cce'"
            ),
            ("data load iris.csv sep=|", "unknown separator '|'; expected sep=, sep=; or sep=tab"),
            ("data moons noise=abc", "expected a number for noise=, found 'abc'"),
            ("data moons noise=11", "noise= is a standard deviation from 0 to 10, found 11"),
            ("data split test=0", "test= is the share of rows held out, between 0 and 1 (like 0.3), found 0"),
            ("data split test=1", "test= is the share of rows held out, between 0 and 1 (like 0.3), found 1"),
            ("data features x3^2", "x3^2 needs input x3, but the data has 2 inputs"),
            ("data features x1^2 x1*x1", "x1^2 is listed twice"),
            (
                "data features tan(x1)",
                "expected a computed input like x1^2, x1*x2, sin(x1) or cos(x1), found 'tan(x1)'"
            ),
            (
                "data export",
                "'data export' needs a file name, like 'data export points.csv'; usage: \(Command.data.usage)"
            )
        ]
        for (input, message) in cases {
            let session = Session(options: SessionOptions())
            session.directory = directory
            session.clock = { 0 }
            for line in [
                "net 2-3-1 act=tanh,sigmoid", "data moons n=10 seed=1", "data split test=0.3", "data features x1*x2",
                "net 3-3-1 act=tanh,sigmoid", "epoch 1"
            ] {
                XCTAssertNil(session.evaluate(line).error, line)
            }
            let before = session.evaluate("data show").output + session.evaluate("export json").output
            let outcome = session.evaluate(input)
            XCTAssertEqual(outcome.error?.message, message, input)
            XCTAssertEqual(
                session.evaluate("data show").output + session.evaluate("export json").output, before,
                "\(input) changed the session")
        }
    }
}

/// Random class names with separators, quotes, spaces and line breaks survive `csvField` and
/// the reader: the round trip gives back every name and every number.
final class CSVRoundTripTests: XCTestCase {
    func testRandomQuotedFieldsReadBackExactly() throws {
        var random = SplitMix64(seed: 77)
        let alphabet = Array("ab,;\t\" \n\r\u{E9}x")
        for round in 0..<300 {
            var names: [String] = []
            var text = "x1,\"x,2\",label\n"
            var numbers: [Double] = []
            for _ in 0..<(1 + random.index(below: 6)) {
                let length = 1 + random.index(below: 8)
                var name = "w" + String((0..<length).map { _ in alphabet[random.index(below: alphabet.count)] })
                while name.last == " " || name.last == "\t" { name.removeLast() }
                let x = [Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF), random.uniform(-1e6, 1e6)]
                names.append(name)
                numbers += x
                text +=
                    x.map { "\($0)" }.joined(separator: ",") + "," + Command.csvField(name)
                    + (round % 2 == 0 ? "\n" : "\r\n")
            }
            let data = try CSV.parse(text, name: "r", targets: nil, separator: .comma)
            XCTAssertEqual(data.featureNames, ["x1", "x,2"])
            XCTAssertEqual(data.inputs.map(\.bitPattern), numbers.map(\.bitPattern), "round \(round)")
            XCTAssertEqual(data.classNames, Array(Set(names)).sorted(), "round \(round): \(text.debugDescription)")
            XCTAssertEqual((0..<data.count).map { data.classNames[Int(data.targets[$0])] }, names)
        }
    }
}
