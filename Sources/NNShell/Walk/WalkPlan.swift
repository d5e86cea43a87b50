import NNEngine

/// Builds the sub-steps of one update in the order the maths happens: the sample, each
/// layer's nodes forward, the loss, each δ backward (output layer first), each gradient as δ
/// times its input, and the moves. Every number is the engine's: the traces of the update's
/// rows at the parameters before it, and the update's own record.
struct WalkPlan {
    let network: Network
    let record: StepRecord
    /// The forward and backward pass of each row the update read, in order.
    let traces: [Trace]
    let data: DataSet
    let notation: Notation
    let format: NumberFormat
    /// Relu nodes that are 0 for every row (dead), before the update.
    let dead: Set<[Int]>
    var steps: [WalkStep] = []
    /// The sub-step number (1-based) where each δ was shown, by [row, layer, node].
    var deltaStep: [[Int]: Int] = [:]

    /// Rows walked in full; the rest of a batch is summarised.
    static let detailedRows = 3
    /// Rows after those whose losses the summary lists.
    static let previewedRows = 8
    /// Nodes of a layer walked one by one; wider layers show these and a summary.
    static let detailedNodes = 4
    /// Gradients of a layer walked one by one before a summary.
    static let detailedGradients = 8

    init(network: Network, record: StepRecord, data: DataSet, notation: Notation, format: NumberFormat) {
        self.network = network
        self.record = record
        self.data = data
        self.notation = notation
        self.format = format
        // Only the rows walked in full and the few whose losses the summary lists are traced.
        traces = record.rows.prefix(Self.detailedRows + Self.previewedRows).map {
            network.trace(x: Array(data.features(row: $0)), y: Array(data.target(row: $0)))
        }
        // Whether a relu is dead needs a forward pass over every row; skip it when that is heavy.
        let affordable = data.count * network.parameterCount <= 50_000_000
        dead = affordable ? Set(network.deadNodes(on: data).map { [$0.layer, $0.node] }) : []
    }

    /// Every sub-step of the update.
    static func build(
        network: Network, record: StepRecord, data: DataSet, notation: Notation,
        format: NumberFormat
    ) -> [WalkStep] {
        var plan = WalkPlan(network: network, record: record, data: data, notation: notation, format: format)
        plan.addSample()
        let walked = min(plan.rowCount, detailedRows)
        for r in 0..<walked {
            plan.addForward(row: r)
            plan.addLoss(row: r)
            plan.addDeltas(row: r)
        }
        if plan.rowCount > 1 { plan.addBatchSummary(walked: walked) }
        plan.addPenalty()
        plan.addGradients()
        plan.addMoves()
        return plan.steps
    }

    /// The rows the update read (only the first few are traced).
    var rowCount: Int { record.rows.count }

    var isBatch: Bool { rowCount > 1 }

    /// `row 2: ` before a name when the update reads several rows.
    func label(_ r: Int) -> String { isBatch ? "row \(record.rows[r] + 1): " : "" }

    func number(_ value: Double) -> String { GradientText.parenthesised(format(value)) }

    mutating func addSample() {
        let rows = record.rows
        var text: String
        let mode = network.isPerceptron ? "perceptron trick" : record.mode.rawValue
        var input: String?
        if rows.count == 1 {
            let trace = traces[0]
            text = "the sample: row \(rows[0] + 1) of \(data.count) (\(mode))"
            input = "x = \(UpdateReport.vector(trace.input, format)), y = \(UpdateReport.vector(trace.target, format))"
        } else {
            text =
                "the batch: \(counted(rows.count, "row")) (\(mode)), rows "
                + (rows.count <= 6
                    ? rows.map { String($0 + 1) }.joined(separator: ", ") : "\(rows[0] + 1)–\(rows.last! + 1)")
        }
        var step = WalkStep(name: text)
        if let input { step.notes.append(input) }
        if rows.count > 1 {
            step.notes.append("each row is walked forward and backward, then the gradients are averaged")
        }
        step.notes.append(
            "update \(record.update) of this network, η = \(format(record.learningRate)), "
                + "at the parameters before the update")
        steps.append(step)
    }

    mutating func addForward(row r: Int) {
        for k in 1...network.layerCount {
            let width = network.sizes[k]
            let nodes = width > Self.detailedNodes + 1 ? Array(1...Self.detailedNodes) : Array(1...width)
            for j in nodes { addWeightedSum(row: r, layer: k, node: j) }
            if network.activations[k - 1] == .softmax {
                for j in nodes { addSoftmax(row: r, layer: k, node: j) }
            }
            if nodes.count < width { addLayerSummary(row: r, layer: k, shown: nodes.count) }
        }
    }
}
