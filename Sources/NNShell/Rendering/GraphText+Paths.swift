import NNEngine

/// One parameter's paths to L: each node with its value and ∂L/∂node, each edge with its
/// local derivative, so that the gradient is visibly the product along each path (and the
/// sum over paths when there are several).
extension GraphText {
    /// Paths shown in full; the rest are counted.
    static let shownPaths = 6

    func paths(of parameter: Parameter) -> String {
        let start = id(.parameter(parameter)), loss = id(.loss)
        let shown = graph.paths(from: start, to: loss, limit: Self.shownPaths)
        let count = graph.pathCount(from: start, to: loss)
        let countText = count == 1 ? "1 path" : "\(System.format("%.0f", count)) paths"
        let d = notation.ascii ? "d" : "∂"
        let gradient = graph.nodes[start].gradient
        var lines = [
            "\(d)L/\(d)\(notation.parameter(parameter)) along its \(countText) to L: each edge carries its local derivative;",
            "the gradient is the product along " + (count > 1 ? "each path, summed over the paths" : "the path")
        ]
        var products: [Double] = []
        for (index, path) in shown.enumerated() {
            let (rows, product) = drawn(compact(path))
            products.append(product)
            if count > 1 { lines.append("path \(index + 1):") }
            lines += rows
        }
        let more = count > Double(shown.count)
        if more { lines.append("… and \(System.format("%.0f", count - Double(shown.count))) more paths, the same way") }
        if count > 1 {
            let terms = products.map { GradientText.parenthesised(format($0)) }.joined(separator: " + ")
            lines.append("sum over the paths: \(terms)\(more ? " + …" : "") = \(format(gradient))")
        }
        lines.append("= \(d)L/\(d)\(notation.parameter(parameter)) = \(format(gradient)), the backward pass's number")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The path without its product node: w → (w·a) → z becomes w → z with local a·1.
    func compact(_ path: [Int]) -> [(node: Int, local: Double?)] {
        var result: [(node: Int, local: Double?)] = [(path[0], nil)]
        var pending = 1.0
        for (a, b) in zip(path, path.dropFirst()) {
            pending *= graph.local(a, b) ?? 0
            if case .product = graph.nodes[b].kind { continue }
            result.append((b, pending))
            pending = 1
        }
        return result
    }

    /// Three rows (names and edges, values, gradients) and the product of the locals.
    func drawn(_ path: [(node: Int, local: Double?)]) -> ([String], Double) {
        var names = "  ", values = "  ", gradients = "  "
        var locals: [Double] = []
        let d = notation.ascii ? "d" : "∂"
        for (index, step) in path.enumerated() {
            if let local = step.local {
                locals.append(local)
                let edge = notation.ascii ? " --(\(format(local)))-> " : " ─(\(format(local)))→ "
                names += edge
                values += String(repeating: " ", count: edge.displayWidth)
                gradients += String(repeating: " ", count: edge.displayWidth)
            }
            let node = graph.nodes[step.node]
            let cells = [name(node.kind), format(node.value), index == path.count - 1 ? "1" : format(node.gradient)]
            let width = cells.map(\.displayWidth).max()!
            names += cells[0].padded(to: width)
            values += cells[1].padded(to: width)
            gradients += cells[2].padded(to: width)
        }
        let product = locals.reduce(1, *)
        let worked = locals.map { GradientText.parenthesised(format($0)) }.joined(separator: " \(notation.times) ")
        var rows = [names, values + "   value", gradients + "   \(d)L/\(d)node"].map { line in
            var line = line; while line.hasSuffix(" ") { line.removeLast() }; return line
        }
        if rows.contains(where: { $0.displayWidth > 80 }) { rows = vertical(path) }
        return (rows + ["  product: \(worked) = \(format(product))"], product)
    }

    /// The same path one node a line, each edge's local derivative between its two nodes.
    func vertical(_ path: [(node: Int, local: Double?)]) -> [String] {
        let d = notation.ascii ? "d" : "∂"
        let names = path.map { name(graph.nodes[$0.node].kind) }
        let values = path.map { format(graph.nodes[$0.node].value) }
        let nameWidth = names.map(\.displayWidth).max()!, valueWidth = values.map(\.displayWidth).max()!
        var rows: [String] = []
        for (index, step) in path.enumerated() {
            if let local = step.local { rows.append("    \(notation.ascii ? "|" : "↓") \(format(local))") }
            let gradient = index == path.count - 1 ? "1" : format(graph.nodes[step.node].gradient)
            rows.append(
                "  " + names[index].padded(to: nameWidth) + " = " + values[index].padded(to: valueWidth)
                    + "   \(d)L/\(d)node = \(gradient)")
        }
        return rows
    }
}
