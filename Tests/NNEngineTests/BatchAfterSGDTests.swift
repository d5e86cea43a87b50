import XCTest

@testable import NNEngine

/// A batch update uses every row, whatever left the cursor partway through a pass.
final class BatchAfterSGDTests: XCTestCase {
    func testABatchUpdateAfterAnSGDStepReadsEveryRow() throws {
        var network = Network(sizes: [2, 1], activations: [.linear], loss: .mse)
        network.parameters = [0.5, -0.25, 0.1]
        let data = DataSet(
            name: "three", featureNames: ["x1", "x2"], targetNames: ["y"], inputs: [1, 2, 3, 4, 5, 6],
            targets: [1, 0, 2])
        var t = Training(network: network, data: data)
        t.settings.learningRate = 0.01
        _ = try t.run(.updates(1))
        let before = t.network.parameters
        t.settings.mode = .batch
        _ = try t.run(.updates(1))
        let record = try XCTUnwrap(t.lastStep)
        XCTAssertEqual(record.rows, [0, 1, 2])
        // G by hand: the mean over the three rows of −2(y − ŷ)·(x1, x2, 1).
        var g = [0.0, 0.0, 0.0]
        for r in 0..<3 {
            let x1 = data.inputs[2 * r], x2 = data.inputs[2 * r + 1]
            let e = -2 * (data.targets[r] - (before[0] * x1 + before[1] * x2 + before[2])) / 3
            g[0] += e * x1; g[1] += e * x2; g[2] += e
        }
        for i in 0..<3 { XCTAssertEqual(record.gradient[i], g[i], accuracy: 1e-14) }
        XCTAssertEqual(t.cursor, Cursor(pass: 1, offset: 0), "the batch update finished the pass")
        XCTAssertEqual(t.recorder.epochCount, 1)
        XCTAssertEqual(
            t.recorder.lastEpochLoss!, record.loss, accuracy: 1e-15, "the epoch is the batch's rows, all of them")
    }
}
