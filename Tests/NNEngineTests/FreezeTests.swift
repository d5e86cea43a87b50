import XCTest

@testable import NNEngine

/// Frozen parameters keep their values; their gradients are still computed.
final class FreezeTests: XCTestCase {
    /// Mazur's 2-2-2 sigmoid network ("A Step by Step Backpropagation Example"), his biases frozen.
    func mazur() -> Training {
        var network = Network(sizes: [2, 2, 2], activations: [.sigmoid, .sigmoid], loss: .mse)
        let values: [(Parameter, Double)] = [
            (.weight(layer: 1, from: 1, to: 1), 0.15), (.weight(layer: 1, from: 2, to: 1), 0.20),
            (.weight(layer: 1, from: 1, to: 2), 0.25), (.weight(layer: 1, from: 2, to: 2), 0.30),
            (.weight(layer: 2, from: 1, to: 1), 0.40), (.weight(layer: 2, from: 2, to: 1), 0.45),
            (.weight(layer: 2, from: 1, to: 2), 0.50), (.weight(layer: 2, from: 2, to: 2), 0.55),
            (.bias(layer: 1, node: 1), 0.35), (.bias(layer: 1, node: 2), 0.35),
            (.bias(layer: 2, node: 1), 0.60), (.bias(layer: 2, node: 2), 0.60)
        ]
        for (parameter, value) in values { network.parameters[network.index(of: parameter)!] = value }
        let data = DataSet(
            name: "mazur", featureNames: ["i1", "i2"], targetNames: ["o1", "o2"],
            inputs: [0.05, 0.10], targets: [0.01, 0.99])
        var training = Training(network: network, data: data)
        training.settings.learningRate = 0.5
        training.settings.frozen = (0..<network.parameterCount).filter {
            if case .bias = network.parameter(at: $0) { return true } else { return false }
        }
        return training
    }

    func testMazursNumbersWithHisBiasesFrozen() throws {
        var t = mazur()
        // Before: his E_total 0.298371109 (mse here is the mean of (y−ŷ)², his Σ½(t−o)²).
        XCTAssertEqual(t.network.meanLoss(on: t.data), 0.298371109, accuracy: 5e-10)
        _ = try t.run(.updates(1))
        // His w5 after one update: 0.35891648; w1: 0.149780716.
        XCTAssertEqual(t.network.weight(2, 1, 1), 0.35891648, accuracy: 5e-9)
        XCTAssertEqual(t.network.weight(1, 1, 1), 0.149780716, accuracy: 5e-10)
        XCTAssertEqual(t.network.meanLoss(on: t.data), 0.291027774, accuracy: 5e-10)
        _ = try t.run(.updates(9_999))
        XCTAssertEqual(t.network.meanLoss(on: t.data), 3.51019e-5, accuracy: 5e-11)
        XCTAssertEqual(t.network.bias(1, 1), 0.35)
        XCTAssertEqual(t.network.bias(2, 2), 0.60)
    }

    func testAFrozenParameterKeepsItsValueButItsGradientIsStillComputed() throws {
        for mode in TrainingSettings.Mode.allCases {
            var t = mazur()
            t.settings.mode = mode
            t.settings.frozen = [0, 9]
            let before = t.network.parameters
            _ = try t.run(.updates(3))
            XCTAssertEqual(t.network.parameters[0].bitPattern, before[0].bitPattern)
            XCTAssertEqual(t.network.parameters[9].bitPattern, before[9].bitPattern)
            XCTAssertNotEqual(t.network.parameters[1], before[1])
            let record = try XCTUnwrap(t.lastStep)
            XCTAssertNotEqual(record.gradient[0], 0)
            XCTAssertEqual(record.frozen, [0, 9])
            // The others move exactly as plain gradient descent would with the same G.
            XCTAssertEqual(record.parametersAfter[1], record.parametersBefore[1] - 0.5 * record.gradient[1])
        }
    }

    func testUndoAndReplayKeepTheFrozenSet() throws {
        var t = mazur()
        _ = try t.run(.updates(5))
        t.settings.frozen = []
        _ = try t.run(.updates(5))
        var u = mazur()
        _ = try u.run(.updates(5))
        u.settings.frozen = []
        _ = try u.run(.updates(2))
        XCTAssertEqual(t.undo(3), 3)
        XCTAssertEqual(t.network.parameters.map(\.bitPattern), u.network.parameters.map(\.bitPattern))
        XCTAssertEqual(t.settings.frozen, [])
        XCTAssertEqual(t.undo(7), 7)
        XCTAssertEqual(t.network.parameters, mazur().network.parameters)
        XCTAssertEqual(t.settings.frozen, [], "undo leaves the frozen set as it is now")
        t.reset()
        XCTAssertEqual(t.settings.frozen, [])
    }
}
