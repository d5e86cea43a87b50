import Foundation
import XCTest

@testable import NNShell

/// `plot neuron`, `show net --maps` and the boundary shaded by the output's value, checked
/// against values worked out by hand from the parameters.
final class NeuronMapTests: XCTestCase {
    func session(_ lines: [String]) -> Session {
        var options = SessionOptions()
        options.width = 80
        let session = Session(options: options)
        for line in lines { XCTAssertNil(session.evaluate(line).error, line) }
        return session
    }

    /// Found by the hostile-input sweep: with one-hot targets every point got class 0, because the
    /// classes were the largest index of each target rather than the index of its 1.
    func testOneHotPointsGetTheirOwnClass() throws {
        let path = NSTemporaryDirectory() + "nnstep-onehot-\(getpid()).csv"
        try "x1,x2,y\n1,2,cat\n3,4,dog\n5,6,bird\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = session(["net 2-2-3", "data load \(path)"])
        let training = try XCTUnwrap(session.state.training)
        let map = try NeuronMap(training, layer: 1, node: 1, preActivation: false, label: "O", columns: 2, rows: 2)
        XCTAssertEqual(map.points.map(\.label), [1, 2, 0], "bird, cat, dog sorted: cat 1, dog 2, bird 0")
    }

    /// z = 2·x1 − x2 + 0.5 at every cell centre of the SVG, and the caption's range is the
    /// smallest and largest of those centres.
    func testEveryCellIsTheNodeAtItsCentre() throws {
        let setup = [
            "net 2-1 init=0", "set w1_11 2", "set w1_21 -1", "set b1_1 0.5",
            "data add 0 0 -> 0", "data add 1 2 -> 1"
        ]
        let session = session(setup)
        let svg = session.evaluate("plot neuron O1_1 --svg -").output
        let root = try XCTUnwrap(XMLNode.parse(Data(svg.utf8)))
        let cells = root.elements("rect").filter { $0["data-value"] != nil }
        // The data spans x1 ∈ [0, 1], x2 ∈ [0, 2], padded by 8% on each side.
        let x = (-0.08)...1.08, y = (-0.16)...2.16
        let columns = 64, rows = cells.count / columns
        XCTAssertEqual(cells.count, columns * rows)
        XCTAssertGreaterThanOrEqual(rows, 8)
        for (n, cell) in cells.enumerated() {
            let (r, c) = (n / columns, n % columns)
            let x1 = x.lowerBound + (Double(c) + 0.5) / Double(columns) * (x.upperBound - x.lowerBound)
            let x2 = y.upperBound - (Double(r) + 0.5) / Double(rows) * (y.upperBound - y.lowerBound)
            XCTAssertEqual(
                try XCTUnwrap(cell.number("data-value")), 2 * x1 - x2 + 0.5, accuracy: 1e-12, "cell \(r),\(c)")
        }
        let text = session.evaluate("plot neuron O1_1").output
        let lowest = 2 * (x.lowerBound + 0.5 / 64 * 1.16) - (y.upperBound - 0.5 / Double(rows) * 2.32) + 0.5
        XCTAssertTrue(text.contains("from \(session.state.format(lowest)) to"), text)
        XCTAssertTrue(text.hasPrefix("O₁₁ over (x1, x2)\n"), text)
    }

    func testNodesAreNamedAsEverywhereElse() {
        let session = session(["net 2-3-1 act=tanh,sigmoid init=xavier seed=1"])
        XCTAssertNil(session.evaluate("plot neuron z1_3").error)
        XCTAssertNil(session.evaluate("plot neuron yhat").error)
        XCTAssertEqual(
            session.evaluate("plot neuron O3_1").error?.message,
            "this network has no node 'O3_1': layer 1 has 3, layer 2 has 1")
        XCTAssertEqual(
            session.evaluate("plot neuron").error?.message, "'plot neuron' needs a node, like 'plot neuron O1_2'")
        let wide = self.session(["net 3-2-1"])
        XCTAssertEqual(
            wide.evaluate("plot neuron O1_1").error?.message,
            "a node's map is drawn over two inputs; this network has 3")
    }

    func testShowNetMapsEveryNode() {
        let session = session(["net 2-3-1 act=tanh,sigmoid init=xavier seed=1", "data xor"])
        let text = session.evaluate("show net --maps").output
        for name in ["O₁₁", "O₁₂", "O₁₃", "O₂₁"] { XCTAssertTrue(text.contains(name + " "), name) }
        XCTAssertTrue(text.contains("layer 1:") && text.contains("output layer 2:"), text)
    }

