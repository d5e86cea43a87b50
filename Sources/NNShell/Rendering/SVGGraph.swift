import NNEngine

/// The computation graph as SVG, for any size: columns of nodes in the order the forward pass
/// computes them, each node with its value and ∂L/∂node, each edge a line. With a parameter,
/// the edges of its paths to L are highlighted and labelled with their local derivatives.
///
/// Nodes carry `data-name`, `data-value` and `data-grad` (full precision) and edges
/// `data-from`, `data-to` and `data-local`, so a test can read the numbers back.
enum SVGGraph {
    /// Above this many weights the products and parameters are left out (z and O remain).
    static let fullWeightLimit = 200
    /// Above this many edges none are drawn.
    static let edgeLimit = 6_000

    typealias Positions = [Int: (x: Double, y: Double)]

    static func render(_ graph: ComputationGraph, text: GraphText, highlight: Parameter?, title: String) -> String {
        let weights = (1...text.network.layerCount).reduce(0) {
            $0 + text.network.sizes[$1 - 1] * text.network.sizes[$1]
        }
        let full = weights <= fullWeightLimit
        let columns = layout(graph, full: full)
        let rowHeight = 46.0, columnWidth = 150.0, margin = 30.0
        let tallest = Double(columns.map(\.count).max() ?? 1)
        var document = SVGDocument(
            width: margin * 2 + columnWidth * Double(columns.count), height: margin * 2 + 30 + rowHeight * tallest,
            title: title)
        var position: Positions = [:]
        for (c, column) in columns.enumerated() {
            let top = margin + 30 + (tallest - Double(column.count)) * rowHeight / 2
            for (r, id) in column.enumerated() {
                position[id] = (margin + Double(c) * columnWidth, top + Double(r) * rowHeight)
            }
        }
        let onPath = highlightedEdges(graph, highlight)
        let n = SVGDocument.number
        document.add(
            SVGDocument.element(
                "text", [("x", n(margin)), ("y", n(margin)), ("font-size", "14"), ("fill", "#111111")], text: title))
        let edges = visibleEdges(graph, full: full)
        if edges.count <= edgeLimit {
            document.group([("class", "edges")]) { doc in
                for edge in edges {
                    draw(edge, &doc, graph, position, text, marked: onPath.contains([edge.from, edge.to]))
                }
            }
        }
        document.group([("class", "nodes")]) { doc in
            for (id, at) in position.sorted(by: { $0.key < $1.key }) {
                node(&doc, graph, id, at, text, marked: onPath.contains { $0.contains(id) })
            }
        }
        return document.render()
    }

    /// The edges on the paths from `parameter` to L, as [from, to] pairs.
    static func highlightedEdges(_ graph: ComputationGraph, _ parameter: Parameter?) -> Set<[Int]> {
        guard let parameter, let start = graph.id(.parameter(parameter)), let loss = graph.id(.loss) else { return [] }
        return Set(graph.edgesOnPaths(from: start, to: loss).map { [$0.from, $0.to] })
    }

    /// One edge; an edge on a highlighted path is red and carries its local derivative.
    static func draw(
        _ edge: ComputationGraph.Edge, _ doc: inout SVGDocument, _ graph: ComputationGraph,
        _ position: Positions, _ text: GraphText, marked: Bool
    ) {
        guard let a = position[edge.from], let b = position[edge.to] else { return }
        let n = SVGDocument.number
        doc.add(
            SVGDocument.element(
                "line",
                [
                    ("class", marked ? "edge on-path" : "edge"),
                    ("data-from", text.name(graph.nodes[edge.from].kind)),
                    ("data-to", text.name(graph.nodes[edge.to].kind)),
                    ("data-local", SVGDocument.exact(edge.local)),
                    ("x1", n(a.x + 120)), ("y1", n(a.y + 14)), ("x2", n(b.x)), ("y2", n(b.y + 14)),
                    ("stroke", marked ? "#d62728" : "#b0b0b0"), ("stroke-width", marked ? "2.5" : "1")
                ]))
        guard marked else { return }
        doc.add(
            SVGDocument.element(
                "text",
                [
                    ("class", "local"), ("x", n((a.x + 120 + b.x) / 2)), ("y", n((a.y + b.y) / 2 + 10)),
                    ("text-anchor", "middle"), ("font-size", "10"), ("fill", "#d62728")
                ],
                text: text.format(edge.local)))
    }

