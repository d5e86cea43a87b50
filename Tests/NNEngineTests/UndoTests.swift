import XCTest

@testable import NNEngine

/// Undo replays from checkpoints; these check it restores every bit, across checkpoint
/// boundaries, learning-rate changes and hand-set parameters.
final class UndoTests: XCTestCase {
    func placement(mode: TrainingSettings.Mode = .sgd, order: TrainingSettings.Order = .sequential) -> Training {
        var network = Network(sizes: [2, 3, 1], activations: [.tanh, .linear], loss: .mse)
        Initializer.xavier.initialize(&network, seed: 4)
        let data = DataSet(
            name: "placement", featureNames: ["cgpa", "resume"], targetNames: ["salary"],
            inputs: [8, 8, 7, 9, 6, 10, 5, 12], targets: [4, 5, 6, 7])
        var t = Training(network: network, data: data)
        t.settings.learningRate = 0.001
        t.settings.mode = mode
        t.settings.order = order
        t.settings.batchSize = 3
        return t
    }

    func bits(_ t: Training) -> [UInt64] { t.network.parameters.map(\.bitPattern) }

    func testUndoAcrossCheckpointsEqualsTheShorterRun() throws {
        for mode in TrainingSettings.Mode.allCases {
            for order in TrainingSettings.Order.allCases {
                var long = placement(mode: mode, order: order), short = placement(mode: mode, order: order)
                _ = try long.run(.updates(100))
                _ = try short.run(.updates(63))
                XCTAssertEqual(long.undo(37), 37)
                XCTAssertEqual(bits(long), bits(short), "\(mode) \(order)")
                XCTAssertEqual(long.cursor, short.cursor)
                XCTAssertEqual(long.lastStep, short.lastStep)
                // And training on from there gives the same as never having undone.
                _ = try long.run(.updates(10))
                _ = try short.run(.updates(10))
                XCTAssertEqual(bits(long), bits(short))
            }
        }
    }

    func testUndoAfterALearningRateChangeReplaysEachUpdateWithItsOwnRate() throws {
        var t = placement()
        _ = try t.run(.updates(5))
        t.settings.learningRate = 0.01
        _ = try t.run(.updates(5))
        let afterSeven = { () throws -> [UInt64] in
            var u = self.placement()
            _ = try u.run(.updates(5))
            u.settings.learningRate = 0.01
            _ = try u.run(.updates(2))
            return self.bits(u)
        }
        XCTAssertEqual(t.undo(3), 3)
        XCTAssertEqual(bits(t), try afterSeven())
        XCTAssertEqual(t.lastStep?.learningRate, 0.01)
        XCTAssertEqual(t.undo(5), 5)
        XCTAssertEqual(t.lastStep?.learningRate, 0.001)
    }

    func testUndoKeepsAHandSetParameter() throws {
        var t = placement()
        _ = try t.run(.updates(4))
        t.setParameter(at: 0, to: 0.25)
        let edited = bits(t)
        _ = try t.run(.updates(3))
        XCTAssertEqual(t.undo(3), 3)
        XCTAssertEqual(bits(t), edited)
    }

    func testTheUndoWindowIsBoundedAndSaysHowFarItReaches() throws {
        var t = placement()
        _ = try t.run(.updates(50_000))
        XCTAssertEqual(t.undoLog.capacity, UndoLog.maximumCapacity)
        XCTAssertLessThanOrEqual(t.undoableCount, UndoLog.interval * t.undoLog.capacity)
        XCTAssertGreaterThanOrEqual(t.undoableCount, UndoLog.interval * (t.undoLog.capacity - 1))
        XCTAssertFalse(t.undoReach.limitedByBudget)
        let reachable = t.undoableCount
        XCTAssertEqual(t.undo(1_000_000), reachable)
        XCTAssertEqual(t.undo(1), 0)
    }

    /// A batch update after two sgd steps reads every row (the pass starts again), and its
    /// explanation reads the same rows (a fuzzer found the explanation reading past the data).
    func testABatchUpdateAfterSGDStepsExplainsTheRowsItRead() throws {
        var t = placement()
        _ = try t.run(.updates(2))
        t.settings.mode = .batch
        _ = try t.run(.updates(1))
        XCTAssertEqual(t.lastStep?.rows, [0, 1, 2, 3])
        XCTAssertEqual(t.cursor, Cursor(pass: 1, offset: 0))
    }
}
