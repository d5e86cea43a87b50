import XCTest

@testable import NNEngine

/// Every analytic gradient against central finite differences, for every activation and
/// loss pair, on seeded random networks. Tolerance: relative difference below 1e-5 (or an
/// absolute difference below 1e-8 for gradients near zero); h = 1e-6.
final class GradientTests: XCTestCase {
    /// (hidden activation, output activation, loss, outputs, targets maker)
    struct Case {
        let hidden: Activation
        let output: Activation
        let loss: Loss
        let outputs: Int
    }

    static var cases: [Case] {
        var cases: [Case] = []
        for hidden in [Activation.linear, .sigmoid, .tanh, .relu] {
            for output in [Activation.linear, .sigmoid, .tanh, .relu] {
                cases.append(Case(hidden: hidden, output: output, loss: .mse, outputs: 2))
            }
            cases.append(Case(hidden: hidden, output: .sigmoid, loss: .bce, outputs: 2))
            cases.append(Case(hidden: hidden, output: .softmax, loss: .cce, outputs: 3))
            cases.append(Case(hidden: hidden, output: .softmax, loss: .mse, outputs: 3))
            cases.append(Case(hidden: hidden, output: .linear, loss: .hinge, outputs: 2))
            cases.append(Case(hidden: hidden, output: .tanh, loss: .hinge, outputs: 1))
        }
        return cases
    }

    func target(for c: Case, random: inout SplitMix64) -> [Double] {
        switch c.loss {
        case .cce:
            var y = [Double](repeating: 0, count: c.outputs)
            y[random.index(below: c.outputs)] = 1
            return y
        case .bce: return (0..<c.outputs).map { _ in random.nextUnit() < 0.5 ? 0 : 1 }
        case .hinge: return (0..<c.outputs).map { _ in random.nextUnit() < 0.5 ? -1 : 1 }
        default: return (0..<c.outputs).map { _ in random.uniform(-1, 1) }
        }
    }

    func testEveryGradientMatchesCentralDifferences() {
        for (number, c) in Self.cases.enumerated() {
            var network = Network(
                sizes: [3, 4, 3, c.outputs], activations: [c.hidden, c.hidden, c.output], loss: c.loss)
            Initializer.xavier.initialize(&network, seed: UInt64(number + 1))
            var random = SplitMix64(seed: UInt64(100 + number))
            for i in network.parameters.indices where network.parameters[i] == 0 {
                network.parameters[i] = random.uniform(-0.3, 0.3)
            }
            let x = (0..<3).map { _ in random.uniform(-1, 1) }
            let y = target(for: c, random: &random)
            let trace = network.trace(x: x, y: y)
            let data = DataSet(
                name: "one", featureNames: ["a", "b", "c"], targetNames: (1...c.outputs).map { "y\($0)" }, inputs: x,
                targets: y)
            for (index, parameter) in network.allParameters.enumerated() {
                let check = network.gradientCheck(parameter, analytic: trace.gradient[index], data: data, rows: [0])
                let ok = check.relativeDifference < 1e-5 || abs(check.analytic - check.numeric) < 1e-8
                XCTAssertTrue(
                    ok,
                    "\(c.hidden)/\(c.output)/\(c.loss) \(parameter.asciiName): backprop \(check.analytic), numeric \(check.numeric)"
                )
            }
        }
    }

    func testTheProductOfEveryChainsFactorsIsItsGradient() {
        for (number, c) in Self.cases.enumerated() where c.output != .softmax {
            for sizes in [[2, 2, 1], [2, 3, 2, 1], [3, 1, 1], [2, 2, c.outputs]] {
                var network = Network(
                    sizes: sizes, activations: Array(repeating: c.hidden, count: sizes.count - 2) + [c.output],
                    loss: c.loss)
                Initializer.uniform.initialize(&network, seed: UInt64(number))
                var random = SplitMix64(seed: UInt64(number))
                let x = (0..<sizes[0]).map { _ in random.uniform(-1, 1) }
                let y = target(
                    for: Case(hidden: c.hidden, output: c.output, loss: c.loss, outputs: sizes.last!), random: &random)
                let trace = network.trace(x: x, y: y)
                for explanation in network.explainGradients(trace) {
                    let product = explanation.factors.map(\.value).reduce(1, *)
                    XCTAssertEqual(
                        product, explanation.value, accuracy: 1e-12 + 1e-9 * abs(explanation.value),
                        "\(sizes) \(c.hidden)/\(c.output) \(explanation.parameter.asciiName)")
                    XCTAssertEqual(explanation.usesDelta, !network.hasSinglePath(explanation.parameter))
                }
            }
        }
    }

    func testASigmoidChainGainsTheActivationDerivativeFactors() {
        var network = Network(sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], loss: .mse)
        Initializer.constant(0.5).initialize(&network, seed: 0)
        let trace = network.trace(x: [1, 2], y: [1])
        let chain = network.explainGradient(.weight(layer: 1, from: 2, to: 1), trace)
        XCTAssertEqual(
            chain.factors.map(\.form),
            [
                .lossDerivative(.mse, node: 1, outputs: 1), .activationDerivative(.sigmoid, layer: 2, node: 1),
                .weight(layer: 2, from: 1, to: 1), .activationDerivative(.sigmoid, layer: 1, node: 1), .input(2)
            ])
        // By hand: z1 = 0.5·1 + 0.5·2 = 1.5, O1 = σ(1.5); z2 = 0.5·O1 + 0.5·O1 = O1, ŷ = σ(O1).
        let o1 = 1 / (1 + exp(-1.5)), yHat = 1 / (1 + exp(-o1))
        let expected = -2 * (1 - yHat) * yHat * (1 - yHat) * 0.5 * o1 * (1 - o1) * 2
        XCTAssertEqual(chain.value, expected, accuracy: 1e-15)
    }

    func testMemoizationCountsForTwoTwoOne() {
        let network = Network(sizes: [2, 2, 1], activations: [.linear, .linear], loss: .mse)
        let count = network.backpropMultiplications
        // memoized: δ2 (1) + W² grads (2) + hidden δ sums (2·1) + g′ (2) + W¹ grads (4) = 11
        XCTAssertEqual(count.memoized, 11)
        // expanded: layer 2: 2 weights × 2 + 1 bias × 1 = 5; layer 1: 4 weights × 4 + 2 biases × 3 = 22
        XCTAssertEqual(count.expanded, 27)
        let deep = Network(sizes: [2, 8, 8, 8, 1], activations: Array(repeating: .sigmoid, count: 4), loss: .mse)
        XCTAssertGreaterThan(deep.backpropMultiplications.expanded, 10 * deep.backpropMultiplications.memoized)
    }
}
