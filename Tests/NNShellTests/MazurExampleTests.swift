import Foundation
import NNEngine
import XCTest

@testable import NNShell

/// `example mazur` against Matt Mazur's post ("A Step by Step Backpropagation Example", 2015)
/// and against a plain computation written here from his formulas.
final class MazurExampleTests: XCTestCase {
    /// Mazur's network worked with Foundation's exp: E = Σ ½(t − o)², biases fixed.
    struct Plain {
        var w = [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55]
        let b1 = 0.35, b2 = 0.60, i = [0.05, 0.10], t = [0.01, 0.99]

        static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

        func forward() -> (h: [Double], o: [Double]) {
            let h = [Self.sigmoid(w[0] * i[0] + w[1] * i[1] + b1), Self.sigmoid(w[2] * i[0] + w[3] * i[1] + b1)]
            let o = [Self.sigmoid(w[4] * h[0] + w[5] * h[1] + b2), Self.sigmoid(w[6] * h[0] + w[7] * h[1] + b2)]
            return (h, o)
        }

        var error: Double { let o = forward().o; return 0.5 * (pow(t[0] - o[0], 2) + pow(t[1] - o[1], 2)) }

        mutating func update(rate: Double = 0.5) {
            let (h, o) = forward()
            let d = [(o[0] - t[0]) * o[0] * (1 - o[0]), (o[1] - t[1]) * o[1] * (1 - o[1])]
            let dh = [(d[0] * w[4] + d[1] * w[6]) * h[0] * (1 - h[0]), (d[0] * w[5] + d[1] * w[7]) * h[1] * (1 - h[1])]
            let g = [
                dh[0] * i[0], dh[0] * i[1], dh[1] * i[0], dh[1] * i[1], d[0] * h[0], d[0] * h[1], d[1] * h[0],
                d[1] * h[1]
            ]
            for k in 0..<8 { w[k] -= rate * g[k] }
        }
    }

    /// Mazur's w1…w8 are our w1_11, w1_21, w1_12, w1_22, w2_11, w2_21, w2_12, w2_22.
    static let names = ["w1_11", "w1_21", "w1_12", "w1_22", "w2_11", "w2_21", "w2_12", "w2_22"]

    func weights(_ session: Session) -> [Double] {
        let network = session.state.training!.network
        return Self.names.map { network[Parameter(name: $0)!]! }
    }

    func loss(_ session: Session) -> Double {
        session.state.training!.network.meanLoss(on: session.state.training!.data)
    }

    func testBeforeAfterOneUpdateAndAfterTenThousand() {
        let session = WalkTests.session(interactive: false, ["example mazur"])
        var plain = Plain()
        // Before: his E_total 0.298371109, out_o1 0.75136507; his E is the sum of ½(t−o)², ours the mean of (t−o)².
        XCTAssertEqual(loss(session), 0.298371109, accuracy: 5e-10)
        XCTAssertEqual(loss(session), plain.error, accuracy: 1e-15)
        XCTAssertEqual(
            session.state.training!.network.trace(x: [0.05, 0.1], y: [0.01, 0.99]).prediction[0], 0.75136507,
            accuracy: 5e-9)

        _ = session.evaluate("step")
        plain.update()
        // His updated weights, to the digits he printed.
        let published = [
            0.149780716, 0.19956143, 0.24975114, 0.29950229, 0.35891648, 0.408666186, 0.511301270, 0.561370121
        ]
        let printedDecimals = [9, 8, 8, 8, 8, 9, 9, 9]
        for (k, value) in weights(session).enumerated() {
            XCTAssertEqual(
                value, published[k], accuracy: 0.5 * pow(10, -Double(printedDecimals[k])) * 1.0001, "w\(k + 1)")
            XCTAssertEqual(value, plain.w[k], accuracy: 1e-15, "w\(k + 1) against the plain computation")
        }
        let biases = ["b1_1", "b1_2", "b2_1", "b2_2"].map { session.state.training!.network[Parameter(name: $0)!]! }
        XCTAssertEqual(biases, [0.35, 0.35, 0.60, 0.60], "his biases stay fixed")
        // After one update: 0.291027774; Mazur printed 0.291027924 (his intermediate values were rounded).
        XCTAssertEqual(loss(session), 0.291027774, accuracy: 5e-10)
        XCTAssertEqual(loss(session), plain.error, accuracy: 1e-15)
        XCTAssertGreaterThan(abs(loss(session) - 0.291027924), 1e-7)

        _ = session.evaluate("step 9999")
        for _ in 0..<9999 { plain.update() }
        XCTAssertEqual(loss(session), 3.51019e-5, accuracy: 5e-11)
        XCTAssertEqual(loss(session), plain.error, accuracy: 1e-13)
    }

    /// The walk's numbers for his network are his: out_h1 0.593269992, δ_o1 = ∂E/∂net_o1
    /// 0.138498562, ∂E/∂w5 0.082167041.
    func testTheWalkShowsHisIntermediateNumbers() {
        let session = WalkTests.session(interactive: true, ["example mazur"])
        _ = session.evaluate("step --walk")
        let steps = session.state.walk!.steps
        func value(_ name: String) -> Double { steps.first { $0.name == name }!.value! }
        XCTAssertEqual(value("O₁₁"), 0.593269992, accuracy: 5e-10)
        XCTAssertEqual(value("z₁₁"), 0.3775, accuracy: 1e-15)
        XCTAssertEqual(value("δ₂₁"), 0.138498562, accuracy: 5e-10)
        XCTAssertEqual(value("∂L/∂w²₁₁"), 0.082167041, accuracy: 5e-10)
        XCTAssertEqual(value("L"), 0.298371109, accuracy: 5e-10)
        let walked = session.evaluate("c").output
        XCTAssertTrue(walked.contains("frozen: computed and shown, but not applied"))
    }
}
