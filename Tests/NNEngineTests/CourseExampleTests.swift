import XCTest

@testable import NNEngine

/// The course's worked example: a 2-2-1 linear network on the students table with every
/// weight 1, biases 0 and η = 0.1, L = (y−ŷ)². Every expected number here is worked by hand.
final class CourseExampleTests: XCTestCase {
    func studentsTraining() -> Training {
        var network = Network(sizes: [2, 2, 1], activations: [.linear, .linear], loss: .mse)
        Initializer.constant(1).initialize(&network, seed: 0)
        let data = DataSet(
            name: "students", featureNames: ["iq", "gpa"], targetNames: ["salary"],
            inputs: [80, 3.5, 60, 4, 70, 3.2], targets: [1.8, 2.5, 2])
        return Training(network: network, data: data)
    }

    func testFirstRowForwardPassMatchesTheHandCalculation() {
        let t = studentsTraining()
        let trace = t.network.trace(x: [80, 3.5], y: [1.8])
        XCTAssertEqual(trace.outputs[0], [83.5, 83.5])  // 80·1 + 3.5·1 + 0
        XCTAssertEqual(trace.prediction, [167])  // 83.5 + 83.5
        XCTAssertEqual(trace.loss, 27291.04, accuracy: 1e-9)  // (1.8 − 167)² = 165.2²
    }

    func testTheNineTextbookChainsFactorByFactor() {
        let t = studentsTraining()
        let trace = t.network.trace(x: [80, 3.5], y: [1.8])
        let chains = t.network.explainGradients(trace)
        let dLdy = -2 * (1.8 - 167.0)  // 330.4
        // (parameter, the simplified factors' values in order, expected gradient)
        let expected: [(Parameter, [Double])] = [
            (.weight(layer: 1, from: 1, to: 1), [dLdy, 1, 80]),  // −2(y−ŷ)·w²₁₁·x_i1
            (.weight(layer: 1, from: 1, to: 2), [dLdy, 1, 80]),  // −2(y−ŷ)·w²₂₁·x_i1
            (.weight(layer: 1, from: 2, to: 1), [dLdy, 1, 3.5]),  // −2(y−ŷ)·w²₁₁·x_i2
            (.weight(layer: 1, from: 2, to: 2), [dLdy, 1, 3.5]),  // −2(y−ŷ)·w²₂₁·x_i2
            (.bias(layer: 1, node: 1), [dLdy, 1, 1]),  // −2(y−ŷ)·w²₁₁
            (.bias(layer: 1, node: 2), [dLdy, 1, 1]),  // −2(y−ŷ)·w²₂₁
            (.weight(layer: 2, from: 1, to: 1), [dLdy, 83.5]),  // −2(y−ŷ)·O₁₁
            (.weight(layer: 2, from: 2, to: 1), [dLdy, 83.5]),  // −2(y−ŷ)·O₁₂
            (.bias(layer: 2, node: 1), [dLdy, 1])  // −2(y−ŷ)
        ]
        XCTAssertEqual(chains.count, 9)
        for (parameter, values) in expected {
            let chain = chains.first { $0.parameter == parameter }!
            XCTAssertEqual(chain.factors.map(\.value), values, "\(parameter.asciiName)")
            XCTAssertEqual(chain.value, values.reduce(1, *), accuracy: 1e-9, "\(parameter.asciiName)")
            XCTAssertFalse(chain.usesDelta)
        }
        let w121 = chains.first { $0.parameter == .weight(layer: 1, from: 2, to: 1) }!
        XCTAssertEqual(
            w121.factors.map(\.form),
            [
                .lossDerivative(.mse, node: 1, outputs: 1),
                .weight(layer: 2, from: 1, to: 1), .input(2)
            ])
        XCTAssertEqual(
            w121.factors.map(\.denominator),
            [
                .prediction(1), .output(layer: 1, node: 1),
                .parameter(.weight(layer: 1, from: 2, to: 1))
            ])
    }

    func testTheFirstUpdateMovesEveryParameterByMinusEtaTimesItsGradient() throws {
        var t = studentsTraining()
        let report = try t.run(.updates(1))
        XCTAssertEqual(report.updates, 1)
        XCTAssertEqual(t.network.weight(2, 1, 1), 1 - 0.1 * 330.4 * 83.5, accuracy: 1e-9)  // −2757.84
        XCTAssertEqual(t.network.weight(1, 1, 1), 1 - 0.1 * 330.4 * 80, accuracy: 1e-9)  // −2642.2
        XCTAssertEqual(t.network.bias(2, 1), -33.04, accuracy: 1e-12)
        XCTAssertEqual(t.lastStep?.loss ?? 0, 27291.04, accuracy: 1e-9)
    }

    func testTheStudentsRunDivergesAndKeepsTheLastFiniteState() throws {
        var t = studentsTraining()
        let report = try t.run(.updates(100))
        let divergence = try XCTUnwrap(report.divergence)
        XCTAssertLessThan(report.updates, 100)
        XCTAssertEqual(divergence.update, report.updates + 1)
        XCTAssertTrue(t.network.parameters.allSatisfy(\.isFinite))
        let before = t.network.parameters
        XCTAssertEqual(t.undo(1), 1)
        XCTAssertNotEqual(before, t.network.parameters)
    }

    func testUndoRestoresEveryParameterBitForBit() throws {
        var t = studentsTraining()
        t.settings.learningRate = 1e-5
        let start = t.network.parameters
        _ = try t.run(.updates(7))
        let afterThree = { () -> [Double] in
            var c = self.studentsTraining(); c.settings.learningRate = 1e-5; _ = try? c.run(.updates(3));
            return c.network.parameters
        }()
        XCTAssertEqual(t.undo(4), 4)
        XCTAssertEqual(t.network.parameters.map(\.bitPattern), afterThree.map(\.bitPattern))
        XCTAssertEqual(t.undo(10), 3)
        XCTAssertEqual(t.network.parameters.map(\.bitPattern), start.map(\.bitPattern))
        XCTAssertEqual(t.updateCount, 0)
    }

    func testFiveFourThreeTwoOneHasFiftyParameters() {
        let network = Network(sizes: [5, 4, 3, 2, 1], activations: Array(repeating: .sigmoid, count: 4), loss: .mse)
        XCTAssertEqual((1...4).map(network.parameterCount(layer:)), [24, 15, 8, 3])
        XCTAssertEqual(network.parameterCount, 50)
    }
}
