import XCTest

@testable import NNEngine

/// Residual connections: O^k = g(z^k) + O^(k−1) for hidden layers as wide as the layer below.
final class ResidualTests: XCTestCase {
    func network(_ acts: [Activation] = [.sigmoid, .tanh, .sigmoid, .linear]) -> Network {
        var network = Network(sizes: [3, 3, 3, 3, 2], activations: acts, loss: .mse, residual: true)
        Initializer.xavier.initialize(&network, seed: 11)
        return network
    }

    let x = [0.4, -0.7, 1.1], y = [0.3, -0.2]

    func testTheForwardPassAddsTheLayerBelow() {
        let net = network()
        XCTAssertEqual((1...4).map(net.hasShortcut), [true, true, true, false])
        let trace = net.trace(x: x, y: y)
        // Plain loops from the definition.
        var below = x
        for k in 1...4 {
            let n = net.sizes[k]
            let z = (1...n).map { j in
                (1...net.sizes[k - 1]).reduce(net.bias(k, j)) { $0 + net.weight(k, $1, j) * below[$1 - 1] }
            }
            var out = z.map { net.activations[k - 1].value($0) }
            if k < 4 { out = zip(out, below).map { $0 + $1 } }
            for j in 0..<n { XCTAssertEqual(trace.outputs[k - 1][j], out[j], accuracy: 1e-14) }
            below = out
        }
    }

    func testGradientsAgreeWithCentralDifferences() {
        for acts in [[Activation.sigmoid, .tanh, .sigmoid, .linear], [.relu, .tanh, .linear, .sigmoid]] {
            var net = network(acts)
            let trace = net.trace(x: x, y: y)
            for i in 0..<net.parameterCount {
                let h = 1e-6, saved = net.parameters[i]
                net.parameters[i] = saved + h
                let up = net.forwardLoss(x: x, y: y)
                net.parameters[i] = saved - h
                let down = net.forwardLoss(x: x, y: y)
                net.parameters[i] = saved
                let numeric = (up - down) / (2 * h)
                XCTAssertEqual(
                    trace.gradient[i], numeric, accuracy: 1e-8 + 1e-6 * abs(numeric), "\(acts) parameter \(i)")
            }
        }
    }

    /// The batch kernel (chunks of samples) gives the mean of the per-sample gradients.
    func testTheBatchKernelAgreesWithThePerSampleKernel() throws {
        let net = network()
        var inputs: [Double] = [], targets: [Double] = []
        for r in 0..<70 {
            inputs += [sin(Double(r)), cos(Double(r) * 0.7), Double(r % 5) / 5]; targets += [Double(r % 2), 0.5]
        }
        let data = DataSet(
            name: "r", featureNames: ["a", "b", "c"], targetNames: ["y1", "y2"], inputs: inputs, targets: targets)
        var t = Training(network: net, data: data)
        t.settings.mode = .batch
        _ = try t.run(.updates(1))
        let record = try XCTUnwrap(t.lastStep)
        var mean = [Double](repeating: 0, count: net.parameterCount)
        for r in 0..<70 {
            let g = net.trace(x: Array(data.features(row: r)), y: Array(data.target(row: r))).gradient
            for i in mean.indices { mean[i] += g[i] / 70 }
        }
        for i in mean.indices { XCTAssertEqual(record.gradient[i], mean[i], accuracy: 1e-13) }
    }

    /// The gradient an update applies (data loss plus l1 and l2 penalties, through shortcuts)
    /// agrees with central differences of the update's loss, in every mode.
    func testGradientChecksPassWithPenaltiesAndShortcutsInEveryMode() throws {
        let data = DataSet(
            name: "r", featureNames: ["a", "b", "c"], targetNames: ["y1", "y2"],
            inputs: (0..<15).map { sin(Double($0) * 1.3) }, targets: (0..<10).map { cos(Double($0)) })
        for mode in TrainingSettings.Mode.allCases {
            var t = Training(network: network(), data: data)
            (t.settings.mode, t.settings.batchSize, t.settings.l2, t.settings.l1) = (mode, 2, 0.05, 0.01)
            _ = try t.run(.updates(2))
            let record = try XCTUnwrap(t.lastStep)
            var before = t.network
            before.parameters = record.parametersBefore
            for parameter in before.allParameters {
                let check = before.gradientCheck(
                    parameter, analytic: record.gradient[before.index(of: parameter)!], data: data,
                    rows: record.rows, l2: 0.05, l1: 0.01)
                XCTAssertEqual(
                    check.analytic, check.numeric, accuracy: 1e-9 + 1e-6 * abs(check.numeric),
                    "\(mode) \(parameter.asciiName)")
            }
        }
    }

    /// Without shortcuts the gradient of the first layer fades with depth; with them it survives.
    func testTheShortcutKeepsTheGradientAlive() {
        func firstLayerNorm(_ residual: Bool) -> Double {
            var net = Network(
                sizes: [2] + Array(repeating: 8, count: 12) + [1], activations: Array(repeating: .sigmoid, count: 13),
                loss: .mse, residual: residual)
            Initializer.xavier.initialize(&net, seed: 3)
            let trace = net.trace(x: [0.5, -0.5], y: [1])
            return (net.weightOffsets[1]..<net.biasOffsets[1]).reduce(0) {
                $0 + trace.gradient[$1] * trace.gradient[$1]
            }.squareRoot()
        }
        XCTAssertGreaterThan(firstLayerNorm(true), 100 * firstLayerNorm(false))
    }
}
