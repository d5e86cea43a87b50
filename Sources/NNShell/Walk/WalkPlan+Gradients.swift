import NNEngine

/// Each gradient as δ times its input, then every parameter's move.
extension WalkPlan {
    mutating func addGradients() {
        var first = true
        for k in stride(from: network.layerCount, through: 1, by: -1) {
            let layer = GradientText.courseOrder(network).filter { $0.layer == k }
            let shown = layer.count > Self.detailedGradients + 1 ? Array(layer.prefix(Self.detailedGradients)) : layer
            for parameter in shown {
                addGradient(parameter, first: first)
                first = false
            }
            if shown.count < layer.count { addGradientSummary(layer: k, rest: Array(layer.dropFirst(shown.count))) }
        }
    }

    /// The input that multiplies δ_kj for this parameter: x_ii, O_(k−1)i or 1.
    func factor(_ parameter: Parameter, _ trace: Trace) -> (name: String, value: Double) {
        switch parameter {
        case .weight(let k, let i, _): return (inputName(k, i), trace.output(layer: k - 1, node: i))
        case .bias: return ("1", 1)
        }
    }

    mutating func addGradient(_ parameter: Parameter, first: Bool) {
        let k = parameter.layer, j = GradientText.toNode(parameter), dot = notation.times
        let index = network.index(of: parameter)!
        let delta = notation.delta(k, j), input = factor(parameter, traces[0]).name
        let d = notation.ascii ? "d" : "∂"
        var step = WalkStep(
            name: isBatch || network.isPerceptron
                ? "G(\(notation.parameter(parameter)))" : "\(d)L/\(d)\(notation.parameter(parameter))",
            kind: "a gradient δ·input".replacing("δ", with: notation.ascii ? "delta" : "δ"))
        let products = traces.prefix(Self.detailedRows).map { trace in
            "\(number(trace.deltas[k - 1][j - 1]))\(dot)\(number(factor(parameter, trace).value))"
        }
        if isBatch {
            step.forms = ["the mean over the \(rowCount) rows of \(delta)\(dot)\(input)"]
            step.numbers =
                "(" + products.joined(separator: " + ") + (rowCount > products.count ? " + …" : "")
                + ")/\(rowCount)"
        } else {
            step.forms = ["\(delta)\(dot)\(input)"]
            if case .weight = parameter { step.numbers = products[0] }
        }
        step.value = record.penaltyGradient.isEmpty ? record.gradient[index] : record.dataGradient[index]
        if let penalty = UpdateText.penaltyChainLine(
            record, index: index, parameter: parameter, notation: notation, format: format)
        {
            step.notes.append(penalty)
        }
        if record.frozen.contains(index) { step.notes.append("frozen: computed and shown, but not applied") }
        let shownAt = (0..<min(rowCount, Self.detailedRows)).compactMap { deltaStep[[$0, k, j]] }.map { "[\($0)]" }
        if !shownAt.isEmpty {
            let at = shownAt.joined(separator: ", ") + (rowCount > shownAt.count ? ", …" : "")
            let whose = isBatch ? "\(delta) of each row" : delta
            step.notes +=
                first
                ? ["\(whose), from \(at), is reused, not recomputed:", "that reuse is the memoization"]
                : ["\(whose) from \(at), reused"]
        }
        steps.append(step)
    }

    mutating func addGradientSummary(layer k: Int, rest: [Parameter]) {
        let values = rest.map { record.gradient[network.index(of: $0)!] }
        let largest = zip(rest, values).max { abs($0.1) < abs($1.1) }!
        var step = WalkStep(
            name: "the other \(rest.count) gradients of layer \(k), each δ times its input"
                .replacing("δ", with: notation.ascii ? "delta" : "δ"))
        step.notes.append(
            "the largest in size: \(notation.parameter(largest.0)) \(format(largest.1)); "
                + "'show gradients' lists every one")
        steps.append(step)
    }

    /// The l1/l2 penalty over the weights, and how it enters G.
    mutating func addPenalty() {
        let lines = UpdateText.penaltyLines(record, notation: notation, format: format)
        guard !lines.isEmpty else { return }
        var step = WalkStep(name: "the penalty, added to the loss and to each weight's gradient")
        step.notes = lines
        steps.append(step)
    }

    /// Every parameter moves at once, each by −η times its gradient (or as the optimiser says).
    mutating func addMoves() {
        let g = isBatch ? "G" : notation.ascii ? "dL/dp" : "∂L/∂p"
        var step = WalkStep(
            name: "the moves: every parameter at once, p \(notation.ascii ? "<-" : "←") p "
                + "\(notation.minus) \(notation.eta)\(notation.times)\(g), \(notation.eta) = \(format(record.learningRate))"
        )
        if record.optimizer.optimizer != .sgd {
            let lines = UpdateText.optimizerLine(record, except: "", notation: notation, format: format).split(
                separator: "\n"
            ).map(String.init)
            step.name = "the moves, as \(record.optimizer.optimizer.rawValue) makes them from G"
            step.notes = lines
        }
        if network.isPerceptron {
            step.name =
                "the moves: the perceptron trick, p \(notation.ascii ? "<-" : "←") p \(notation.minus) \(notation.eta)\(notation.times)G"
        }
        step.notes += UpdateReport.table(record, network: network, notation: notation, format: format)
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0.dropFirst(2)) }
        steps.append(step)
    }
}