    /// A sigmoid output on 0/1 labels is shaded in four bands of ŷ; a step output by class.
    func testTheBoundaryIsShadedByTheOutputsValue() {
        let session = session(["net 2-1 act=sigmoid loss=bce init=0", "set w1_11 3", "data and"])
        let text = session.evaluate("plot boundary").output
        XCTAssertTrue(
            text.contains("▒ ŷ ≥ 0.8 (y=1)") && text.contains("░ 0.5 ≤ ŷ < 0.8 (y=1)")
                && text.contains("· 0.2 ≤ ŷ < 0.5 (y=0)") && text.contains("(blank) ŷ < 0.2 (y=0)"), text)
        // ŷ = σ(3·x1): at x1 = 1 it is 0.95 (band 3), at x1 = 0 exactly 0.5 (band 2).
        let map = try? BoundaryMap(session.state.training!, notation: Notation(ascii: false), format: NumberFormat())
        XCTAssertEqual(map?.scoreBands([1, 0, 0, 0, -1, 0, -0.2, 0]), [3, 2, 0, 1])
        let svg = session.evaluate("plot boundary --svg -").output
        XCTAssertTrue(svg.contains("lighter tint: less sure, 0.2 ≤ ŷ &lt; 0.8"), "the SVG key names the lighter bands")
        XCTAssertTrue(svg.contains("fill-opacity=\"0.45\""), "and the regions use them")
        let perceptron = self.session(["net 2-1 act=step loss=perceptron init=0.1", "data and"])
        XCTAssertTrue(perceptron.evaluate("plot boundary").output.contains("predicts y=1"))
    }
}

/// `epoch N --watch` off a terminal: the last frame only, and the same state as `epoch N`.
final class EpochWatchTests: XCTestCase {
    func testOffATerminalTheLastFrameIsPrintedAndTheStateIsThatOfEpoch() throws {
        let setup = ["net 2-4-1 act=tanh,sigmoid loss=bce init=xavier seed=3", "data xor", "set lr 0.5"]
        let watched = Session(options: SessionOptions()), plain = Session(options: SessionOptions())
        for line in setup { XCTAssertNil(watched.evaluate(line).error); XCTAssertNil(plain.evaluate(line).error) }
        let output = watched.evaluate("epoch 30 --watch").output
        XCTAssertNil(plain.evaluate("epoch 30").error)
        XCTAssertEqual(output.components(separatedBy: "epoch 30 of 30 · η = 0.5 · mean loss").count, 2, output)
        XCTAssertFalse(output.contains("Space pauses"), "no keys off a terminal")
        XCTAssertTrue(
            output.contains("mean loss of each epoch") && output.contains("points are on their own class's side"))
        XCTAssertTrue(output.contains("30 epochs, 120 updates in"), output)
        XCTAssertEqual(watched.state.training?.network.parameters, plain.state.training?.network.parameters)
        XCTAssertEqual(
            watched.state.training?.recorder.epochBuckets.map(\.mean),
            plain.state.training?.recorder.epochBuckets.map(\.mean))
        XCTAssertEqual(
            watched.evaluate("epoch 2 3 --watch").error?.message, "unexpected '3'; usage: epoch [N] [--watch]")
    }

    func testFramesAreDrawnAndQStopsKeepingTheUpdates() throws {
        let session = Session(options: SessionOptions())
        for line in ["net 2-4-1 act=tanh,sigmoid init=xavier seed=3", "data xor"] {
            XCTAssertNil(session.evaluate(line).error)
        }
        var frames: [String] = []
        var keys: [UInt8] = []
        let clock = FakeClock()
        session.clock = { clock.tick() * 50 }  // 50 ms a reading
        session.frameSink = { frame in
            frames.append(frame)
            if frames.count == 3 { keys = [UInt8(ascii: "q")] }
        }
        session.keyPoll = { keys.popLast() }
        let output = session.evaluate("epoch 1000 --watch").output
        XCTAssertTrue(output.contains("stopped after epoch"), output)
        let updates = try XCTUnwrap(session.state.training?.updateCount)
        XCTAssertGreaterThan(updates, 0)
        XCTAssertLessThan(updates, 4000)
        XCTAssertEqual(frames.count, 4, "three frames while running, and the last")
        XCTAssertTrue(frames[0].contains("Space pauses, q stops"))
        XCTAssertFalse(output.contains("mean loss of each epoch"), "at a terminal the last frame is not printed again")
    }
}
