import NNEngine

/// The forward sub-steps: weighted sums, activations, the loss.
extension WalkPlan {
    /// The name of input i of layer k: x_ii for the first layer, O_(k−1)i after.
    func inputName(_ k: Int, _ i: Int) -> String { k == 1 ? notation.input(i) : notation.output(k - 1, i) }

    /// z_kj = Σ_i w^k_ij·a_i + b_kj with its numbers, then O_kj = g(z_kj).
    mutating func addWeightedSum(row r: Int, layer k: Int, node j: Int) {
        let trace = traces[r], n = network.sizes[k - 1], dot = notation.times
        let b = notation.parameter(.bias(layer: k, node: j))
        var step = WalkStep(name: label(r) + notation.z(k, j), kind: "a weighted sum z")
        if n <= Self.detailedNodes {
            step.forms = [
                (1...n).map { "\(notation.parameter(.weight(layer: k, from: $0, to: j)))\(dot)\(inputName(k, $0))" }
                    .joined(separator: " + ") + " + \(b)"
            ]
            step.numbers =
                (1...n).map {
                    "\(number(network.weight(k, $0, j)))\(dot)\(number(trace.output(layer: k - 1, node: $0)))"
                }
                .joined(separator: " + ") + " + \(number(network.bias(k, j)))"
        } else {
            let sum =
                "Σᵢ \(notation.ascii ? "w\(k)_i\(j)" : "w" + Notation.sup(k) + "ᵢ" + Notation.sub(String(j)))\(dot)"
                + (k == 1 ? "x_ii" : notation.ascii ? "O\(k - 1)_i" : "O" + Notation.sub(String(k - 1)) + "ᵢ")
            step.forms = [
                (notation.ascii ? sum.replacing("Σᵢ", with: "sum over i of") : sum) + " + \(b)   (i = 1…\(n))"
            ]
            let products = trace.z[k - 1][j - 1] - network.bias(k, j)
            step.numbers = "\(number(products)) + \(number(network.bias(k, j)))"
        }
        step.value = trace.z[k - 1][j - 1]
        let activation = network.activations[k - 1]
        if activation == .linear {
            let shortcut = network.hasShortcut(k) ? " + \(inputName(k, j))" : ""
            step.notes.append(
                "\(outputName(k, j)) = \(notation.z(k, j))\(shortcut) = \(format(trace.outputs[k - 1][j - 1]))   (linear"
                    + (shortcut.isEmpty ? ")" : ", plus the shortcut)"))
            steps.append(step)
            return
        }
        steps.append(step)
        if activation != .softmax { addActivation(row: r, layer: k, node: j) }
    }

    /// `O₂₁` or, at the output, `ŷ₁ = O₂₁`.
    func outputName(_ k: Int, _ j: Int) -> String {
        k == network.layerCount ? "\(notation.prediction(j)) = \(notation.output(k, j))" : notation.output(k, j)
    }

    /// O_kj = g(z_kj), flagged when the node is saturated or its relu is off.
    mutating func addActivation(row r: Int, layer k: Int, node j: Int) {
        let trace = traces[r], activation = network.activations[k - 1]
        let z = notation.z(k, j), zValue = format(trace.z[k - 1][j - 1])
        var step = WalkStep(name: label(r) + outputName(k, j), kind: "the output of a \(activation.rawValue)")
        switch activation {
        case .sigmoid:
            step.forms = notation.ascii ? ["sigmoid(\(z))", "1/(1 + exp(-\(z)))"] : ["σ(\(z))", "1/(1 + e^(−\(z)))"]
            step.numbers =
                notation.ascii
                ? "1/(1 + exp(-\(number(trace.z[k - 1][j - 1]))))" : "1/(1 + e^(−\(number(trace.z[k - 1][j - 1]))))"
        case .tanh: step.forms = ["tanh(\(z))"]; step.numbers = "tanh(\(zValue))"
        case .relu: step.forms = ["max(0, \(z))"]; step.numbers = "max(0, \(zValue))"
        case .step:
            step.forms = ["step(\(z))"]
            step.numbers = "step(\(zValue))"
            step.notes.append("step(z) is 1 when z \(notation.ascii ? ">=" : "≥") 0, else 0")
        case .linear, .softmax: break
        }
        if network.hasShortcut(k) {
            step.forms = [(step.forms.first ?? "") + " + \(inputName(k, j))   (the shortcut)"]
            step.numbers = "\(format(trace.activated[k - 1][j - 1])) + \(format(trace.output(layer: k - 1, node: j)))"
        }
        step.value = trace.outputs[k - 1][j - 1]
        step.notes += flags(trace, layer: k, node: j)
        steps.append(step)
    }

