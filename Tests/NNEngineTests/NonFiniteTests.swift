import XCTest

@testable import NNEngine

/// A NaN or an infinity anywhere in the forward pass, the loss or the gradient is divergence:
/// the update is not made and the last finite state stays. No max or comparison turns a NaN
/// into a number.
final class NonFiniteTests: XCTestCase {
    func training(
        _ sizes: [Int], _ activations: [Activation], _ loss: Loss, parameters: [Double],
        x: [Double], y: [Double]
    ) -> Training {
        var network = Network(sizes: sizes, activations: activations, loss: loss)
        network.parameters = parameters
        let data = DataSet(
            name: "one", featureNames: x.indices.map { "x\($0 + 1)" }, targetNames: y.indices.map { "y\($0 + 1)" },
            inputs: x, targets: y)
        return Training(network: network, data: data)
    }

    /// Runs one update and checks it diverged without changing a parameter.
    func assertDiverges(_ t: Training, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        var t = t
        let before = t.network.parameters.map(\.bitPattern)
        let report = try t.run(.updates(1))
        XCTAssertNotNil(report.divergence, what, file: file, line: line)
        XCTAssertEqual(report.updates, 0, what, file: file, line: line)
        XCTAssertEqual(
            t.network.parameters.map(\.bitPattern), before, "the last finite state stays: \(what)", file: file,
            line: line)
    }

    func testReluOfNaNIsNotZero() throws {
        // z = 1e200·1e200 + 1e200·(−1e200) = ∞ − ∞ = NaN; relu(NaN) used to be 0, a finite output.
        let t = training(
            [2, 1, 1], [.relu, .linear], .mse, parameters: [1e200, -1e200, 0, 1, 0], x: [1e200, 1e200], y: [1])
        try assertDiverges(t, "relu NaN")
        XCTAssertTrue(Activation.relu.value(.nan).isNaN)
        XCTAssertTrue(Activation.relu.derivative(z: .nan, output: .nan).isNaN)
        XCTAssertTrue(Activation.step.value(.nan).isNaN)
        XCTAssertEqual(Activation.relu.value(-3), 0)
        XCTAssertEqual(Activation.step.value(0), 1)
    }

    func testASaturatedHiddenNodeDoesNotHideAnInfinity() throws {
        // z¹ = 1e300·1e300 = ∞, tanh(∞) = 1: the output and the loss are finite, the forward pass is not.
        let t = training([1, 1, 1], [.tanh, .linear], .mse, parameters: [1e300, 0, 1, 0], x: [1e300], y: [0.5])
        try assertDiverges(t, "tanh of infinity")
        var batch = t
        batch.settings.mode = .batch
        try assertDiverges(batch, "tanh of infinity, batch kernel")
    }

    func testHingeOfNaNIsNaN() {
        XCTAssertTrue(Loss.hinge.value(y: [1], yHat: [.nan]).isNaN)
        XCTAssertTrue(Loss.hinge.derivative(y: 1, yHat: .nan, count: 1).isNaN)
        XCTAssertEqual(Loss.hinge.value(y: [1], yHat: [2]), 0)
        XCTAssertEqual(Loss.hinge.value(y: [1], yHat: [0.25]), 0.75)
    }

    func testAConfidentRightAnswerIsNotDivergence() throws {
        // bce at z = 40, y = 1: the loss is 4.2e-18, not nan (it used to stop training).
        var t = training([1, 1], [.sigmoid], .bce, parameters: [40, 0], x: [1], y: [1])
        let report = try t.run(.updates(1))
        XCTAssertNil(report.divergence)
        XCTAssertEqual(report.updates, 1)
    }

    func testAFrozenParametersNonFiniteGradientIsDivergence() throws {
        // ŷ = 1e-290·1e300 + 0·1 + 0 = 1e10, so ∂L/∂w¹₁₁ = 2·1e10·1e300 = ∞ while the others are finite.
        var t = training([2, 1], [.linear], .mse, parameters: [1e-290, 0, 0], x: [1e300, 1], y: [0])
        t.settings.frozen = [0]
        try assertDiverges(t, "an infinite gradient of a frozen parameter")
    }
}
