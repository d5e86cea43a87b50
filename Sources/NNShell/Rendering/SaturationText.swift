import NNEngine

/// Saturated sigmoid and tanh nodes and dead relu nodes of the last update, and how much of
/// the gradient each one stops: what reaches its output (∂L/∂O) against what leaves it for
/// the layer below (δ = ∂L/∂z). Empty when no node is flagged.
enum SaturationText {
    /// Flagged nodes listed one by one; the rest are counted.
    static let listed = 8

    static func lines(_ record: StepRecord, network: Network, data: DataSet, notation: Notation, format: NumberFormat)
        -> [String]
    {
        let saturated = network.saturatedNodes(record.trace)
        let dead = network.deadNodes(on: data)
        guard !saturated.isEmpty || !dead.isEmpty else { return [] }
        let graph = network.computationGraph(record.trace)
        func flow(_ k: Int, _ j: Int) -> (arrives: Double, leaves: Double) {
            (
                graph.nodes[graph.id(.activation(layer: k, node: j))!].gradient,
                graph.nodes[graph.id(.sum(layer: k, node: j))!].gradient
            )
        }
        let d = notation.ascii ? "d" : "∂"
        var lines: [String] = []
        if !saturated.isEmpty {
            lines.append(
                "saturated nodes (g′ below 1% of its maximum), in the last row of update \(record.update):"
                    .replacing("′", with: notation.ascii ? "'" : "′"))
            for s in saturated.prefix(listed) {
                let (arrives, leaves) = flow(s.layer, s.node)
                lines.append(
                    "  \(notation.output(s.layer, s.node)): \(d)L/\(d)\(notation.output(s.layer, s.node)) = \(format(arrives)) reaches it, "
                        + "\(notation.delta(s.layer, s.node)) = \(format(leaves)) leaves it")
                lines += WalkPlan.saturationText(s, notation: notation, format: format).map { "    " + $0 }
            }
            if saturated.count > listed { lines.append("  … and \(saturated.count - listed) more saturated nodes") }
        }
        if !dead.isEmpty {
            let names = dead.prefix(listed).map { notation.output($0.layer, $0.node) }.joined(separator: ", ")
            lines.append(
                "dead relu nodes (0 for every one of the \(counted(data.count, "row"))): \(names)"
                    + (dead.count > listed ? " and \(dead.count - listed) more" : ""))
            lines.append(
                "  relu′ = 0 there: each stops all of the gradient that reaches it, and its".replacing(
                    "′", with: notation.ascii ? "'" : "′"))
            lines.append("  incoming weights never move")
        }
        return lines
    }
}