    /// Saturation and dead-relu flags for node (k, j) in this row.
    func flags(_ trace: Trace, layer k: Int, node j: Int) -> [String] {
        let activation = network.activations[k - 1], o = notation.output(k, j)
        if activation == .relu {
            if dead.contains([k, j]) {
                let rows = data.count == 1 ? "the only row" : "every one of the \(data.count) rows"
                return [
                    "dead: \(o) is 0 for \(rows), so relu′ = 0 there:",
                    "no gradient passes through it, and its incoming weights never move"
                ]
                .map { $0.replacing("′", with: notation.ascii ? "'" : "′") }
            }
            return trace.z[k - 1][j - 1] > 0
                ? []
                : [
                    "relu is off for this row (z \(notation.ascii ? "<=" : "≤") 0): no gradient passes back through \(o)"
                ]
        }
        guard let saturation = network.saturatedNodes(trace).first(where: { $0.layer == k && $0.node == j }) else {
            return []
        }
        return Self.saturationText(saturation, notation: notation, format: format)
    }

    /// "saturated: σ′(z₁₁) = 0.0012, 0.5% of its maximum 0.25; it stops 99.5% of the gradient that reaches O₁₁".
    static func saturationText(_ s: NodeSaturation, notation: Notation, format: NumberFormat) -> [String] {
        let prime = notation.ascii ? "'" : "′"
        let g = (s.activation == .sigmoid ? (notation.ascii ? "sigmoid" : "σ") : "tanh") + prime
        let passed = s.passedShare < 0.0001 ? "under 0.01%" : percent(s.passedShare)
        let stopped = s.passedShare < 0.0001 ? "over 99.99%" : percent(1 - s.passedShare)
        return [
            "saturated: \(g)(\(notation.z(s.layer, s.node))) = \(format(s.derivative)), \(passed) of its maximum \(format(s.maximum)),",
            "so it stops \(stopped) of the gradient that reaches \(notation.output(s.layer, s.node))"
        ]
    }

    static func percent(_ share: Double) -> String {
        System.format(share >= 0.9995 || share < 0.0005 ? "%.2f%%" : "%.1f%%", share * 100)
    }

    /// O_kj = e^(z_kj) / Σ_m e^(z_km) for a softmax layer.
    mutating func addSoftmax(row r: Int, layer k: Int, node j: Int) {
        let trace = traces[r], width = network.sizes[k]
        let e = notation.ascii ? "exp" : "e^"
        let zk = notation.ascii ? "z\(k)_m" : "z" + Notation.sub(String(k)) + "ₘ"
        var step = WalkStep(name: label(r) + outputName(k, j), kind: "the output of a softmax")
        step.forms = ["\(e)(\(notation.z(k, j))) / \(notation.ascii ? "sum over m of" : "Σₘ") \(e)(\(zk))"]
        let terms = trace.z[k - 1].map { "\(e)(\(format($0)))" }
        step.numbers =
            "\(e)(\(format(trace.z[k - 1][j - 1]))) / "
            + (width <= Self.detailedNodes
                ? "(" + terms.joined(separator: " + ") + ")" : "(the sum of \(width) exponentials)")
        step.value = trace.outputs[k - 1][j - 1]
        steps.append(step)
    }

