extension Network {
    /// True when `parameter` reaches the loss along exactly one path, so its chain can be
    /// written out node by node as the course does (every later layer has one node, and no
    /// softmax mixes the nodes).
    public func hasSinglePath(_ parameter: Parameter) -> Bool {
        let k = parameter.layer
        return (k + 1..<sizes.count).allSatisfy { sizes[$0] == 1 && !hasShortcut($0) }
            && (k...layerCount).allSatisfy { activations[$0 - 1] != .softmax }
    }

    /// Every parameter's gradient as a chain-rule product, in storage order.
    public func explainGradients(_ trace: Trace) -> [GradientExplanation] {
        allParameters.map { explainGradient($0, trace) }
    }

    /// ∂L/∂p for one parameter. Along a single path the factors are the course's
    /// (∂L/∂ŷ · ∂ŷ/∂O₁₁ · ∂O₁₁/∂w¹₂₁, with g′ factors where an activation is not linear);
    /// otherwise the chain goes through the memoized delta: ∂L/∂z_kj · ∂z_kj/∂p.
    public func explainGradient(_ parameter: Parameter, _ trace: Trace) -> GradientExplanation {
        let value = trace.gradient[index(of: parameter)!]
        let (k, j): (Int, Int) = {
            switch parameter {
            case .weight(let k, _, let j): return (k, j)
            case .bias(let k, let j): return (k, j)
            }
        }()
        let last: ChainFactor
        var current: Quantity
        var factors: [ChainFactor] = []
        if hasSinglePath(parameter) && !isPerceptron {
            let outputNode = k == layerCount ? j : 1
            if let fused = outputDeltaFactor(node: outputNode, trace) {
                current = fused.denominator
                factors.append(fused)
            } else {
                current = .prediction(outputNode)
                factors.append(
                    ChainFactor(
                        numerator: .loss, denominator: current,
                        form: .lossDerivative(loss, node: outputNode, outputs: outputCount),
                        value: trace.lossGradient[outputNode - 1]))
            }
            for m in stride(from: layerCount, through: k, by: -1) {
                let node = m == k ? j : 1
                let activation = activations[m - 1]
                if activation != .linear, m < layerCount || factors[0].denominator == .prediction(outputNode) {
                    let z = trace.z[m - 1][node - 1], o = trace.activated[m - 1][node - 1]
                    factors.append(
                        ChainFactor(
                            numerator: current, denominator: .preactivation(layer: m, node: node),
                            form: .activationDerivative(activation, layer: m, node: node),
                            value: activation.derivative(z: z, output: o)))
                    current = .preactivation(layer: m, node: node)
                }
                if m > k {
                    let below = m - 1 == k ? j : 1
                    factors.append(
                        ChainFactor(
                            numerator: current, denominator: .output(layer: m - 1, node: below),
                            form: .weight(layer: m, from: below, to: node), value: weight(m, below, node)))
                    current = .output(layer: m - 1, node: below)
                }
            }
        } else {
            current = .preactivation(layer: k, node: j)
            factors.append(
                ChainFactor(
                    numerator: .loss, denominator: current, form: .delta(layer: k, node: j),
                    value: trace.deltas[k - 1][j - 1]))
        }
        switch parameter {
        case .weight(let k, let i, _):
            last = ChainFactor(
                numerator: current, denominator: .parameter(parameter),
                form: k == 1 ? .input(i) : .output(layer: k - 1, node: i),
                value: trace.output(layer: k - 1, node: i))
        case .bias:
            last = ChainFactor(numerator: current, denominator: .parameter(parameter), form: .one, value: 1)
        }
        factors.append(last)
        return GradientExplanation(parameter: parameter, factors: factors, value: value)
    }

    /// ∂L/∂z_Lj = ŷ_j − y_j as one factor where the output is sigmoid + bce or softmax + cce
    /// (the backward pass computes it that way, from z); nil for other pairs.
    func outputDeltaFactor(node j: Int, _ trace: Trace) -> ChainFactor? {
        let activation = activations[layerCount - 1]
        guard loss.usesPreactivation(after: activation), loss != .mse else { return nil }
        return ChainFactor(
            numerator: .loss, denominator: .preactivation(layer: layerCount, node: j),
            form: .outputDelta(loss, node: j, outputs: outputCount), value: trace.deltas[layerCount - 1][j - 1])
    }

