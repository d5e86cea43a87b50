import NNEngine
import XCTest

@testable import NNShell

/// `plot` as a command: its mistakes, its kept runs, and the axes' ticks.
final class PlotCommandTests: XCTestCase {
    func session(_ setup: [String]) -> Session {
        let session = PlotGoldenTests.session(ascii: false, width: 80)
        for line in setup { XCTAssertNil(session.evaluate(line).error, line) }
        return session
    }

    static let trained = PlotGoldenTests.twoTwoOne + ["epoch 3"]

    func testMistakesSayWhatWasExpected() {
        let cases: [(sentence: String, setup: [String], line: String, message: String)] = [
            (
                "plot alone asks what to draw", Self.trained, "plot",
                "'plot' needs what to draw; usage: plot loss|weights|grads|boundary … [--svg FILE], or plot keep NAME|runs|forget NAME"
            ),
            ("a misspelt topic gets a suggestion", Self.trained, "plot los", "cannot plot 'los'; did you mean 'loss'?"),
            (
                "a misspelt option gets a suggestion", Self.trained, "plot loss --sgv a.svg",
                "unknown option '--sgv'; did you mean '--svg'?"
            ),
            ("--svg needs a file", Self.trained, "plot loss --svg", "'--svg' needs a file name, like '--svg loss.svg'"),
            (
                "loss takes updates or epochs", Self.trained, "plot loss steps2",
                "expected 'updates' or 'epochs' after 'plot loss', found 'steps2'"
            ),
            ("a layer must exist", Self.trained, "plot weights 3", "the layer must be between 1 and 2, found 3"),
            (
                "a parameter must exist", Self.trained, "plot weights w3_11",
                "this 2-2-1 network has no parameter 'w3_11'; it has w1_11 … b2_1; did you mean 'w1_11'?"
            ),
            (
                "grads take no words", Self.trained, "plot grads 1",
                "unexpected '1'; usage: plot grads [--linear] [--svg FILE]"
            ),
            (
                "a boundary needs classes", Self.trained, "plot boundary",
                "'plot boundary' needs class labels such as 0 and 1, but salary takes 4 different values; try it on classification data such as 'data and' or 'data moons', or see this fit with 'plot loss'"
            ),
            (
                "a boundary needs two inputs", ["net 3-1", "data add 1 2 3 -> 1"], "plot boundary",
                "'plot boundary' draws data with two inputs; your data has 3 (x1, x2, x3)"
            ),
            (
                "nothing to plot before a network", [], "plot loss",
                "no network yet; build one first, for example 'net 2-2-1', or 'load' a lesson"
            ),
            (
                "keep needs a name", Self.trained, "plot keep",
                "'plot keep' needs one name for this run, like 'plot keep sgd'; usage: plot loss|weights|grads|boundary … [--svg FILE], or plot keep NAME|runs|forget NAME"
            ),
            (
                "keep needs some training", PlotGoldenTests.twoTwoOne, "plot keep a",
                "nothing to keep yet: train first with 'step' or 'epoch'"
            ),
            (
                "forget names a kept run", Self.trained + ["plot keep sgd"], "plot forget sdg",
                "no kept run 'sdg'; did you mean 'sgd'?"
            ),
            (
                "keep writes no SVG", Self.trained, "plot keep a --svg a.svg",
                "'--svg' goes with a picture, like 'plot loss --svg loss.svg'"
            )
        ]
        for test in cases {
            let outcome = session(test.setup).evaluate(test.line)
            XCTAssertEqual(outcome.error?.message, test.message, test.sentence)
        }
    }

    func testKeptRunsAreListedReplacedAndForgotten() {
        let session = session(Self.trained)
        XCTAssertEqual(session.evaluate("plot runs").output, "no kept runs; 'plot keep NAME' keeps the current one\n")
        XCTAssertTrue(
            session.evaluate("plot keep sgd").output.hasPrefix("kept run 'sgd': 2-2-1, sgd, η = 0.01, 12 updates."))
        XCTAssertTrue(session.evaluate("plot keep sgd").output.hasPrefix("replaced run 'sgd'"))
        _ = session.evaluate("reset"); _ = session.evaluate("set mode batch"); _ = session.evaluate("epoch 3")
        _ = session.evaluate("plot keep batch")
        XCTAssertEqual(
            session.evaluate("plot runs").output,
            "  sgd: 2-2-1, sgd, η = 0.01, 12 updates\n  batch: 2-2-1, batch, η = 0.01, 3 updates\n")
        XCTAssertEqual(session.state.savedRuns.map { $0.epochs.map(\.first) }, [[1, 2, 3], [1, 2, 3]])
        XCTAssertEqual(session.evaluate("plot forget sgd").output, "forgot run 'sgd'\n")
        XCTAssertEqual(session.evaluate("plot forget all").output, "forgot 1 kept run\n")
        XCTAssertTrue(session.state.savedRuns.isEmpty)
    }

    func testTheCurrentRunIsNotDrawnTwiceWhenItWasJustKept() {
        let session = session(Self.trained + ["plot keep first"])
        let panel = PlotData.lossPanel(
            current: PlotData.run(session.state.training!, name: "this run", notation: Notation(ascii: false)),
            kept: session.state.savedRuns, axis: nil, logY: false)
        XCTAssertEqual(
            panel.series.map(\.name), ["loss of each update", "mean loss of each epoch (at its last update)"])
    }

    func testTicksAreRoundNumbersCoveringTheData() {
        let cases: [(low: Double, high: Double, count: Int, ticks: [Double])] = [
            (0.0003, 28.26, 5, [0, 10, 20, 30]),
            (1, 200, 7, [0, 50, 100, 150, 200]),
            (-0.3, 0.72, 5, [-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8]),
            (5, 5, 3, [2, 4, 6, 8])
        ]
        for test in cases {
            let axis = PlotAxis.linear(test.low, test.high, tickCount: test.count)
            XCTAssertEqual(axis.ticks, test.ticks, "\(test.low)…\(test.high)")
            XCTAssertLessThanOrEqual(axis.low, test.low); XCTAssertGreaterThanOrEqual(axis.high, test.high)
        }
        XCTAssertEqual(PlotAxis.logarithmic(0.0003, 28, tickCount: 7).ticks, [1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100])
        XCTAssertEqual(PlotAxis.logarithmic(0.3, 0.9, tickCount: 7).ticks, [0.2, 0.5, 1])
        XCTAssertEqual(PlotAxis.logarithmic(1e-9, 1e3, tickCount: 5).ticks, [1e-9, 1e-6, 1e-3, 1, 1e3])
        let log = PlotAxis.logarithmic(1e-9, 1e3, tickCount: 5)
        XCTAssertEqual(log.ticks.map(log.label), ["1e-9", "1e-6", "0.001", "1", "1000"])
        XCTAssertEqual(
            PlotAxis.linear(0, 3e6, tickCount: 4).ticks.map(PlotAxis.linear(0, 3e6, tickCount: 4).label),
            ["0", "1e6", "2e6", "3e6"])
        XCTAssertEqual(PlotAxis.linear(-0.3, 0.72, tickCount: 5).label(-0.2), "-0.2")
    }
}
