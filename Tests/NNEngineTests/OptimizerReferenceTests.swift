import XCTest

@testable import NNEngine

/// Every optimiser, with and without l1/l2 and frozen parameters, in each training mode,
/// against values computed with numpy from the contract's definitions (Reference/optimizers.py).
final class OptimizerReferenceTests: XCTestCase {
    static let data = DataSet(
        name: "reference", featureNames: ["x1", "x2"], targetNames: ["y1", "y2"],
        inputs: [0.5, -1.0, 1.5, 0.25, -0.75, 0.8, 0.1, 0.3, 2.0, -0.5],
        targets: [1.0, 0.0, 0.0, 1.0, 0.5, 0.5, 1.0, 1.0, 0.0, 0.2])

    /// The training a case's name describes: "adam minibatch l2 frozen", "sgd batch none residual".
    static func training(_ name: String) -> Training {
        let words = name.split(separator: " ").map(String.init)
        var network = Network(
            sizes: [2, 3, 3, 2], activations: [.tanh, .sigmoid, .linear], loss: .mse,
            residual: words.contains("residual"))
        network.parameters = OptimizerReference.initial
        var t = Training(network: network, data: data)
        t.settings.optimizer = Optimizer(rawValue: words[0])!
        t.settings.mode = TrainingSettings.Mode(rawValue: words[1])!
        t.settings.batchSize = 2
        t.settings.learningRate = 0.1
        (t.settings.momentum, t.settings.alpha, t.settings.beta1, t.settings.beta2) = (0.8, 0.9, 0.8, 0.99)
        if words.contains("l2") { t.settings.l2 = 0.05 }
        if words.contains("l1") { t.settings.l1 = 0.02 }
        if words.contains("frozen") { t.settings.frozen = words.contains("residual") ? [1, 13] : [0, 4, 9, 25] }
        return t
    }

    func testEveryCaseMatchesTheReference() throws {
        XCTAssertEqual(OptimizerReference.cases.count, 74)
        for (name, expected, losses) in OptimizerReference.cases {
            var t = Self.training(name)
            _ = try t.run(.updates(OptimizerReference.updates))
            for (i, value) in t.network.parameters.enumerated() {
                XCTAssertEqual(value, expected[i], accuracy: 1e-12, "\(name): parameter \(i)")
            }
            XCTAssertEqual(t.recorder.lossBuckets.count, losses.count, name)
            for (mine, theirs) in zip(t.recorder.lossBuckets.map(\.mean), losses) {
                XCTAssertEqual(mine, theirs, accuracy: 1e-12, name)
            }
            // One update at a time gives the same bits as all at once.
            var stepwise = Self.training(name)
            for _ in 0..<OptimizerReference.updates { _ = try stepwise.run(.updates(1)) }
            XCTAssertEqual(stepwise.network.parameters.map(\.bitPattern), t.network.parameters.map(\.bitPattern), name)
            XCTAssertEqual(stepwise.optimizerState, t.optimizerState, name)
        }
    }

    func testTheDefaultsAreTheContracts() {
        let settings = TrainingSettings()
        XCTAssertEqual(settings.optimizer, .sgd)
        XCTAssertEqual(
            [settings.momentum, settings.alpha, settings.beta1, settings.beta2, settings.epsilon],
            [0.9, 0.99, 0.9, 0.999, 1e-8])
        XCTAssertEqual([settings.l1, settings.l2], [0, 0])
    }

    /// The explained update is the applied one: G includes the penalty, the moves are
    /// before − after, and Adam's m̂, v̂ are m/(1−β₁ᵗ), v/(1−β₂ᵗ).
    func testTheExplainedUpdateIsTheAppliedOne() throws {
        var t = Self.training("adam minibatch l2 frozen")
        _ = try t.run(.updates(3))
        let record = try XCTUnwrap(t.lastStep)
        XCTAssertEqual(record.optimizer.t, 3)
        XCTAssertEqual(record.optimizer.first, t.optimizerState.first)
        XCTAssertEqual(record.optimizer.second, t.optimizerState.second)
        for i in 0..<t.network.parameterCount {
            XCTAssertEqual(record.parametersBefore[i] - record.optimizer.moves[i], record.parametersAfter[i])
            XCTAssertEqual(record.optimizer.firstCorrected[i], record.optimizer.first[i] / (1 - pow(0.8, 3)))
        }
        XCTAssertEqual(record.optimizer.moves[4], 0)
        XCTAssertEqual(record.parametersBefore[4], record.parametersAfter[4])
        // The penalty: 0.05·½·Σw² over the weights before the update, and 0.05·w in G.
        let weights = [0..<6, 9..<18, 21..<27].flatMap { Array($0) }
        XCTAssertEqual(
            record.penalty,
            0.05 * 0.5 * weights.reduce(0) { $0 + record.parametersBefore[$1] * record.parametersBefore[$1] },
            accuracy: 1e-15)
        XCTAssertEqual(record.penaltyGradient[0], 0.05 * record.parametersBefore[0])
        XCTAssertEqual(record.penaltyGradient[6], 0, "a bias has no penalty")
    }

