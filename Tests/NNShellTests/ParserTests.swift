import NNEngine
import XCTest

@testable import NNShell

/// The command line's words, names and numbers, and what TAB offers.
final class ParserTests: XCTestCase {
    func testWordsKeepTheirColumnsAndQuotesGroupSpaces() throws {
        let tokens = try Token.split("  data load \"my data.csv\"  target=y")
        XCTAssertEqual(
            tokens,
            [
                Token("data", column: 3), Token("load", column: 8), Token("my data.csv", column: 13),
                Token("target=y", column: 28)
            ])
        XCTAssertEqual(try Token.split(""), [])
        XCTAssertThrowsError(try Token.split("load \"open")) { error in
            XCTAssertEqual((error as? ShellError)?.column, 6)
        }
    }

    func testTyposAreOneEditAwayIncludingSwaps() {
        XCTAssertEqual(editDistance("stpe", "step"), 1)
        XCTAssertEqual(editDistance("shwo", "show"), 1)
        XCTAssertEqual(editDistance("epcoh", "epoch"), 1)
        XCTAssertEqual(nearest("inspcet", in: Command.all.map(\.name)), "inspect")
        XCTAssertNil(nearest("xyzzy", in: Command.all.map(\.name)))
    }

    func testNumbersAreFiniteDecimalsOnly() throws {
        let accepted = ["0.1": 0.1, "-2": -2.0, "1e-3": 0.001, "+4": 4.0, "-0": 0.0]
        for (text, value) in accepted {
            XCTAssertEqual(try Arguments.number(Token(text, column: 1), "x"), value, text)
        }
        for text in ["nan", "inf", "-inf", "1e999", "0x10", "1,5", "", "one", "1e", "--1"] {
            XCTAssertThrowsError(try Arguments.number(Token(text, column: 1), "x"), text)
        }
        XCTAssertEqual(try Arguments.number(Token("-0", column: 1), "x").sign, .plus)
    }

    func testParameterNamesInBothForms() {
        XCTAssertEqual(NNEngineParameter(name: "w2_11"), .weight(layer: 2, from: 1, to: 1))
        XCTAssertEqual(NNEngineParameter(name: "w2_1_1"), .weight(layer: 2, from: 1, to: 1))
        XCTAssertEqual(NNEngineParameter(name: "w1_3_12"), .weight(layer: 1, from: 3, to: 12))
        XCTAssertEqual(NNEngineParameter(name: "B1_2"), .bias(layer: 1, node: 2))
        XCTAssertEqual(NNEngineParameter.weight(layer: 1, from: 3, to: 12).asciiName, "w1_3_12")
        XCTAssertEqual(NNEngineParameter.weight(layer: 1, from: 3, to: 2).asciiName, "w1_32")
        for bad in ["w2_1", "w2_111", "w_11", "x2_11", "b1", "w2_1a", "w2__11", "b1_2_3"] {
            XCTAssertNil(NNEngineParameter(name: bad), bad)
        }
    }

    func testAScriptWithWindowsLineEndingsRunsLineByLine() {
        let session = Session(options: SessionOptions())
        var output = "", errors = ""
        let status = ScriptRunner.run(
            source: "net 2-2-1\r\ndata students\r\nstep\r\n", fileName: "crlf.nn", session: session,
            keepGoing: false, output: { output += $0 }, errorOutput: { errors += $0 })
        XCTAssertEqual(status, 0, errors)
        XCTAssertEqual(session.state.training?.updateCount, 1)
        XCTAssertTrue(output.contains("> data students\n"))
    }

    func testTabOffersCommandsSubcommandsNamesDataSetsAndFiles() {
        let session = Session(options: SessionOptions())
        XCTAssertEqual(session.complete("sh"), ["show"])
        XCTAssertEqual(session.complete("show g"), ["gradients", "graph"])
        XCTAssertEqual(session.complete("data m"), ["moons", "multigauss"])
        XCTAssertEqual(session.complete("data circles no"), ["noise="])
        XCTAssertEqual(session.complete("net 2-2-1 act=s"), ["act=sigmoid", "act=step", "act=softmax"])
        XCTAssertEqual(session.complete("net 2-2-1 act=relu,l"), ["act=relu,linear"])
        _ = session.evaluate("net 2-2-1")
        XCTAssertEqual(session.complete("set w2"), ["w2_11", "w2_21"])
        XCTAssertEqual(session.complete("inspect b"), ["b1_1", "b1_2", "b2_1"])
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        FileManager.default.changeCurrentDirectoryPath(root)
        XCTAssertEqual(session.complete("data load Benchmarks/data/xor"), ["Benchmarks/data/xor100.csv"])
        XCTAssertEqual(session.complete("import json Benchm"), ["Benchmarks/"])
    }
}

typealias NNEngineParameter = NNEngine.Parameter
