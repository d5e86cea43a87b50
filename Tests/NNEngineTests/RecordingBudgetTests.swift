import XCTest

@testable import NNEngine

/// Undo checkpoints and plot records stay within the recording budget whatever the network.
final class RecordingBudgetTests: XCTestCase {
    /// A 20-25-1 network (551 parameters, 4,408 bytes a checkpoint) on a few rows.
    func training(_ optimizer: Optimizer = .sgd) -> Training {
        var network = Network(sizes: [20, 25, 1], activations: [.tanh, .linear], loss: .mse)
        Initializer.xavier.initialize(&network, seed: 5)
        let inputs = (0..<60).map { sin(Double($0)) }
        let data = DataSet(
            name: "r", featureNames: (1...20).map { "x\($0)" }, targetNames: ["y"], inputs: inputs,
            targets: [0.5, -0.5, 0.2])
        var t = Training(network: network, data: data)
        t.settings.learningRate = 0.001
        t.settings.optimizer = optimizer
        return t
    }

    func testTheCheckpointsFitTheBudgetAndUndoSaysHowFar() throws {
        for optimizer in Optimizer.allCases {
            var t = training(optimizer), short = training(optimizer)
            let plots = Training.recorderBytes(t.recorder)
            t.recordingBudget = plots + 3 * 8 * 551 + 100  // three checkpoints of the parameters alone
            _ = try t.run(.updates(3_000))
            let arrays = optimizer == .sgd ? 0 : optimizer == .adam ? 2 : 1
            let kept = 3 / (1 + arrays)
            XCTAssertLessThanOrEqual(t.recordingBytes, t.recordingBudget, "\(optimizer)")
            XCTAssertEqual(t.undoLog.count, kept, "\(optimizer)")
            XCTAssertEqual(t.undoLog.bytes, kept * 8 * 551 * (1 + arrays))
            let reach = t.undoReach
            XCTAssertTrue(reach.limitedByBudget)
            XCTAssertEqual(reach.checkpoints, kept)
            XCTAssertEqual(reach.checkpointBytes, 8 * 551 * (1 + arrays))
            XCTAssertLessThanOrEqual(t.undoableCount, kept * UndoLog.interval)
            XCTAssertGreaterThan(t.undoableCount, (kept - 1) * UndoLog.interval)
            // What can be undone is undone bit for bit.
            let back = t.undoableCount
            XCTAssertEqual(t.undo(10_000), back)
            _ = try short.run(.updates(3_000 - back))
            XCTAssertEqual(
                t.network.parameters.map(\.bitPattern), short.network.parameters.map(\.bitPattern), "\(optimizer)")
            XCTAssertEqual(t.optimizerState, short.optimizerState)
        }
    }

    func testABudgetTooSmallForOneCheckpointTurnsUndoOff() throws {
        var t = training(.adam)
        t.recordingBudget = Training.recorderBytes(t.recorder) + 8 * 551 * 2
        _ = try t.run(.updates(10))
        XCTAssertEqual(t.undoableCount, 0)
        XCTAssertEqual(t.undoReach.checkpoints, 0)
        XCTAssertEqual(t.undo(1), 0)
        XCTAssertEqual(t.updateCount, 10, "training goes on without undo")
    }

    func testChangingTheBudgetKeepsTheNewestCheckpoints() throws {
        var t = training()
        _ = try t.run(.updates(2_000))
        XCTAssertEqual(t.undoLog.count, UndoLog.maximumCapacity)
        let newest = t.undoLog.latest
        t.recordingBudget = Training.recorderBytes(t.recorder) + 2 * 8 * 551
        XCTAssertEqual(t.undoLog.count, 2)
        XCTAssertEqual(t.undoLog.latest, newest)
    }

    /// The default 64 MB for a 1000-1000-1 network (8.0 MB a checkpoint, 4.8 MB at most for the
    /// plot record): 7 checkpoints with sgd, 2 with Adam.
    func testTheDefaultBudgetForALargeNetwork() {
        let network = Network(sizes: [1000, 1000, 1], activations: [.sigmoid, .linear], loss: .mse)
        var t = Training(
            network: network,
            data: DataSet(
                name: "none", featureNames: (1...1000).map { "x\($0)" }, targetNames: ["y"], inputs: [], targets: []))
        XCTAssertEqual(t.recordingBudget, 64 << 20)
        XCTAssertEqual(t.undoLog.capacity, 7)
        XCTAssertEqual(t.undoReach.updatesTheBudgetKeeps, 7 * 256)
        XCTAssertTrue(t.undoReach.limitedByBudget)
        t.settings.optimizer = .adam
        t.restoreOptimizerState(OptimizerState(.adam, count: network.parameterCount))
        XCTAssertEqual(t.undoReach.checkpoints, 2)
        XCTAssertTrue(t.undoReach.limitedByBudget)
        XCTAssertLessThanOrEqual(t.recordingBytes, 64 << 20)
    }
}
