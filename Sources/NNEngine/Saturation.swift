/// Nodes that pass (almost) no gradient back: saturated sigmoid or tanh nodes, and dead relus.
///
/// A sigmoid's derivative σ′ = O(1−O) is at most 1/4 (at z = 0), tanh′ = 1 − O² at most 1. A
/// node is saturated when its derivative is below `threshold` (1%) of that maximum: whatever
/// gradient reaches O from above is multiplied by g′ on its way to z, so the node stops the
/// share 1 − g′/max of what an unsaturated node would pass. A relu node is dead when its output
/// is 0 for every row: relu′ = 0 there, so it stops all of the gradient and its incoming
/// weights never change.
public struct NodeSaturation: Sendable, Equatable {
    public let layer: Int
    public let node: Int
    public let activation: Activation
    /// g′(z) at this node in the pass examined.
    public let derivative: Double
    /// The largest value g′ can take (1/4 for sigmoid, 1 for tanh).
    public let maximum: Double

    /// g′ as a share of its maximum: the part of the gradient the node still passes back.
    public var passedShare: Double { derivative / maximum }
}

extension Activation {
    /// The largest derivative the activation can have, for the activations that saturate.
    public var maximumDerivative: Double? {
        switch self {
        case .sigmoid: return 0.25
        case .tanh: return 1
        default: return nil
        }
    }
}

extension Network {
    /// The saturated sigmoid and tanh nodes of one pass: g′(z) below `threshold` of its maximum.
    public func saturatedNodes(_ trace: Trace, threshold: Double = 0.01) -> [NodeSaturation] {
        var result: [NodeSaturation] = []
        for k in 1...layerCount {
            let activation = activations[k - 1]
            guard let maximum = activation.maximumDerivative else { continue }
            for j in 1...sizes[k] {
                let derivative = activation.derivative(z: trace.z[k - 1][j - 1], output: trace.activated[k - 1][j - 1])
                if derivative < threshold * maximum {
                    result.append(
                        NodeSaturation(
                            layer: k, node: j, activation: activation, derivative: derivative, maximum: maximum))
                }
            }
        }
        return result
    }

    /// The relu nodes whose output is 0 for every row of `data` (none when there is no data).
    public func deadNodes(on data: DataSet) -> [(layer: Int, node: Int)] {
        let reluLayers = (1...layerCount).filter { activations[$0 - 1] == .relu }
        guard !reluLayers.isEmpty, !data.isEmpty, data.featureCount == inputCount, data.targetCount == outputCount
        else { return [] }
        var alive = reluLayers.map { [Bool](repeating: false, count: sizes[$0]) }
        var network = self
        var workspace = Workspace(sizes: sizes, parameterCount: parameterCount)
        let offsets = workspace.zOffsets
        network.withKernel(&workspace) { kernel in
            data.inputs.withUnsafeBufferPointer { xs in
                data.targets.withUnsafeBufferPointer { ys in
                    for r in 0..<data.count {
                        _ = kernel.forward(x: xs.baseAddress! + r * inputCount, y: ys.baseAddress! + r * outputCount)
                        for (index, k) in reluLayers.enumerated() {
                            // relu(z) > 0 exactly when z > 0 (a shortcut adds O^(k−1) after the relu).
                            for j in 0..<sizes[k] where kernel.z[offsets[k] + j] > 0 { alive[index][j] = true }
                        }
                    }
                }
            }
        }
        return reluLayers.enumerated().flatMap { index, k in
            (1...sizes[k]).filter { !alive[index][$0 - 1] }.map { (layer: k, node: $0) }
        }
    }
}
