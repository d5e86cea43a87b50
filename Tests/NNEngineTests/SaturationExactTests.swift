import XCTest

@testable import NNEngine

/// Loss and gradient where the output saturates, against values worked out independently in
/// 80-digit arithmetic (Python's mpmath, `mp.dps = 80`), from the definitions:
/// bce L = y·ln(1+e^−z) + (1−y)·ln(1+e^z) with log1p, ∂L/∂z = (1−y)σ(z) − yσ(−z);
/// mse L = (y−σ(z))², ∂L/∂z = −2(y−σ(z))σ(z)σ(−z), with 1 − σ(z) written σ(−z);
/// tanh ∂(tanh²z)/∂z = 2 tanh z sech²z; softmax two nodes z = (40, 0), L = ln(1 + e^−40) etc.
/// The network is one input x = 1 into one node, w = z, b = 0, so ∂L/∂w = ∂L/∂z.
final class SaturationExactTests: XCTestCase {
    static let bce: [(z: Double, y: Double, loss: Double, gradient: Double)] = [
        (1, 0, 1.313261687518222834049, 0.7310585786300048792512),
        (1, 1, 0.313261687518222834049, -0.2689414213699951207488),
        (10, 0, 10.00004539889921686465, 0.9999546021312975656055),
        (10, 1, 0.00004539889921686464676949, -0.00004539786870243439450478),
        (36, 0, 36.00000000000000023195, 0.9999999999999997680477),
        (36, 1, 2.319522830243569119303e-16, -2.319522830243568850294e-16),
        (40, 0, 40.00000000000000000425, 0.9999999999999999957516),
        (40, 1, 4.248354255291588986305e-18, -4.248354255291588977281e-18),
        (100, 0, 100.0, 1.0),
        (100, 1, 3.72007597602083596296e-44, -3.72007597602083596296e-44),
        (700, 0, 700.0, 1.0),
        (700, 1, 9.859676543759770856705e-305, -9.859676543759770856705e-305),
        (-1, 0, 0.313261687518222834049, 0.2689414213699951207488),
        (-1, 1, 1.313261687518222834049, -0.7310585786300048792512),
        (-10, 0, 0.00004539889921686464676949, 0.00004539786870243439450478),
        (-10, 1, 10.00004539889921686465, -0.9999546021312975656055),
        (-36, 0, 2.319522830243569119303e-16, 2.319522830243568850294e-16),
        (-36, 1, 36.00000000000000023195, -0.9999999999999997680477),
        (-40, 0, 4.248354255291588986305e-18, 4.248354255291588977281e-18),
        (-40, 1, 40.00000000000000000425, -0.9999999999999999957516),
        (-100, 0, 3.72007597602083596296e-44, 3.72007597602083596296e-44),
        (-100, 1, 100.0, -1.0),
        (-700, 0, 9.859676543759770856705e-305, 9.859676543759770856705e-305),
        (-700, 1, 700.0, -1.0)
    ]
    static let mse: [(z: Double, y: Double, loss: Double, gradient: Double)] = [
        (1, 0, 0.5344466453885230267137, 0.2874696809144302619799),
        (1, 1, 0.07232948812851326821142, -0.1057541855685334430949),
        (10, 0, 0.9999092063235616139345, 0.00009078749372606486668581),
        (10, 1, 2.06096648272347233419e-9, -4.121745838475379071937e-9),
        (20, 0, 0.9999999958776927678679, 4.12230721938699022926e-9),
        (20, 1, 4.248354237778567524082e-18, -8.496708458044113631062e-18),
        (36, 0, 0.9999999999999995360954, 4.639045660487135548513e-16),
        (36, 1, 5.380186160021135917925e-32, -1.076037232004226933996e-31),
        (40, 0, 0.9999999999999999915033, 8.496708510583177882367e-18),
        (40, 1, 1.804851387845415156977e-35, -3.609702775690830298618e-35),
        (45, 0, 0.9999999999999999999427, 5.725037161098787288449e-20),
        (45, 1, 8.194012623990515429892e-40, -1.638802524798103085931e-39),
        (-10, 0, 2.06096648272347233419e-9, 4.121745838475379071937e-9),
        (-10, 1, 0.9999092063235616139345, -0.00009078749372606486668581),
        (-45, 0, 8.194012623990515429892e-40, 1.638802524798103085931e-39),
        (-45, 1, 0.9999999999999999999427, -5.725037161098787288449e-20)
    ]