    /// Nothing frozen: the update runs eight lanes at a time, the explanation one parameter at
    /// a time; the moves and states agree bit for bit.
    func testTheVectorUpdateIsTheScalarFormula() throws {
        for optimizer in Optimizer.allCases {
            var t = Self.training("\(optimizer.rawValue) batch l2")
            _ = try t.run(.updates(4))
            let record = try XCTUnwrap(t.lastStep)
            for i in 0..<t.network.parameterCount {
                XCTAssertEqual(
                    (record.parametersBefore[i] - record.optimizer.moves[i]).bitPattern,
                    record.parametersAfter[i].bitPattern,
                    "\(optimizer) parameter \(i)")
            }
            XCTAssertEqual(record.optimizer.first.map(\.bitPattern), t.optimizerState.first.map(\.bitPattern))
            XCTAssertEqual(record.optimizer.second.map(\.bitPattern), t.optimizerState.second.map(\.bitPattern))
        }
    }

    func testUndoRestoresTheOptimiserStateBitForBit() throws {
        for optimizer in Optimizer.allCases {
            for mode in TrainingSettings.Mode.allCases {
                let name = "\(optimizer.rawValue) \(mode.rawValue) l1"
                var long = Self.training(name), short = Self.training(name)
                _ = try long.run(.updates(600))
                _ = try short.run(.updates(300))
                XCTAssertEqual(long.undo(300), 300, name)
                XCTAssertEqual(
                    long.network.parameters.map(\.bitPattern), short.network.parameters.map(\.bitPattern), name)
                XCTAssertEqual(
                    long.optimizerState.first.map(\.bitPattern), short.optimizerState.first.map(\.bitPattern), name)
                XCTAssertEqual(
                    long.optimizerState.second.map(\.bitPattern), short.optimizerState.second.map(\.bitPattern), name)
                XCTAssertEqual(long.optimizerState.t, short.optimizerState.t, name)
                XCTAssertEqual(long.lastStep, short.lastStep, name)
                _ = try long.run(.updates(5))
                _ = try short.run(.updates(5))
                XCTAssertEqual(
                    long.network.parameters.map(\.bitPattern), short.network.parameters.map(\.bitPattern), name)
            }
        }
    }

    /// Undo across a change of optimiser replays each update with the optimiser it was made with.
    func testUndoAcrossAChangeOfOptimiser() throws {
        var t = Self.training("adam minibatch none"), u = Self.training("adam minibatch none")
        _ = try t.run(.updates(5))
        t.settings.optimizer = .momentum
        _ = try t.run(.updates(3))
        _ = try u.run(.updates(4))
        XCTAssertEqual(t.undo(4), 4)
        XCTAssertEqual(t.settings.optimizer, .adam)
        XCTAssertEqual(t.optimizerState, u.optimizerState)
        XCTAssertEqual(t.network.parameters.map(\.bitPattern), u.network.parameters.map(\.bitPattern))
    }

    /// A G whose square overflows makes the state infinite: the update is refused, nothing moves.
    /// A tiny ε defeats the quick bound on the move, and the exact check lets the update through.
    func testTheFinitenessCheckStopsOverflowAndPassesWhatIsFinite() throws {
        for optimizer in [Optimizer.rmsprop, .adam] {
            var network = Network(sizes: [1, 9], activations: [.linear], loss: .mse)
            network.parameters = Array(repeating: 2, count: network.parameterCount)
            let huge = DataSet(
                name: "huge", featureNames: ["x"], targetNames: (1...9).map { "y\($0)" },
                inputs: [1e100], targets: Array(repeating: -1e100, count: 9))
            var t = Training(network: network, data: huge)
            t.settings.optimizer = optimizer
            let report = try t.run(.updates(1))
            XCTAssertNotNil(report.divergence, "\(optimizer)")
            XCTAssertEqual(t.network.parameters, network.parameters)
            XCTAssertEqual(t.optimizerState, OptimizerState(optimizer, count: network.parameterCount))
            var small = Self.training("\(optimizer.rawValue) sgd none")
            small.settings.epsilon = 1e-300
            XCTAssertNil(try small.run(.updates(3)).divergence, "\(optimizer)")
            XCTAssertEqual(small.updateCount, 3)
        }
    }

    func testChoosingAnotherOptimiserStartsItsStateAtZero() throws {
        var t = Self.training("adam sgd none")
        _ = try t.run(.updates(4))
        XCTAssertEqual(t.optimizerState.t, 4)
        t.settings.optimizer = .momentum
        XCTAssertEqual(t.optimizerState.t, 0)
        XCTAssertTrue(t.optimizerState.first.allSatisfy { $0 == 0 })
        XCTAssertTrue(t.optimizerState.second.isEmpty)
        t.reset()
        XCTAssertEqual(t.optimizerState, OptimizerState(.momentum, count: t.network.parameterCount))
    }
}
