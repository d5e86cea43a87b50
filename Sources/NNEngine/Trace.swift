/// Everything one sample's forward and backward pass computed, kept for explanation.
///
/// Layer k's values sit at index k−1: `z[k−1]` is z^k, `outputs[k−1]` is O^k and
/// `deltas[k−1]` is δ^k = ∂L/∂z^k. `lossGradient` is ∂L/∂ŷ for each output node.
public struct Trace: Sendable, Equatable {
    public let input: [Double]
    public let target: [Double]
    public let z: [[Double]]
    public let outputs: [[Double]]
    public let deltas: [[Double]]
    public let lossGradient: [Double]
    /// g(z^k) of each layer: the same as `outputs` except in a layer with a shortcut, whose
    /// output is g(z^k) + O^(k−1).
    public let activated: [[Double]]
    /// ∂L/∂O^k of each layer with a shortcut (what the shortcut carries down to O^(k−1));
    /// empty for the other layers.
    public let outputGradients: [[Double]]
    public let loss: Double
    /// ∂L/∂p for every parameter, in the network's storage order.
    public let gradient: [Double]

    /// ŷ, the last layer's output.
    public var prediction: [Double] { outputs[outputs.count - 1] }

    /// O_kj for k ≥ 1, or x_ij for k = 0 (nodes count from 1).
    public func output(layer k: Int, node j: Int) -> Double {
        k == 0 ? input[j - 1] : outputs[k - 1][j - 1]
    }
}

extension Network {
    /// The forward pass and the backward pass for one sample, keeping every matrix.
    ///
    /// For a perceptron (step + perceptron loss) the gradient is the one the trick applies:
    /// ∂ = −(y−ŷ)·x for the weights and −(y−ŷ) for the bias, so that `p − η·∂` is the rule.
    public func trace(x: [Double], y: [Double]) -> Trace {
        precondition(
            x.count == inputCount && y.count == outputCount,
            "A sample must match the network's input and output widths.")
        var network = self
        var workspace = Workspace(sizes: sizes, parameterCount: parameterCount)
        let loss = network.withKernel(&workspace) { kernel -> Double in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeBufferPointer { yp in
                    let value = kernel.forward(x: xp.baseAddress!, y: yp.baseAddress!)
                    if isPerceptron {
                        kernel.perceptronGradient(y: yp.baseAddress!, scale: 1)
                    } else {
                        kernel.backward(y: yp.baseAddress!, scale: 1)
                    }
                    return value
                }
            }
        }
        func layers(_ buffer: [Double], _ offsets: [Int], from first: Int) -> [[Double]] {
            (first...layerCount).map { k in Array(buffer[offsets[k]..<offsets[k] + sizes[k]]) }
        }
        let prediction = Array(workspace.a[workspace.aOffsets[layerCount]...].prefix(outputCount))
        let lossGradient = (0..<outputCount).map { j in
            self.loss.derivative(y: y[j], yHat: prediction[j], count: outputCount)
        }
        let outputs = layers(workspace.a, workspace.aOffsets, from: 1)
        let half = workspace.shortcut.count / 2
        let activated = (1...layerCount).map { k in
            hasShortcut(k)
                ? Array(workspace.shortcut[workspace.zOffsets[k]..<workspace.zOffsets[k] + sizes[k]]) : outputs[k - 1]
        }
        let outputGradients = (1...layerCount).map { k in
            hasShortcut(k)
                ? Array(workspace.shortcut[half + workspace.zOffsets[k]..<half + workspace.zOffsets[k] + sizes[k]]) : []
        }
        return Trace(
            input: x, target: y,
            z: layers(workspace.z, workspace.zOffsets, from: 1),
            outputs: outputs,
            deltas: layers(workspace.delta, workspace.zOffsets, from: 1),
            lossGradient: lossGradient, activated: activated, outputGradients: outputGradients,
            loss: loss, gradient: workspace.gradient)
    }

    /// The mean loss over every row of `data` at the current parameters.
    public func meanLoss(on data: DataSet) -> Double {
        guard !data.isEmpty else { return .nan }
        var network = self
        var workspace = Workspace(sizes: sizes, parameterCount: parameterCount)
        return network.withKernel(&workspace) { kernel in
            data.inputs.withUnsafeBufferPointer { xs in
                data.targets.withUnsafeBufferPointer { ys in
                    var total = 0.0
                    for r in 0..<data.count {
                        total += kernel.forward(
                            x: xs.baseAddress! + r * inputCount, y: ys.baseAddress! + r * outputCount)
                    }
                    return total / Double(data.count)
                }
            }
        }
    }
}
