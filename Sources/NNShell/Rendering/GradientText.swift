import NNEngine

/// `show gradients`: each gradient as its chain-rule product, then the simplified factors,
/// then the numbers and the result.
enum GradientText {
    /// Parameters in the course's order: output layer first; within a layer, node by node,
    /// its weights then its bias (w²₁₁, w²₂₁, b₂₁, w¹₁₁, w¹₂₁, b₁₁, …).
    static func courseOrder(_ network: Network) -> [Parameter] {
        var order: [Parameter] = []
        for k in stride(from: network.layerCount, through: 1, by: -1) {
            for j in 1...network.sizes[k] {
                order += (1...network.sizes[k - 1]).map { Parameter.weight(layer: k, from: $0, to: j) }
                order.append(.bias(layer: k, node: j))
            }
        }
        return order
    }

    /// The four lines of one chain, aligned on '='.
    static func chain(_ explanation: GradientExplanation, notation: Notation, format: NumberFormat) -> String {
        let head = notation.partial(.loss, .parameter(explanation.parameter))
        let dot = " \(notation.times) "
        let symbols = explanation.factors.map { notation.partial($0.numerator, $0.denominator) }.joined(separator: dot)
        let kept = explanation.factors.filter { $0.form != .one }
        let shown = kept.isEmpty ? [explanation.factors[0]] : kept
        let forms = shown.map { notation.form($0.form) }.joined(separator: dot)
        let numbers = shown.map { parenthesised(format($0.value)) }.joined(separator: dot)
        let pad = String(repeating: " ", count: head.displayWidth)
        var lines = ["\(head) = \(symbols)", "\(pad) = \(forms)"]
        if shown.count > 1 { lines.append("\(pad) = \(numbers)") }
        lines.append("\(pad) = \(format(explanation.value))")
        return lines.joined(separator: "\n")
    }

    static func toNode(_ parameter: Parameter) -> Int {
        switch parameter {
        case .weight(_, _, let j), .bias(_, let j): return j
        }
    }

    static func parenthesised(_ text: String) -> String { text.hasPrefix("-") ? "(\(text))" : text }

