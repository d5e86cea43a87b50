import Foundation
import NNEngine
import XCTest

@testable import NNShell

/// `show graph --svg`: the SVG parsed back, every node's value and ∂L/∂node against the
/// engine's numbers, and a parameter's highlighted paths multiplying out to its gradient.
final class GraphSVGTests: XCTestCase {
    func svg(_ session: Session, _ line: String) throws -> XMLNode {
        let outcome = session.evaluate(line)
        XCTAssertNil(outcome.error, outcome.error?.message ?? "")
        return try XCTUnwrap(XMLNode.parse(Data(outcome.output.utf8)))
    }

    func testEveryNodeCarriesTheEnginesValueAndGradient() throws {
        for setup in [
            ["example mazur", "step"],
            ["net 3-4-2 act=tanh,softmax loss=cce init=uniform seed=4", "data add 0.5 -1 2 -> 1 0", "step"],
            ["net 4-30-30-3 act=relu,relu,softmax loss=cce init=he seed=1", "data add 1 2 3 4 -> 0 0 1", "step"]
        ] {
            let session = WalkTests.session(interactive: false, setup)
            let root = try svg(session, "show graph --svg -")
            let record = session.state.training!.lastStep!
            let network = session.state.training!.network
            let nodes = root.elements("g", class: "node")
            func node(_ name: String) -> XMLNode? { nodes.first { $0["data-name"] == name } }
            let notation = Notation(ascii: false, outputCount: network.outputCount)
            for k in 1...network.layerCount {
                for j in 1...network.sizes[k] {
                    let z = try XCTUnwrap(node(notation.z(k, j)), "\(setup[0]): z\(k)\(j)")
                    XCTAssertEqual(z.number("data-value"), record.trace.z[k - 1][j - 1])
                    XCTAssertEqual(z.number("data-grad")!, record.trace.deltas[k - 1][j - 1], accuracy: 1e-12)
                    let name = k == network.layerCount ? notation.prediction(j) : notation.output(k, j)
                    XCTAssertEqual(node(name)?.number("data-value"), record.trace.outputs[k - 1][j - 1])
                }
            }
            let parameters = nodes.filter { $0["data-kind"] == "parameter" }
            if network.parameterCount <= SVGGraph.fullWeightLimit {
                XCTAssertEqual(parameters.count, network.parameterCount)
            }
            for p in parameters {
                let index = network.allParameters.firstIndex { notation.parameter($0) == p["data-name"] }!
                XCTAssertEqual(p.number("data-value"), record.parametersBefore[index])
                XCTAssertEqual(p.number("data-grad")!, record.gradient[index], accuracy: 1e-12)
            }
            XCTAssertEqual(node("L")?.number("data-value"), record.trace.loss)
        }
    }

    func testAParametersPathsAreHighlightedAndMultiplyToItsGradient() throws {
        let session = WalkTests.session(interactive: false, ["example mazur", "step"])
        let root = try svg(session, "show graph w1_11 --svg -")
        let marked = root.elements("line", class: "on-path")
        // w¹₁₁ → w¹₁₁·x → z₁₁ → O₁₁, then through w²₁₁·O₁₁ → z₂₁ → ŷ₁ → L and w²₁₂·O₁₁ → z₂₂ → ŷ₂ → L.
        XCTAssertEqual(marked.count, 11)
        var outgoing: [String: [(String, Double)]] = [:]
        for edge in marked {
            outgoing[edge["data-from"]!, default: []].append((edge["data-to"]!, edge.number("data-local")!))
        }
        func total(_ from: String) -> Double {
            from == "L" ? 1 : outgoing[from, default: []].reduce(0) { $0 + $1.1 * total($1.0) }
        }
        let index = session.state.training!.network.index(of: .weight(layer: 1, from: 1, to: 1))!
        XCTAssertEqual(total("w¹₁₁"), session.state.training!.lastStep!.gradient[index], accuracy: 1e-15)
        XCTAssertEqual(total("w¹₁₁"), 0.000438568, accuracy: 5e-10)  // Mazur's ∂E_total/∂w1
        XCTAssertEqual(root.elements("text", class: "local").count, 11)
    }
}
