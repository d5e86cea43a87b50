import XCTest

@testable import NNShell

/// Residual shortcuts on the pictures: `show net` draws one arc per layer with a shortcut.
final class ShortcutPictureTests: XCTestCase {
    static func showNet(_ net: String, ascii: Bool = false) -> [String] {
        let session = PlotGoldenTests.session(ascii: ascii, width: 80)
        XCTAssertNil(session.evaluate(net).error)
        return session.evaluate("show net").output.components(separatedBy: "\n")
    }

    /// 2-8-8-8-8-1: layers 2, 3 and 4 have shortcuts (8 → 8), layers 1 (2 → 8) and 5 (8 → 1) none.
    func testOneArcPerShortcutEndingOverItsLayer() {
        for ascii in [false, true] {
            let lines = Self.showNet("net 2-8-8-8-8-1 act=sigmoid residual=on seed=1", ascii: ascii)
            let stem = lines.first { $0.contains(ascii ? "v" : "↓") && !$0.contains("(") }!
            let arrows = Array(stem).indices.filter { Array(stem)[$0] == (ascii ? "v" : "↓") }
            XCTAssertEqual(arrows.count, 3, lines.joined(separator: "\n"))
            for (arrow, k) in zip(arrows, 2...4) {
                // Each arrow points down at layer k's first node, (O_k1).
                let node = Array(ascii ? "(O\(k)_1)" : "(O" + ["₂", "₃", "₄"][k - 2] + "₁)")
                let at = { (row: [Character]) in row.indices.first { Array(row[$0...].prefix(node.count)) == node } }
                let start = lines.lazy.compactMap { at(Array($0)) }.first!
                XCTAssertTrue((start...start + 4).contains(arrow), "arrow of layer \(k) at \(arrow), node at \(start)")
            }
            let labels = ascii ? ["+ O1", "+ O2", "+ O3"] : ["+ O¹", "+ O²", "+ O³"]
            for label in labels { XCTAssertTrue(lines.contains { $0.contains(label) }, label) }
        }
    }

    func testNoArcWithoutShortcuts() {
        for net in ["net 2-8-8-8-8-1 act=sigmoid seed=1", "net 2-3-1 residual=on"] {
            let picture = Self.showNet(net).joined(separator: "\n")
            XCTAssertFalse(picture.contains("╮") || picture.contains("↓"), net)
        }
    }
}

/// `plot grads` with a kept run: both runs' per-layer gradient sizes on one scale, whose ends
/// are the smallest and largest sizes any update had, worked out here from each update's
/// gradient vector (not from the recorder).
final class GradientRunTests: XCTestCase {
    /// ‖∂L/∂Wᵏ‖ of each layer of the last update, from its gradient vector.
    static func norms(_ session: Session) -> [Double] {
        let training = session.state.training!, network = training.network
        let gradient = training.lastStep!.gradient
        return (1...network.layerCount).map { k in
            (network.weightOffsets[k]..<network.biasOffsets[k]).map { gradient[$0] * gradient[$0] }
                .reduce(0, +).squareRoot()
        }
    }

    func testThePlotsExtremesAreTheSmallestAndLargestGradientOfEitherRun() throws {
        let session = PlotGoldenTests.session(ascii: false, width: 80)
        var seen: [(run: String, layer: Int, norm: Double)] = []
        let net = "net 2-4-4-4-1 act=sigmoid init=xavier seed=3"
        let setups = [("plain", net), ("this run", net + " residual=on")]
        for (run, setup) in setups {
            for line in [setup, "data moons", "set mode batch", "set lr 0.5"] {
                XCTAssertNil(session.evaluate(line).error, line)
            }
            for _ in 0..<15 {
                XCTAssertNil(session.evaluate("step").error)
                seen += Self.norms(session).enumerated().map { (run, $0.offset + 1, $0.element) }
            }
            let recorder = session.state.training!.recorder
            for k in 1...4 {
                XCTAssertEqual(recorder.lastGradientNorm(layer: k)!, Self.norms(session)[k - 1], accuracy: 1e-12)
            }
            if run == "plain" { XCTAssertNil(session.evaluate("plot keep plain").error) }
        }
        let low = seen.min { $0.norm < $1.norm }!, high = seen.max { $0.norm < $1.norm }!
        let notation = Notation(ascii: false)
        let current = PlotData.run(session.state.training!, name: "this run", notation: notation)
        let panels = PlotData.gradientRunPanels(
            current: current, kept: session.state.savedRuns, logY: true,
            notation: notation, format: NumberFormat())
        XCTAssertEqual(panels.count, 2)
        for panel in panels {
            XCTAssertEqual(panel.yRange!.lowerBound, low.norm, accuracy: 1e-12)
            XCTAssertEqual(panel.yRange!.upperBound, high.norm, accuracy: 1e-12)
            XCTAssertEqual(panel.series.count, 4)
        }
        let output = session.evaluate("plot grads").output
        let format = NumberFormat()
        let flat = output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(
            flat
                .contains(
                    "the smallest size recorded is \(format(low.norm)) (\(low.run), layer \(low.layer)), "
                        + "the largest \(format(high.norm)) (\(high.run), layer \(high.layer))"), output)
        // The residual run's first layer keeps a larger gradient than the plain run's.
        let plainFirst = seen.filter { $0.run == "plain" && $0.layer == 1 }.last!.norm
        let residualFirst = seen.filter { $0.run == "this run" && $0.layer == 1 }.last!.norm
        XCTAssertGreaterThan(residualFirst, 10 * plainFirst, "plain \(plainFirst), residual \(residualFirst)")
    }

    func testWithoutKeptRunsPlotGradsIsOnePanel() {
        let session = PlotGoldenTests.session(ascii: false, width: 80)
        for line in ["net 2-2-1 act=sigmoid,linear init=0.5", "data placement", "epoch 2"] {
            XCTAssertNil(session.evaluate(line).error)
        }
        XCTAssertFalse(session.evaluate("plot grads").output.contains("every panel on one scale"))
        XCTAssertNil(session.evaluate("plot keep a").error)
        // The kept run is this run: nothing new to compare, still one panel.
        XCTAssertFalse(session.evaluate("plot grads").output.contains("every panel on one scale"))
    }
}
