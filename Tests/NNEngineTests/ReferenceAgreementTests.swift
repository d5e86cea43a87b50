import XCTest

@testable import NNEngine

/// The fast kernel against the plain reference engine (`Reference.swift`): the same
/// updates, gradients and losses within 1e-12, over widths {1, 3, 7, 8, 9, 17} (so the
/// 8-wide SIMD loops, their tails and the 4-row blocks are all reached), depths 1–4, every
/// activation and loss, and batch sizes {1, 4, 5, 63, 64, 65, 130} (so the 64-row chunks,
/// their tails and the short mini-batch at the end of the data are all reached).
final class ReferenceAgreementTests: XCTestCase {
    static let widths = [1, 3, 7, 8, 9, 17]
    static let batchSizes = [1, 4, 5, 63, 64, 65, 130]
    static let rowCount = 130

    /// An output layer and the loss it is trained with.
    struct Head {
        let activation: Activation
        let loss: Loss
        /// The smallest output width that makes sense (softmax over one node is constant).
        var minimumOutputs = 1
    }

    static let heads = [
        Head(activation: .linear, loss: .mse), Head(activation: .sigmoid, loss: .mse),
        Head(activation: .tanh, loss: .mse),
        Head(activation: .relu, loss: .mse), Head(activation: .sigmoid, loss: .bce),
        Head(activation: .softmax, loss: .cce, minimumOutputs: 2),
        Head(activation: .softmax, loss: .mse, minimumOutputs: 2),
        Head(activation: .tanh, loss: .hinge), Head(activation: .linear, loss: .hinge)
    ]
    static let hidden: [Activation] = [.linear, .sigmoid, .tanh, .relu, .step]

    func testTheKernelAgreesWithTheReferenceEverywhere() throws {
        var cases = 0
        for depth in 1...4 {
            for (h, head) in Self.heads.enumerated() {
                for (a, hiddenActivation) in Self.hidden.enumerated() where depth > 1 || a == 0 {
                    for rotation in Self.widths.indices {
                        let index = depth * 1000 + h * 100 + a * 10 + rotation
                        var sizes = (0..<depth).map { Self.widths[(rotation + $0 * 2) % Self.widths.count] }
                        sizes.append(max(head.minimumOutputs, Self.widths[(rotation + 3) % Self.widths.count] % 5))
                        let activations = Array(repeating: hiddenActivation, count: depth - 1) + [head.activation]
                        let batch = Self.batchSizes[index % Self.batchSizes.count]
                        try check(
                            sizes: sizes, activations: activations, loss: head.loss, batch: batch, seed: UInt64(index))
                        cases += 1
                    }
                }
            }
        }
        XCTAssertEqual(cases, 9 * 6 + 3 * 9 * 5 * 6)  // depth 1 has no hidden activation
    }

    /// Every batch size on one wide, deep network, and in random order, so no batch size
    /// is reached only by one shape.
    func testEveryBatchSizeOnADeepWideNetwork() throws {
        for (n, batch) in Self.batchSizes.enumerated() {
            try check(
                sizes: [17, 9, 8, 7, 3], activations: [.tanh, .sigmoid, .relu, .softmax], loss: .cce,
                batch: batch, seed: UInt64(100 + n))
            try check(
                sizes: [9, 17, 2], activations: [.sigmoid, .sigmoid], loss: .bce, batch: batch,
                seed: UInt64(200 + n), order: .random)
        }
    }

    /// Residual connections (O^k = g(z^k) + O^(k−1) where widths match) in every mode, with
    /// widths that reach the SIMD blocks and a layer whose width differs (no shortcut there).
    func testResidualNetworksAgree() throws {
        for (n, batch) in Self.batchSizes.enumerated() {
            for hidden in Self.hidden where hidden != .step {
                try check(
                    sizes: [9, 9, 9, 9, 2], activations: [hidden, hidden, hidden, .sigmoid], loss: .bce, batch: batch,
                    seed: UInt64(400 + n), residual: true)
                try check(
                    sizes: [3, 17, 17, 8, 8, 1], activations: [hidden, hidden, .tanh, hidden, .linear], loss: .mse,
                    batch: batch, seed: UInt64(500 + n), residual: true)
            }
        }
    }

    /// The perceptron trick, which is not a gradient of the loss, against the reference's rule.
    func testThePerceptronTrickAgrees() throws {
        for (n, batch) in Self.batchSizes.enumerated() {
            try check(
                sizes: [Self.widths[n % 6], 1], activations: [.step], loss: .perceptron, batch: batch,
                seed: UInt64(300 + n))
        }
    }