    /// Every delta: δ_kj and what it was built from.
    static func deltas(_ deltas: [DeltaExplanation], notation: Notation, format: NumberFormat) -> String {
        var lines: [String] = []
        let dot = notation.times
        for delta in deltas {
            let name = notation.delta(delta.layer, delta.node)
            let z = notation.z(delta.layer, delta.node)
            let d = notation.ascii ? "d" : "∂"
            var symbolic: String, numbers: String
            var factorCount = 1
            if let loss = delta.lossFactor {
                symbolic = notation.form(loss.form)
                numbers = parenthesised(format(loss.value))
            } else if delta.terms.count > 3 {
                factorCount = 2
                let k1 = delta.layer + 1
                let w =
                    notation.ascii
                    ? "w\(k1)_\(delta.node)m" : "w" + Notation.sup(k1) + Notation.sub("\(delta.node)") + "ₘ"
                let dm = notation.ascii ? "delta\(k1)_m" : "δ" + Notation.sub("\(k1)") + "ₘ"
                symbolic = "(\(notation.ascii ? "sum over m" : "Σₘ") \(w)\(dot)\(dm), m = 1…\(delta.terms.count))"
                numbers = "(" + format(delta.terms.reduce(0) { $0 + $1.weightValue * $1.delta }) + ")"
            } else {
                factorCount = 2
                symbolic =
                    "("
                    + delta.terms.map {
                        "\(notation.parameter($0.weight))\(dot)\(notation.delta($0.weight.layer, toNode($0.weight)))"
                    }.joined(separator: " + ") + ")"
                numbers =
                    "("
                    + delta.terms.map {
                        "\(parenthesised(format($0.weightValue)))\(dot)\(parenthesised(format($0.delta)))"
                    }.joined(separator: " + ") + ")"
            }
            if let carried = delta.shortcut {
                // The residual shortcut O^k → O^(k+1) adds ∂L/∂O_(k+1)j inside the bracket.
                let name =
                    notation.ascii
                    ? "dL/dO\(delta.layer + 1)_\(delta.node)" : "∂L/∂\(notation.output(delta.layer + 1, delta.node))"
                symbolic = String(symbolic.dropLast()) + " + \(name) (shortcut))"
                numbers = String(numbers.dropLast()) + " + \(parenthesised(format(carried))))"
            }
            if let activation = delta.activationFactor {
                if activation.form != .activationDerivative(.linear, layer: delta.layer, node: delta.node) {
                    symbolic += " \(dot) " + notation.form(activation.form)
                    numbers += " \(dot) " + parenthesised(format(activation.value))
                    factorCount += 1
                }
            } else {
                symbolic += " through the softmax Jacobian"
            }
            let worked = factorCount > 1 ? " = \(numbers)" : ""
            let line = "\(name) = \(d)L/\(d)\(z) = \(symbolic)\(worked) = \(format(delta.value))"
            if line.displayWidth <= 78 {
                lines.append(line)
            } else {
                let pad = String(repeating: " ", count: name.displayWidth)
                lines.append("\(name) = \(d)L/\(d)\(z)")
                lines.append("\(pad) = \(symbolic)")
                if factorCount > 1 { lines.append("\(pad) = \(numbers)") }
                lines.append("\(pad) = \(format(delta.value))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every gradient's chain (deltas first), or with `only` just those parameters' chains.
    /// `stop` is polled every 256 chains (Ctrl-C); the text then ends with what was left out.
    static func render(
        _ record: StepRecord, network: Network, notation: Notation, format: NumberFormat,
        only: [Parameter]? = nil, stop: (() -> Bool)? = nil
    ) -> String {
        var out: [String] = []
        if !record.isSingleSample {
            out.append(
                "the last update used the mean gradient G over \(record.rows.count) rows; the chains below are for its last row (row \(record.rows.last! + 1)), and G is shown after each"
            )
        }
        if network.isPerceptron {
            out.append(
                "a perceptron learns by the trick, not by derivatives (step′ = 0): the update used G = \(notation.minus)(y\(notation.minus)\(notation.prediction(1)))x for the weights and \(notation.minus)(y\(notation.minus)\(notation.prediction(1))) for the bias"
            )
        }
        if network.isPerceptron {
            return (out + perceptron(record, network: network, notation: notation, format: format)).joined(
                separator: "\n") + "\n"
        }
        let parameters = only ?? courseOrder(network)
        let explanations = parameters.lazy.map { network.explainGradient($0, record.trace) }
        if only == nil, explanations.contains(where: \.usesDelta) {
            out.append(
                "memoized deltas, computed once each, output layer first (δ = ∂L/∂z):".replacing(
                    "δ", with: notation.ascii ? "delta" : "δ"
                ).replacing("∂", with: notation.ascii ? "d" : "∂"))
            out.append(deltas(network.explainDeltas(record.trace), notation: notation, format: format))
        }
        let frozen = Set(record.frozen)
        for (done, explanation) in explanations.enumerated() {
            if done % 256 == 255, stop?() == true {
                out.append("(interrupted: \(done) of \(parameters.count) chains shown)")
                break
            }
            var block = chain(explanation, notation: notation, format: format)
            if !record.isSingleSample, let index = network.index(of: explanation.parameter) {
                block += "   (G = \(format(record.gradient[index])))"
            }
            if let index = network.index(of: explanation.parameter) {
                if let line = UpdateText.penaltyChainLine(
                    record, index: index, parameter: explanation.parameter, notation: notation,
                    format: format)
                {
                    block += "\n" + line
                }
                if frozen.contains(index) { block += "   (frozen: not applied)" }
            }
            out.append(block)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The perceptron's G for each parameter: −(y−ŷ)·x_i for a weight, −(y−ŷ) for the bias.
    static func perceptron(_ record: StepRecord, network: Network, notation: Notation, format: NumberFormat) -> [String]
    {
        let trace = record.trace, m = notation.minus, dot = notation.times
        let y = trace.target[0], yHat = trace.prediction[0]
        let error = "\(m)(\(format(y)) \(m) \(format(yHat)))"
        return courseOrder(network).map { parameter in
            let g = record.gradient[network.index(of: parameter)!]
            switch parameter {
            case .weight(_, let i, _):
                return
                    "G(\(notation.parameter(parameter))) = \(m)(y\(m)\(notation.prediction(1)))\(dot)\(notation.input(i)) = \(error)\(dot)\(parenthesised(format(trace.input[i - 1]))) = \(format(g))"
            case .bias:
                return
                    "G(\(notation.parameter(parameter))) = \(m)(y\(m)\(notation.prediction(1))) = \(error) = \(format(g))"
            }
        }
    }
}
