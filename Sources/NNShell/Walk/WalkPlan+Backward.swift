import NNEngine

/// The backward sub-steps: each δ, output layer first, then each gradient as δ times its
/// input, then the moves.
extension WalkPlan {
    mutating func addDeltas(row r: Int) {
        let explanations = network.explainDeltas(traces[r])
        for k in stride(from: network.layerCount, through: 1, by: -1) {
            let width = network.sizes[k]
            let shown = width > Self.detailedNodes + 1 ? Self.detailedNodes : width
            for delta in explanations where delta.layer == k && delta.node <= shown { addDelta(delta, row: r) }
            if shown < width {
                let rest = explanations.filter { $0.layer == k && $0.node > shown }
                var step = WalkStep(
                    name: label(r) + "\(notation.delta(k, shown + 1)) … \(notation.delta(k, width)): "
                        + "the other \(width - shown) δ of layer \(k), the same way".replacing(
                            "δ", with: notation.ascii ? "deltas" : "δ"))
                step.notes.append("their values: \(NetworkText.preview(rest.map(\.value), format))")
                steps.append(step)
                for delta in rest { deltaStep[[r, k, delta.node]] = steps.count }
            }
        }
    }

    /// One δ_kj = ∂L/∂z_kj with its factors and numbers.
    mutating func addDelta(_ delta: DeltaExplanation, row r: Int) {
        let trace = traces[r], k = delta.layer, j = delta.node, dot = " \(notation.times) "
        let activation = network.activations[k - 1]
        let d = notation.ascii ? "d" : "∂"
        var step = WalkStep(
            name: label(r) + notation.delta(k, j),
            kind: "the δ of a \(activation.rawValue)"
                .replacing("δ", with: notation.ascii ? "delta" : "δ"))
        step.forms = ["\(d)L/\(d)\(notation.z(k, j))"]
        var symbolic: [String] = [], numbers: [String] = []
        if network.isPerceptron {
            step.forms.append(
                "\(notation.minus)(y \(notation.minus) \(notation.prediction(1)))   (the perceptron rule)")
            step.numbers =
                "\(notation.minus)(\(format(trace.target[0])) \(notation.minus) \(format(trace.prediction[0])))"
        } else if let loss = delta.lossFactor {
            symbolic.append(notation.form(loss.form))
            numbers.append(lossNumbers(trace, node: j) ?? number(loss.value))
        } else {
            let (sum, worked, notes) = hiddenSum(delta, row: r)
            symbolic.append(sum)
            numbers.append(worked)
            step.notes += notes
        }
        if let factor = delta.activationFactor, !network.isPerceptron {
            if factor.form != .activationDerivative(.linear, layer: k, node: j) {
                symbolic.append(notation.form(factor.form))
                numbers.append(number(factor.value))
            }
        } else if activation == .softmax {
            addSoftmaxFactor(delta, trace: trace, symbolic: &symbolic, numbers: &numbers)
        }
        if !symbolic.isEmpty { step.forms.append(symbolic.joined(separator: dot)) }
        if !numbers.isEmpty, numbers.count > 1 || delta.lossFactor == nil || activation == .softmax {
            step.numbers = numbers.joined(separator: dot)
        }
        step.value = delta.value
        step.notes += flags(trace, layer: k, node: j)
        steps.append(step)
        deltaStep[[r, k, j]] = steps.count
    }