    static func node(
        _ doc: inout SVGDocument, _ graph: ComputationGraph, _ id: Int, _ at: (x: Double, y: Double),
        _ text: GraphText, marked: Bool
    ) {
        let node = graph.nodes[id], n = SVGDocument.number
        let d = text.notation.ascii ? "d" : "∂"
        doc.group([
            ("class", "node"), ("data-kind", kind(node.kind)), ("data-name", text.name(node.kind)),
            ("data-value", SVGDocument.exact(node.value)), ("data-grad", SVGDocument.exact(node.gradient))
        ]) { g in
            g.add(
                SVGDocument.element(
                    "rect",
                    [
                        ("x", n(at.x)), ("y", n(at.y)), ("width", "120"), ("height", "30"), ("rx", "4"),
                        ("fill", marked ? "#fde0dd" : "#f4f6fb"), ("stroke", marked ? "#d62728" : "#5577aa")
                    ]))
            g.add(
                SVGDocument.element(
                    "text", [("x", n(at.x + 4)), ("y", n(at.y + 12)), ("font-size", "11"), ("fill", "#111111")],
                    text: "\(text.name(node.kind)) = \(text.format(node.value))"))
            g.add(
                SVGDocument.element(
                    "text", [("x", n(at.x + 4)), ("y", n(at.y + 25)), ("font-size", "10"), ("fill", "#555555")],
                    text: "\(d)L/\(d)· = \(text.format(node.gradient))"))
        }
    }

    static func kind(_ kind: ComputationGraph.Kind) -> String {
        switch kind {
        case .input: return "input"
        case .parameter: return "parameter"
        case .product: return "product"
        case .sum: return "sum"
        case .activation: return "activation"
        case .loss: return "loss"
        }
    }

    /// Columns in forward order: inputs, then per layer [parameters, products,] sums, activations, then L.
    static func layout(_ graph: ComputationGraph, full: Bool) -> [[Int]] {
        var columns: [String: [Int]] = [:]
        var order: [String] = []
        func put(_ key: String, _ id: Int) {
            if columns[key] == nil { order.append(key) }
            columns[key, default: []].append(id)
        }
        for (id, node) in graph.nodes.enumerated() {
            switch node.kind {
            case .input: put("0 input", id)
            case .parameter(let p): if full { put("\(p.layer) a parameter", id) }
            case .product(let k, _, _): if full { put("\(k) b product", id) }
            case .sum(let k, _): put("\(k) c sum", id)
            case .activation(let k, _): put("\(k) d activation", id)
            case .loss: put("z loss", id)
            }
        }
        return order.map { columns[$0]! }
    }

    /// Every edge when products are drawn; otherwise O → z edges stand for the products.
    static func visibleEdges(_ graph: ComputationGraph, full: Bool) -> [ComputationGraph.Edge] {
        if full { return graph.edges }
        var result: [ComputationGraph.Edge] = []
        var productTarget: [Int: ComputationGraph.Edge] = [:]
        for edge in graph.edges { if case .product = graph.nodes[edge.from].kind { productTarget[edge.from] = edge } }
        for edge in graph.edges {
            switch (graph.nodes[edge.from].kind, graph.nodes[edge.to].kind) {
            case (.parameter, _), (.product, _): continue
            case (_, .product):
                if let next = productTarget[edge.to] {
                    result.append(.init(from: edge.from, to: next.to, local: edge.local))
                }
            default: result.append(edge)
            }
        }
        return result
    }
}