    // MARK: - One case

    /// Builds a seeded network and data set, makes three updates (or a full pass and one more)
    /// in the fast engine, and replays each update in the reference from the same parameters.
    func check(
        sizes: [Int], activations: [Activation], loss: Loss, batch: Int, seed: UInt64,
        order: TrainingSettings.Order = .sequential, residual: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        var random = SplitMix64(seed: seed)
        var network = Network(sizes: sizes, activations: activations, loss: loss, residual: residual)
        // Weights uniform in ±1/√n(k−1), so deep linear networks do not overflow in six updates.
        for p in network.parameters.indices {
            network.parameters[p] =
                random.uniform(-1, 1) / Double(sizes[network.parameter(at: p).layer - 1]).squareRoot()
        }
        let data = Self.data(inputs: sizes[0], outputs: sizes[sizes.count - 1], loss: loss, random: &random)
        var settings = TrainingSettings()
        settings.learningRate = 0.02
        settings.mode = batch == 1 ? .sgd : (batch >= Self.rowCount ? .batch : .minibatch)
        settings.batchSize = batch
        settings.order = order
        settings.seed = seed
        var training = Training(network: network, data: data, settings: settings)
        let updates = min(3, (Self.rowCount + batch - 1) / batch + 1)
        let label = "\(sizes) \(activations.map(\.rawValue)) \(loss.rawValue) batch \(batch) \(order.rawValue)"

        var expected = network
        for update in 1...updates {
            let rows = training.nextRows().map { (x: Array(data.features(row: $0)), y: Array(data.target(row: $0))) }
            if settings.mode == .minibatch {
                XCTAssertEqual(rows.count, min(batch, Self.rowCount - training.cursor.offset))
            }
            let reference = Reference.update(expected, rows: rows, learningRate: settings.learningRate)
            let report = try training.run(.updates(1))
            XCTAssertNil(report.divergence, label, file: file, line: line)
            let step = try XCTUnwrap(training.lastStep, label, file: file, line: line)
            assertClose(
                step.gradient, reference.gradient, in: network, "G at update \(update) of \(label)", file: file,
                line: line)
            XCTAssertEqual(
                step.loss, reference.loss, accuracy: 1e-12 * abs(reference.loss), label, file: file, line: line)
            assertClose(
                training.network.parameters, reference.network.parameters, in: network,
                "parameters after update \(update) of \(label)", file: file, line: line)
            expected = training.network  // go on from the engine's bits, so errors cannot compound
        }
    }

    /// Every entry within 1e-12 of the reference, relative to the largest magnitude in its
    /// layer: a sum of many products can cancel to a small entry whose absolute error is set
    /// by the size of the terms, not by the result.
    func assertClose(
        _ actual: [Double], _ expected: [Double], in network: Network, _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(actual.count, expected.count, what, file: file, line: line)
        for k in 1...network.layerCount {
            let layer = network.weightOffsets[k]..<network.biasOffsets[k] + network.sizes[k]
            let scale = layer.map { max(abs(expected[$0]), abs(actual[$0])) }.max() ?? 0
            for i in layer where !(abs(actual[i] - expected[i]) <= 1e-12 * scale) {
                XCTFail(
                    "\(what): \(network.parameter(at: i).asciiName) is \(actual[i]), the reference says \(expected[i])",
                    file: file, line: line)
                return
            }
        }
    }

    /// Inputs uniform in [−1, 1]; targets as each loss expects them (one-hot for cce, 0/1 for
    /// bce and the perceptron, ±1 for hinge, any number for mse).
    static func data(inputs: Int, outputs: Int, loss: Loss, random: inout SplitMix64) -> DataSet {
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<rowCount {
            x += (0..<inputs).map { _ in random.uniform(-1, 1) }
            switch loss {
            case .cce:
                var row = [Double](repeating: 0, count: outputs)
                row[random.index(below: outputs)] = 1
                y += row
            case .bce, .perceptron: y += (0..<outputs).map { _ in random.nextUnit() < 0.5 ? 0 : 1 }
            case .hinge: y += (0..<outputs).map { _ in random.nextUnit() < 0.5 ? -1 : 1 }
            case .mse: y += (0..<outputs).map { _ in random.uniform(-1, 1) }
            }
        }
        return DataSet(
            name: "random", featureNames: (1...inputs).map { "x\($0)" }, targetNames: (1...outputs).map { "y\($0)" },
            inputs: x, targets: y)
    }
}
