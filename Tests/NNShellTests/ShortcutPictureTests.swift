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
                let row = lines.map(Array.init).first { row in row.indices.contains { Array(row[$0...].prefix(node.count)) == node } }!
                let start = row.indices.first { Array(row[$0...].prefix(node.count)) == node }!
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
