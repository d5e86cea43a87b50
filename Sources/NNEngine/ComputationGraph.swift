/// One sample's forward pass as a graph of scalar operations, with every node's value and
/// its gradient ∂L/∂node, and every edge's local derivative ∂(to)/∂(from).
///
/// Nodes: the inputs x_i and the parameters (leaves), a product w^k_ij·a_i for every weight,
/// a sum z_kj = Σ products + b_kj, the activation O_kj = g(z_kj) (+ O_(k−1)j through a
/// residual shortcut), and the loss L. The
/// gradients are accumulated backwards over the edges (∂L/∂n = Σ over n's outgoing edges of
/// local · ∂L/∂(target)), micrograd's way, so a node used twice needs no special case; the
/// sums' gradients equal the backward pass's δ (the tests check that).
public struct ComputationGraph: Sendable {
    public enum Kind: Hashable, Sendable {
        case input(Int)
        case parameter(Parameter)
        /// w^k_ij · a_i.
        case product(layer: Int, from: Int, to: Int)
        /// z_kj.
        case sum(layer: Int, node: Int)
        /// O_kj = g(z_kj).
        case activation(layer: Int, node: Int)
        case loss
    }

    public struct Node: Sendable {
        public let kind: Kind
        public let value: Double
        public internal(set) var gradient: Double
    }

    public struct Edge: Sendable, Hashable {
        public let from: Int
        public let to: Int
        /// ∂(to)/∂(from) at this sample.
        public let local: Double

        public init(from: Int, to: Int, local: Double) {
            self.from = from
            self.to = to
            self.local = local
        }
    }

    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    private var index: [Kind: Int] = [:]

    public func id(_ kind: Kind) -> Int? { index[kind] }

    mutating func add(_ kind: Kind, _ value: Double) -> Int {
        nodes.append(Node(kind: kind, value: value, gradient: 0))
        index[kind] = nodes.count - 1
        return nodes.count - 1
    }

    mutating func connect(_ from: Int, _ to: Int, _ local: Double) {
        edges.append(Edge(from: from, to: to, local: local))
    }

    /// Each node's outgoing edges, filled by `backward`.
    private var outgoing: [[Edge]] = []

    /// Nodes are added in forward order (each after everything it is computed from), so the
    /// reverse is a topological order for the backward pass.
    mutating func backward(from root: Int) {
        nodes[root].gradient = 1
        outgoing = [[Edge]](repeating: [], count: nodes.count)
        for edge in edges { outgoing[edge.from].append(edge) }
        for n in stride(from: nodes.count - 1, through: 0, by: -1) where n != root {
            nodes[n].gradient = outgoing[n].reduce(0) { $0 + $1.local * nodes[$1.to].gradient }
        }
    }

    /// Every path from node `start` to node `end`, as node ids, at most `limit` of them.
    public func paths(from start: Int, to end: Int, limit: Int = 64) -> [[Int]] {
        var result: [[Int]] = []
        var path = [start]
        func walk() {
            guard result.count < limit else { return }
            if path.last! == end { result.append(path); return }
            for edge in outgoing[path.last!] {
                path.append(edge.to)
                walk()
                path.removeLast()
            }
        }
        walk()
        return result
    }

    /// How many paths lead from `start` to `end` (counted, not listed).
    public func pathCount(from start: Int, to end: Int) -> Double {
        var count = [Double](repeating: 0, count: nodes.count)
        count[end] = 1
        for n in stride(from: end - 1, through: start, by: -1) {
            count[n] = outgoing[n].reduce(0) { $0 + count[$1.to] }
        }
        return count[start]
    }

    /// The edges on some path from `start` to `end`, found by reachability (not by listing paths).
    public func edgesOnPaths(from start: Int, to end: Int) -> [Edge] {
        var reachable = [Bool](repeating: false, count: nodes.count)
        reachable[start] = true
        for n in start..<nodes.count where reachable[n] { for edge in outgoing[n] { reachable[edge.to] = true } }
        var leads = [Bool](repeating: false, count: nodes.count)
        leads[end] = true
        for n in stride(from: end, through: start, by: -1) where outgoing[n].contains(where: { leads[$0.to] }) {
            leads[n] = true
        }
        return edges.filter { reachable[$0.from] && leads[$0.to] && (leads[$0.from] || $0.from == start) }
    }

    /// The local derivative on the edge from `a` to `b`.
    public func local(_ a: Int, _ b: Int) -> Double? { outgoing[a].first { $0.to == b }?.local }
}

extension Network {
    /// The computation graph of one sample at the current parameters, from its trace.
    public func computationGraph(_ trace: Trace) -> ComputationGraph {
        var graph = ComputationGraph()
        var below = (1...inputCount).map { graph.add(.input($0), trace.input[$0 - 1]) }
        for k in 1...layerCount {
            var sums: [Int] = []
            for j in 1...sizes[k] {
                var terms: [Int] = []
                for i in 1...sizes[k - 1] {
                    let w = weight(k, i, j), a = trace.output(layer: k - 1, node: i)
                    let parameter = graph.add(.parameter(.weight(layer: k, from: i, to: j)), w)
                    let product = graph.add(.product(layer: k, from: i, to: j), w * a)
                    graph.connect(parameter, product, a)
                    graph.connect(below[i - 1], product, w)
                    terms.append(product)
                }
                terms.append(graph.add(.parameter(.bias(layer: k, node: j)), bias(k, j)))
                let sum = graph.add(.sum(layer: k, node: j), trace.z[k - 1][j - 1])
                for term in terms { graph.connect(term, sum, 1) }
                sums.append(sum)
            }
            let outputs = trace.activated[k - 1]
            let previous = below
            below = (1...sizes[k]).map { graph.add(.activation(layer: k, node: $0), trace.outputs[k - 1][$0 - 1]) }
            // A shortcut adds O^(k−1) to g(z^k): one more edge into each O_kj, with local derivative 1.
            if hasShortcut(k) { for j in 1...sizes[k] { graph.connect(previous[j - 1], below[j - 1], 1) } }
            let activation = activations[k - 1]
            for j in 1...sizes[k] {
                if activation == .softmax {
                    for m in 1...sizes[k] {
                        graph.connect(sums[j - 1], below[m - 1], outputs[m - 1] * ((m == j ? 1 : 0) - outputs[j - 1]))
                    }
                } else {
                    graph.connect(
                        sums[j - 1], below[j - 1],
                        activation.derivative(z: trace.z[k - 1][j - 1], output: outputs[j - 1]))
                }
            }
        }
        let loss = graph.add(.loss, trace.loss)
        for j in 1...outputCount { graph.connect(below[j - 1], loss, trace.lossGradient[j - 1]) }
        graph.backward(from: loss)
        return graph
    }
}