    /// (w·δ + w·δ + …) for a hidden δ, symbols and numbers, with the shortcut's term and a
    /// note naming the sub-steps whose δ it reuses.
    func hiddenSum(_ delta: DeltaExplanation, row r: Int) -> (String, String, [String]) {
        let k = delta.layer, j = delta.node, dot = notation.times
        let uses = delta.terms.map { notation.delta($0.weight.layer, GradientText.toNode($0.weight)) }
        var symbolic: String, numbers: String
        if delta.terms.count <= 3 {
            symbolic = zip(delta.terms, uses).map { "\(notation.parameter($0.weight))\(dot)\($1)" }.joined(
                separator: " + ")
            numbers = delta.terms.map { "\(number($0.weightValue))\(dot)\(number($0.delta))" }.joined(separator: " + ")
        } else {
            let w = notation.ascii ? "w\(k + 1)_\(j)m" : "w" + Notation.sup(k + 1) + Notation.sub(String(j)) + "ₘ"
            let dm = notation.ascii ? "delta\(k + 1)_m" : "δ" + Notation.sub(String(k + 1)) + "ₘ"
            symbolic = "\(notation.ascii ? "sum over m of" : "Σₘ") \(w)\(dot)\(dm)"
            numbers = format(delta.terms.reduce(0) { $0 + $1.weightValue * $1.delta })
        }
        if let shortcut = delta.shortcut {
            let d = notation.ascii ? "d" : "∂"
            symbolic += " + \(d)L/\(d)\(notation.output(k + 1, j)) (shortcut)"
            numbers += " + \(number(shortcut))"
        }
        let references = zip(delta.terms, uses).prefix(4).compactMap { term, use in
            deltaStep[[r, k + 1, GradientText.toNode(term.weight)]].map { "\(use) [\($0)]" }
        }
        let reuses = "reuses \(references.joined(separator: ", "))\(delta.terms.count > 4 ? ", …" : ""):"
        let why =
            "each δ is ".replacing("δ", with: notation.ascii ? "delta" : "δ") + "computed once and kept (memoization)"
        // Under the step's indent the two halves share a line when it fits 80 columns.
        let note = reuses.displayWidth + 1 + why.displayWidth <= 72 ? [reuses + " " + why] : [reuses, why]
        return ("(\(symbolic))", "(\(numbers))", references.isEmpty ? [] : note)
    }

    /// −2(y − ŷ)/n with the numbers, for mse; nil for the other losses.
    func lossNumbers(_ trace: Trace, node j: Int) -> String? {
        let loss = network.loss, n = trace.prediction.count
        if loss != .mse, loss.usesPreactivation(after: network.activations[network.layerCount - 1]) {
            // δ = ŷ − y, as the backward pass computes it.
            let difference = "\(format(trace.prediction[j - 1])) \(notation.minus) \(format(trace.target[j - 1]))"
            return loss == .bce && n > 1 ? "(\(difference))/\(n)" : difference
        }
        guard network.loss == .mse, network.activations[network.layerCount - 1] == .linear else { return nil }
        let m = notation.minus
        return "\(m)2(\(format(trace.target[j - 1])) \(m) \(format(trace.prediction[j - 1])))" + (n == 1 ? "" : "/\(n)")
    }

    /// Through the softmax Jacobian: δ_j = O_j·(∂L/∂O_j − Σ_m ∂L/∂O_m·O_m).
    func addSoftmaxFactor(_ delta: DeltaExplanation, trace: Trace, symbolic: inout [String], numbers: inout [String]) {
        let k = delta.layer, j = delta.node, outputs = trace.activated[k - 1]
        let upstream: [Double] =
            k == network.layerCount
            ? trace.lossGradient
            : (1...network.sizes[k]).map { m in
                (1...network.sizes[k + 1]).reduce(0) { $0 + network.weight(k + 1, m, $1) * trace.deltas[k][$1 - 1] }
            }
        let weighted = zip(upstream, outputs).reduce(0) { $0 + $1.0 * $1.1 }
        let o = notation.output(k, j), d = notation.ascii ? "d" : "∂"
        let om = notation.ascii ? "O\(k)_m" : "O" + Notation.sub(String(k)) + "ₘ"
        let first = symbolic.first ?? "\(d)L/\(d)\(o)"
        symbolic = [
            "\(o)\(notation.times)(\(first) \(notation.minus) \(notation.ascii ? "sum over m of" : "Σₘ") \(d)L/\(d)\(om)\(notation.times)\(om))"
        ]
        numbers = [
            "\(number(outputs[j - 1]))\(notation.times)(\(number(upstream[j - 1])) \(notation.minus) \(number(weighted)))"
        ]
        if network.loss == .cce, k == network.layerCount {
            symbolic[0] += "   (with cce: \(notation.prediction(j)) \(notation.minus) \(notation.target(j)))"
        }
    }
}
