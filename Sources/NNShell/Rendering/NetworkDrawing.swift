import NNEngine

/// `show net`: the network as nodes and edges with their weights. (Simple version; to be refined.)
enum NetworkDrawing {
    static func render(_ network: Network, notation: Notation, format: NumberFormat, width: Int) -> String {
        var lines: [String] = []
        for k in 1...network.layerCount {
            lines.append("layer \(k - 1) -> layer \(k) (\(network.activations[k - 1].rawValue)):")
            for j in 1...min(network.sizes[k], 12) {
                let inputs = (1...min(network.sizes[k - 1], 8)).map { i in
                    "\(k == 1 ? notation.input(i) : notation.output(k - 1, i)) --\(format(network.weight(k, i, j)))-->"
                }
                lines.append("  " + inputs.joined(separator: "  ") + " \(notation.output(k, j)) (+\(format(network.bias(k, j))))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