    /// The nodes of a wide layer after the first few, in one sub-step.
    mutating func addLayerSummary(row r: Int, layer k: Int, shown: Int) {
        let trace = traces[r], width = network.sizes[k]
        let rest = Array(trace.outputs[k - 1][shown...])
        var step = WalkStep(
            name: label(r) + "\(notation.z(k, shown + 1)) … \(notation.z(k, width)): "
                + "the other \(width - shown) nodes of layer \(k), the same way")
        step.notes.append("their outputs: \(NetworkText.preview(rest, format))")
        let others = (shown + 1)...width
        let dead = others.filter { self.dead.contains([k, $0]) }.map { notation.output(k, $0) }
        let saturated = network.saturatedNodes(trace).filter { $0.layer == k && $0.node > shown }.map {
            notation.output($0.layer, $0.node)
        }
        for (what, names) in [
            ("dead (0 on every row)", dead), ("saturated (g′ below 1% of its maximum)", saturated)
        ]
        where !names.isEmpty {
            let list = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", … \(names.count - 5) more" : "")
            step.notes.append("\(what): \(list)".replacing("′", with: notation.ascii ? "'" : "′"))
        }
        steps.append(step)
    }

    /// The loss of one row, with its numbers.
    mutating func addLoss(row r: Int) {
        let trace = traces[r], loss = network.loss, m = notation.minus
        var step = WalkStep(name: label(r) + "L", kind: "the loss")
        let outputs = trace.prediction.count
        if (loss == .mse || loss == .perceptron) && outputs > 1 && outputs <= Self.detailedNodes {
            let square = notation.ascii ? "^2" : "²"
            step.forms = [
                "("
                    + (1...outputs).map { "(\(notation.target($0)) \(m) \(notation.prediction($0)))\(square)" }
                    .joined(separator: " + ") + ")/\(outputs)"
            ]
            step.numbers =
                "("
                + (0..<outputs).map { "(\(format(trace.target[$0])) \(m) \(format(trace.prediction[$0])))\(square)" }
                .joined(separator: " + ") + ")/\(outputs)"
        } else if loss == .cce && outputs > 1 {
            let terms = (0..<outputs).filter { trace.target[$0] != 0 }
            step.forms = [
                "\(m)Σₖ yₖ ln ŷₖ".replacing(
                    "Σₖ yₖ ln ŷₖ", with: notation.ascii ? "sum over k of y_k ln yhat_k" : "Σₖ yₖ ln ŷₖ")
            ]
            step.numbers =
                "\(m)("
                + terms.map { "\(format(trace.target[$0]))\(notation.times)ln \(format(trace.prediction[$0]))" }
                .joined(separator: " + ") + ")"
        } else {
            let text = LossText.formula(loss, trace: trace, notation: notation, format: format)
            let parts = text.split(separator: " = ", omittingEmptySubsequences: false).map(String.init)
            step.forms = Array(parts.dropLast().prefix(1))
            if parts.count > 2 { step.numbers = parts[1] }
        }
        step.value = trace.loss
        steps.append(step)
    }

    /// The rest of a batch, then the mean loss over its rows.
    mutating func addBatchSummary(walked: Int) {
        if walked < rowCount {
            let rest = rowCount - walked
            var step = WalkStep(
                name: rest == 1
                    ? "row \(record.rows[walked] + 1): the last row of the batch, forward and backward the same way"
                    : "rows \(record.rows[walked] + 1)…\(record.rows.last! + 1): the other \(rest) rows of the batch, the same way"
            )
            step.notes.append(
                rest == 1
                    ? "its loss: \(format(traces[walked].loss))"
                    : "their losses: (" + traces[walked...].map { format($0.loss) }.joined(separator: ", ")
                        + (rowCount > traces.count ? ", … \(rowCount - traces.count) more)" : ")"))
            steps.append(step)
        }
        var step = WalkStep(name: "L", kind: "the mean loss")
        let shown = traces.prefix(Self.detailedRows).map { format($0.loss) }
        step.forms = ["the mean of the \(rowCount) rows' losses"]
        step.numbers =
            "(" + shown.joined(separator: " + ") + (rowCount > shown.count ? " + …" : "") + ")/\(rowCount)"
        step.value = record.loss
        steps.append(step)
    }
}
