import Foundation
import XCTest

@testable import NNEngine

/// Saturated sigmoid/tanh nodes (g′ below 1% of its maximum) and dead relu nodes.
final class SaturationTests: XCTestCase {
    func testSigmoidNodesWithLargeInputsAreSaturated() {
        var network = Network(sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], loss: .mse)
        Initializer.constant(6).initialize(&network, seed: 0)
        let trace = network.trace(x: [1, 1], y: [0])
        let saturated = network.saturatedNodes(trace)
        // z₁ⱼ = 6 + 6 = 12: σ′ = σ(12)(1 − σ(12)) = e^−12/(1 + e^−12)² ≈ 6.144e-6 < 0.01 · 1/4.
        XCTAssertEqual(saturated.map { [$0.layer, $0.node] }, [[1, 1], [1, 2], [2, 1]])
        let expected = exp(-12.0) / pow(1 + exp(-12.0), 2)
        XCTAssertEqual(saturated[0].derivative, expected, accuracy: 1e-15)
        XCTAssertEqual(saturated[0].passedShare, expected / 0.25, accuracy: 1e-13)
        // At z = 0 nothing is saturated: σ′ = 1/4, its maximum.
        Initializer.constant(0).initialize(&network, seed: 0)
        XCTAssertTrue(network.saturatedNodes(network.trace(x: [1, 1], y: [0])).isEmpty)
    }

    func testTanhJustBelowTheThresholdIsSaturatedAndJustAboveIsNot() {
        var network = Network(sizes: [1, 1], activations: [.tanh], loss: .mse)
        // tanh′ = 1 − tanh²(z) = 0.01 at z = atanh(√0.99) ≈ 2.9932.
        let edge = atanh(0.99.squareRoot())
        network.parameters = [edge + 0.01, 0]
        XCTAssertEqual(network.saturatedNodes(network.trace(x: [1], y: [0])).count, 1)
        network.parameters = [edge - 0.01, 0]
        XCTAssertEqual(network.saturatedNodes(network.trace(x: [1], y: [0])).count, 0)
    }

    func testARelUThatIsZeroOnEveryRowIsDead() {
        var network = Network(sizes: [2, 3, 1], activations: [.relu, .linear], loss: .mse)
        Initializer.constant(1).initialize(&network, seed: 0)
        network.parameters[network.index(of: .bias(layer: 1, node: 2))!] = -10  // z₁₂ = x₁ + x₂ − 10 < 0 on every row
        network.parameters[network.index(of: .bias(layer: 1, node: 3))!] = -4  // z₁₃ > 0 on the row (3, 2)
        let data = DataSet(
            name: "rows", featureNames: ["a", "b"], targetNames: ["y"], inputs: [1, 2, 3, 2, 0, 1], targets: [0, 1, 0])
        XCTAssertEqual(network.deadNodes(on: data).map { [$0.layer, $0.node] }, [[1, 2]])
    }
}