    func node(_ activation: Activation, _ loss: Loss, z: Double) -> Network {
        var network = Network(sizes: [1, 1], activations: [activation], loss: loss)
        network.parameters = [z, 0]
        return network
    }

    func assertRelative(
        _ value: Double, _ exact: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertLessThanOrEqual(
            abs(value - exact), 1e-12 * abs(exact), "\(what): \(value) against \(exact)", file: file, line: line)
    }

    func testSigmoidBCEIsExactForEveryZUpTo700() throws {
        for (z, y, loss, gradient) in Self.bce {
            let trace = node(.sigmoid, .bce, z: z).trace(x: [1], y: [y])
            assertRelative(trace.loss, loss, "bce loss at z = \(z), y = \(y)")
            assertRelative(trace.gradient[0], gradient, "bce gradient at z = \(z), y = \(y)")
            assertRelative(trace.deltas[0][0], gradient, "δ = ŷ − y at z = \(z), y = \(y)")
            // The batch kernel gives the same numbers, and an update is made, not a divergence.
            var training = Training(
                network: node(.sigmoid, .bce, z: z),
                data: DataSet(name: "one", featureNames: ["x"], targetNames: ["y"], inputs: [1], targets: [y]))
            training.settings.mode = .batch
            let report = try training.run(.updates(1))
            XCTAssertNil(report.divergence, "z = \(z), y = \(y)")
            assertRelative(training.lastStep!.loss, loss, "batch bce loss at z = \(z), y = \(y)")
            assertRelative(training.lastStep!.gradient[0], gradient, "batch bce gradient at z = \(z), y = \(y)")
        }
    }

    func testSigmoidMSEIsExactUpToZ45() {
        for (z, y, loss, gradient) in Self.mse {
            let trace = node(.sigmoid, .mse, z: z).trace(x: [1], y: [y])
            assertRelative(trace.loss, loss, "mse loss at z = \(z), y = \(y)")
            assertRelative(trace.gradient[0], gradient, "mse gradient at z = \(z), y = \(y)")
        }
    }

    func testTanhDerivativeKeepsItsDigits() {
        let cases: [(z: Double, gradient: Double)] = [
            (20, 3.398683404233271138508e-17), (-30, -7.005208610157216270791e-26),
            (5, 0.000363133487920905565227)
        ]
        for (z, gradient) in cases {
            let trace = node(.tanh, .mse, z: z).trace(x: [1], y: [0])
            assertRelative(trace.gradient[0], gradient, "tanh gradient at z = \(z)")
        }
    }

    func testSigmoidHiddenDerivativeIsSigmaTimesSigmaOfMinusZ() {
        // σ′(40) = σ(40)σ(−40) = 4.248354255291588959232e-18 (mpmath); O(1−O) would give 0.
        XCTAssertEqual(
            Activation.sigmoid.derivative(z: 40, output: 1 / (1 + exp(-40.0))), 4.248354255291588959232e-18,
            accuracy: 1e-12 * 4.25e-18)
    }

    func testSoftmaxCCEIsExactForAConfidentAnswer() {
        var network = Network(sizes: [1, 2], activations: [.softmax], loss: .cce)
        network.parameters = [40, 0, 0, 0]
        let right = network.trace(x: [1], y: [1, 0]), wrong = network.trace(x: [1], y: [0, 1])
        // ln(1 + e^−40), σ(−40) and 40 + ln(1 + e^−40), σ(40) in mpmath.
        assertRelative(right.loss, 4.248354255291588986305e-18, "right answer's loss")
        assertRelative(right.deltas[0][0], -4.248354255291588977281e-18, "δ₁ = ŷ₁ − 1")
        assertRelative(right.deltas[0][1], 4.248354255291588977281e-18, "δ₂ = ŷ₂")
        assertRelative(wrong.loss, 40.00000000000000000425, "wrong answer's loss")
        assertRelative(wrong.deltas[0][0], 0.9999999999999999957516, "δ₁ = ŷ₁")
        assertRelative(wrong.deltas[0][1], -0.9999999999999999957516, "δ₂ = ŷ₂ − 1")
    }
}
