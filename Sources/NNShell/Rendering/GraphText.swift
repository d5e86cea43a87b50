import NNEngine

/// `show graph`: the computation graph of one sample drawn with box characters, or the
/// paths from one parameter to L with the local derivative on every edge.
struct GraphText {
    let graph: ComputationGraph
    let network: Network
    let notation: Notation
    let format: NumberFormat

    /// Networks with at most this many parameters are drawn in the terminal.
    static let drawableParameters = 20
    /// Larger networks get no graph at all: building it would take seconds and gigabytes.
    static let graphParameterLimit = 200_000

    /// The name of a node on screen: w¹₁₁, x_i1, z₁₁, O₁₁ (ŷ at the output), L.
    func name(_ kind: ComputationGraph.Kind) -> String {
        switch kind {
        case .input(let i): return notation.input(i)
        case .parameter(let p): return notation.parameter(p)
        case .product(let k, let i, let j):
            return "\(notation.parameter(.weight(layer: k, from: i, to: j)))\(notation.times)a"
        case .sum(let k, let j): return notation.z(k, j)
        case .activation(let k, let j): return k == network.layerCount ? notation.prediction(j) : notation.output(k, j)
        case .loss: return "L"
        }
    }

    /// `w¹₁₁ 1 [26432]`: the name, the value and, in brackets, ∂L/∂node.
    func label(_ id: Int, named: String? = nil, gradient: Bool = true) -> String {
        let node = graph.nodes[id]
        let text = "\(named ?? name(node.kind)) \(format(node.value))"
        return gradient ? text + " [\(format(node.gradient))]" : text
    }

    func id(_ kind: ComputationGraph.Kind) -> Int { graph.id(kind)! }

    /// The whole graph, one block per node: × for each weight, + for the sum, the activation.
    func full(title: String) -> String {
        var lines = [
            title,
            "each node: name, value [∂L/∂node]; × multiplies, + adds, then the activation"
                .replacing("∂", with: notation.ascii ? "d" : "∂")
        ]
        for k in 1...network.layerCount {
            lines.append("layer \(k) (\(network.activations[k - 1].rawValue))")
            for j in 1...network.sizes[k] { lines += block(layer: k, node: j) }
        }
        lines.append("loss (\(network.loss.rawValue))")
        lines += lossBlock()
        return lines.joined(separator: "\n") + "\n"
    }

    /// z_kj's products and sum, then its activation.
    func block(layer k: Int, node j: Int) -> [String] {
        let n = network.sizes[k - 1]
        let parameters = (1...n).map { label(id(.parameter(.weight(layer: k, from: $0, to: j)))) }
        let inputs = (1...n).map { i in
            k == 1
                ? label(id(.input(i)), gradient: false) : label(id(.activation(layer: k - 1, node: i)), gradient: false)
        }
        let products = (1...n).map { i in
            let node = graph.nodes[id(.product(layer: k, from: i, to: j))]
            return "\(format(node.value)) [\(format(node.gradient))]"
        }
        let bias = label(id(.parameter(.bias(layer: k, node: j))))
        let leafWidth = (parameters + inputs + [bias]).map(\.displayWidth).max()!
        let productWidth = products.map(\.displayWidth).max()!
        let rail = leafWidth + 9 + productWidth + 2
        var lines: [String] = []
        for i in 0..<n {
            let through = i == 0 ? "" : String(repeating: " ", count: rail - leafWidth - 3) + "│"
            lines.append("  " + parameters[i].padded(to: leafWidth) + " ─┐" + through)
            lines.append(
                "  " + inputs[i].padded(to: leafWidth) + " ─┴─ × ─ " + products[i].padded(to: productWidth) + " ─"
                    + (i == 0 ? "┐" : "┤"))
        }
        lines.append(
            "  " + bias.padded(to: leafWidth) + " " + String(repeating: "─", count: rail - leafWidth - 1) + "┴─ + ─ "
                + label(id(.sum(layer: k, node: j))))
        let activation = network.activations[k - 1].rawValue
        let o = id(.activation(layer: k, node: j))
        let output =
            k == network.layerCount ? label(o, named: "\(notation.prediction(j)) = \(notation.output(k, j))") : label(o)
        lines.append("    \(notation.z(k, j)) ─ \(activation) ─ " + output)
        return lines.map { line in
            var line = line; while line.hasSuffix(" ") { line.removeLast() }; return line
        }
    }

    func lossBlock() -> [String] {
        let outputs = (1...network.outputCount).map { label(id(.activation(layer: network.layerCount, node: $0))) }
        let width = outputs.map(\.displayWidth).max()!
        let loss = "\(network.loss.rawValue) ─ " + label(id(.loss))
        if outputs.count == 1 { return ["  " + outputs[0] + " ─── " + loss] }
        return outputs.enumerated().map { index, text in
            let joint = index == 0 ? "┐" : index == outputs.count - 1 ? "┴─ " + loss : "┤"
            return "  " + text.padded(to: width) + " ─" + joint
        }
    }
}
