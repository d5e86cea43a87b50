/// The one description of what a valid network and valid settings are. `net`, `set`,
/// `import json` and lessons all ask it, so they accept exactly the same things.
public enum Spec {
    /// Nodes in one layer.
    public static let layerWidths = 1...100_000
    /// Seeds are whole numbers a JSON number holds exactly (up to 2⁵³), so every seed that
    /// `export json` writes reads back as itself.
    public static let seeds = 0...9_007_199_254_740_992
    public static let batchSizes = 1...1_000_000

    /// Why a network of these layers cannot be built, or nil when it can.
    public enum NetworkProblem: Equatable, Sendable {
        case tooFewLayers
        case tooManyLayers
        case width(Int)
        case tooManyParameters
        /// softmax on layer k, which is not the output layer.
        case hiddenSoftmax(layer: Int)
        case perceptronNeedsStep

        public var message: String {
            switch self {
            case .tooFewLayers: return "a network needs at least two layer sizes, like 2-1"
            case .tooManyLayers: return "at most \(Network.maximumLayerCount) layers"
            case .width(let n): return "a layer of \(n) nodes is outside 1 to \(Spec.layerWidths.upperBound)"
            case .tooManyParameters:
                return "the network is too large; at most \(Network.maximumParameterCount) parameters"
            case .hiddenSoftmax(let k): return "softmax belongs on the output layer, not layer \(k)"
            case .perceptronNeedsStep:
                return "loss=perceptron is the perceptron trick; it needs one layer with act=step, "
                    + "like 'net 2-1 act=step loss=perceptron'"
            }
        }
    }

    public static func networkProblem(sizes: [Int], activations: [Activation], loss: Loss) -> NetworkProblem? {
        guard sizes.count >= 2 else { return .tooFewLayers }
        guard sizes.count - 1 <= Network.maximumLayerCount else { return .tooManyLayers }
        if let bad = sizes.first(where: { !layerWidths.contains($0) }) { return .width(bad) }
        let parameters = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
        guard parameters <= Network.maximumParameterCount else { return .tooManyParameters }
        if let k = activations.dropLast().firstIndex(of: .softmax) { return .hiddenSoftmax(layer: k + 1) }
        if loss == .perceptron && activations != [.step] { return .perceptronNeedsStep }
        return nil
    }

    /// A learning rate η must be a positive, finite number.
    public static func isValidLearningRate(_ rate: Double) -> Bool { rate.isFinite && rate > 0 }
}
