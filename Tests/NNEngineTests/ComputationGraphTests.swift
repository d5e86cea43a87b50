import XCTest

@testable import NNEngine

/// The computation graph's backward pass (micrograd's, over scalar edges) agrees with the
/// network's own backward pass, and each gradient is the sum over paths of the products of
/// the local derivatives.
final class ComputationGraphTests: XCTestCase {
    func networks() -> [(String, Network, [Double], [Double])] {
        var linear = Network(sizes: [2, 2, 1], activations: [.linear, .linear], loss: .mse)
        Initializer.constant(1).initialize(&linear, seed: 0)
        var softmax = Network(sizes: [3, 4, 2], activations: [.tanh, .softmax], loss: .cce)
        Initializer.uniform.initialize(&softmax, seed: 4)
        var deep = Network(sizes: [2, 3, 3, 2], activations: [.relu, .sigmoid, .sigmoid], loss: .bce)
        Initializer.uniform.initialize(&deep, seed: 9)
        var residual = Network(
            sizes: [2, 2, 2, 1], activations: [.sigmoid, .tanh, .sigmoid], loss: .mse, residual: true)
        Initializer.xavier.initialize(&residual, seed: 1)
        return [
            ("2-2-1 linear", linear, [80, 3.5], [1.8]), ("2-2-2-1 residual", residual, [0.4, -0.9], [1]),
            ("3-4-2 softmax", softmax, [0.5, -1, 2], [1, 0]),
            ("2-3-3-2 relu/sigmoid bce", deep, [0.3, -0.7], [1, 0])
        ]
    }

    func testGraphGradientsEqualTheBackwardPass() {
        for (name, network, x, y) in networks() {
            let trace = network.trace(x: x, y: y)
            let graph = network.computationGraph(trace)
            for k in 1...network.layerCount {
                for j in 1...network.sizes[k] {
                    let sum = graph.nodes[graph.id(.sum(layer: k, node: j))!]
                    XCTAssertEqual(sum.value, trace.z[k - 1][j - 1], name)
                    XCTAssertEqual(
                        sum.gradient, trace.deltas[k - 1][j - 1], accuracy: 1e-12 * max(1, abs(sum.gradient)),
                        "\(name) δ\(k)\(j)")
                }
            }
            for (index, parameter) in network.allParameters.enumerated() {
                let node = graph.nodes[graph.id(.parameter(parameter))!]
                XCTAssertEqual(node.value, network.parameters[index])
                XCTAssertEqual(
                    node.gradient, trace.gradient[index], accuracy: 1e-12 * max(1, abs(trace.gradient[index])),
                    "\(name) \(parameter.asciiName)")
            }
            XCTAssertEqual(graph.nodes[graph.id(.loss)!].gradient, 1)
        }
    }

    func testEachGradientIsTheSumOverPathsOfTheLocalProducts() {
        for (name, network, x, y) in networks() {
            let trace = network.trace(x: x, y: y)
            let graph = network.computationGraph(trace)
            let loss = graph.id(.loss)!
            for (index, parameter) in network.allParameters.enumerated() {
                let paths = graph.paths(from: graph.id(.parameter(parameter))!, to: loss)
                XCTAssertEqual(graph.pathCount(from: graph.id(.parameter(parameter))!, to: loss), Double(paths.count))
                let onPaths = Set(paths.flatMap { path in zip(path, path.dropFirst()).map { [$0, $1] } })
                XCTAssertEqual(
                    Set(graph.edgesOnPaths(from: graph.id(.parameter(parameter))!, to: loss).map { [$0.from, $0.to] }),
                    onPaths, "\(name) \(parameter.asciiName)")
                let total = paths.reduce(0.0) { sum, path in
                    sum + zip(path, path.dropFirst()).reduce(1.0) { $0 * graph.local($1.0, $1.1)! }
                }
                XCTAssertEqual(
                    total, trace.gradient[index], accuracy: 1e-12 * max(1, abs(total)), "\(name) \(parameter.asciiName)"
                )
            }
        }
        // The course's 2-2-1: w¹₁₁ reaches L along exactly one path, x_i1 · 1 · w²₁₁ · 1 · −2(y−ŷ) = 80 · 330.4.
        let (_, network, x, y) = networks()[0]
        let graph = network.computationGraph(network.trace(x: x, y: y))
        let paths = graph.paths(from: graph.id(.parameter(.weight(layer: 1, from: 1, to: 1)))!, to: graph.id(.loss)!)
        XCTAssertEqual(paths.count, 1)
        XCTAssertEqual(paths[0].count, 8)  // w, w·x, z₁₁, O₁₁, w²₁₁·O₁₁, z₂₁, ŷ, L
        XCTAssertEqual(graph.nodes[paths[0][0]].gradient, 80 * 330.4, accuracy: 1e-9)
    }
}
