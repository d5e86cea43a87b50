import XCTest

@testable import NNEngine

/// The perceptron trick on a small separable set, against updates worked out by hand.
final class PerceptronTests: XCTestCase {
    func testTheTrickMovesTheLineOnlyForMisclassifiedPoints() throws {
        var network = Network(sizes: [2, 1], activations: [.step], loss: .perceptron)
        Initializer.constant(0).initialize(&network, seed: 0)
        // Points: (2, 1) → 1, (−1, −2) → 0, (1, 3) → 1, (−2, 1) → 0. η = 0.5.
        let data = DataSet(
            name: "four", featureNames: ["x1", "x2"], targetNames: ["y"],
            inputs: [2, 1, -1, -2, 1, 3, -2, 1], targets: [1, 0, 1, 0])
        var t = Training(network: network, data: data)
        t.settings.learningRate = 0.5
        // 1. w = (0,0), b = 0: z = 0 → ŷ = 1 = y: correct, nothing moves.
        _ = try t.run(.updates(1))
        XCTAssertEqual(t.network.parameters, [0, 0, 0])
        // 2. (−1,−2), y = 0: z = 0 → ŷ = 1 ≠ 0: w ← w + 0.5·(0−1)·x = (0.5, 1), b ← −0.5.
        _ = try t.run(.updates(1))
        XCTAssertEqual(t.network.parameters, [0.5, 1, -0.5])
        // 3. (1,3), y = 1: z = 0.5 + 3 − 0.5 = 3 → ŷ = 1: correct.
        _ = try t.run(.updates(1))
        XCTAssertEqual(t.network.parameters, [0.5, 1, -0.5])
        // 4. (−2,1), y = 0: z = −1 + 1 − 0.5 = −0.5 → ŷ = 0: correct.
        _ = try t.run(.updates(1))
        XCTAssertEqual(t.network.parameters, [0.5, 1, -0.5])
        XCTAssertEqual(t.lastStep?.gradient, [0, 0, 0])
        // Every point is now on its side: an epoch makes no mistakes.
        let report = try t.run(.passes(1))
        XCTAssertEqual(report.epochCount, 1)
        XCTAssertEqual(report.lastEpochLosses, [0])
    }
}