    /// Every node's δ_kj = ∂L/∂z_kj with the terms it was built from, output layer first.
    public func explainDeltas(_ trace: Trace) -> [DeltaExplanation] {
        var result: [DeltaExplanation] = []
        for k in stride(from: layerCount, through: 1, by: -1) {
            let activation = activations[k - 1]
            for j in 1...sizes[k] {
                let z = trace.z[k - 1][j - 1], o = trace.activated[k - 1][j - 1]
                let activationFactor =
                    activation == .softmax
                    ? nil
                    : ChainFactor(
                        numerator: .output(layer: k, node: j), denominator: .preactivation(layer: k, node: j),
                        form: .activationDerivative(activation, layer: k, node: j),
                        value: activation.derivative(z: z, output: o))
                if k == layerCount, let fused = outputDeltaFactor(node: j, trace) {
                    let identity = ChainFactor(
                        numerator: .preactivation(layer: k, node: j), denominator: .preactivation(layer: k, node: j),
                        form: .activationDerivative(.linear, layer: k, node: j), value: 1)
                    result.append(
                        DeltaExplanation(
                            layer: k, node: j, value: trace.deltas[k - 1][j - 1], terms: [],
                            activationFactor: identity, lossFactor: fused, shortcut: nil))
                } else if k == layerCount {
                    let lossFactor = ChainFactor(
                        numerator: .loss, denominator: .prediction(j),
                        form: .lossDerivative(loss, node: j, outputs: outputCount),
                        value: trace.lossGradient[j - 1])
                    result.append(
                        DeltaExplanation(
                            layer: k, node: j, value: trace.deltas[k - 1][j - 1], terms: [],
                            activationFactor: activationFactor, lossFactor: lossFactor, shortcut: nil))
                } else {
                    let terms = (1...sizes[k + 1]).map { m in
                        (
                            weight: Parameter.weight(layer: k + 1, from: j, to: m), weightValue: weight(k + 1, j, m),
                            delta: trace.deltas[k][m - 1]
                        )
                    }
                    result.append(
                        DeltaExplanation(
                            layer: k, node: j, value: trace.deltas[k - 1][j - 1], terms: terms,
                            activationFactor: activationFactor, lossFactor: nil,
                            shortcut: hasShortcut(k + 1) ? trace.outputGradients[k][j - 1] : nil))
                }
            }
        }
        return result
    }
}

/// Multiplications one backward pass needs, with memoized deltas and with every path
/// written out separately.
public struct MultiplicationCount: Sendable, Equatable {
    /// Memoized: δ at the output (n_L, one g′ each), each hidden δ_kj (n_(k+1) products in
    /// its sum plus one g′), and one product a·δ per weight.
    public let memoized: Int
    /// Expanded: for each parameter of layer k, one product per path to the loss
    /// (Π_(m>k) n_m paths), each of 2(L−k)+2 multiplications for a weight (∂L/∂ŷ, a g′
    /// per layer, a weight per layer above, the input) and one fewer for a bias.
    public let expanded: Int
    /// How many distinct paths all the parameters' chains add up to.
    public let paths: Int
}

extension Network {
    public var backpropMultiplications: MultiplicationCount {
        let L = layerCount
        var memoized = sizes[L]
        for k in 1...L {
            memoized += sizes[k - 1] * sizes[k]
            if k < L { memoized += sizes[k] * sizes[k + 1] + sizes[k] }
        }
        var expanded = 0, paths = 0
        for k in 1...L {
            let pathsPerNode = (k + 1..<sizes.count).reduce(1) { $0 * sizes[$1] }
            let weights = sizes[k - 1] * sizes[k], biases = sizes[k]
            paths += (weights + biases) * pathsPerNode
            expanded += weights * pathsPerNode * (2 * (L - k) + 2) + biases * pathsPerNode * (2 * (L - k) + 1)
        }
        return MultiplicationCount(memoized: memoized, expanded: expanded, paths: paths)
    }
}
