/// A fully connected network: layer sizes, one activation per layer, a loss, and every
/// parameter in one contiguous array.
///
/// Layout of `parameters`: for each layer k = 1…L in turn, the weights W^k row-major
/// (row i = from-node of layer k−1, column j = to-node of layer k, so w^k_ij sits at
/// `weightOffset[k] + (i−1)·n(k) + (j−1)`), then the biases b_k1…b_kn(k).
public struct Network: Sendable, Equatable {
    /// n(0), n(1), …, n(L): the input width first.
    public let sizes: [Int]
    /// g^1 … g^L.
    public var activations: [Activation]
    public var loss: Loss
    public var parameters: [Double]
    /// Offsets of W^k and b^k in `parameters`, indexed by layer (index 0 unused).
    public let weightOffsets: [Int]
    public let biasOffsets: [Int]
    /// With residual connections every hidden layer k (1 ≤ k < L) whose width equals layer
    /// k−1's adds that layer's output to its own: O^k = g(z^k) + O^(k−1).
    public let residual: Bool

    /// The largest network nnstep will build: enough for any lesson or benchmark, small
    /// enough that a typo like `net 2-100000-1000` is refused instead of eating memory.
    public static let maximumParameterCount = 5_000_000
    public static let maximumLayerCount = 64

    /// Builds a network with every parameter zero. Sizes and activations must have been
    /// validated (`NetworkSpec` does that and reports what is wrong).
    public init(sizes: [Int], activations: [Activation], loss: Loss, residual: Bool = false) {
        precondition(
            sizes.count >= 2 && activations.count == sizes.count - 1 && sizes.allSatisfy { $0 > 0 },
            "A network needs an input width and at least one layer, each with an activation.")
        self.sizes = sizes
        self.activations = activations
        self.loss = loss
        self.residual = residual
        var weightOffsets = [0], biasOffsets = [0], offset = 0
        for k in 1..<sizes.count {
            weightOffsets.append(offset)
            offset += sizes[k - 1] * sizes[k]
            biasOffsets.append(offset)
            offset += sizes[k]
        }
        self.weightOffsets = weightOffsets
        self.biasOffsets = biasOffsets
        self.parameters = [Double](repeating: 0, count: offset)
    }

    /// L, the number of layers with weights (the input layer is not counted).
    public var layerCount: Int { sizes.count - 1 }
    public var inputCount: Int { sizes[0] }
    public var outputCount: Int { sizes[sizes.count - 1] }
    public var parameterCount: Int { parameters.count }

    /// True when layer k has a shortcut from layer k−1: O^k = g(z^k) + O^(k−1).
    public func hasShortcut(_ k: Int) -> Bool {
        residual && k >= 1 && k < layerCount && sizes[k] == sizes[k - 1]
    }

    /// Trainable parameters of layer k: n(k−1)·n(k) weights plus n(k) biases.
    public func parameterCount(layer k: Int) -> Int { sizes[k - 1] * sizes[k] + sizes[k] }

    /// True for a network that learns by the perceptron trick: one layer, step activation,
    /// perceptron loss.
    public var isPerceptron: Bool {
        layerCount == 1 && activations[0] == .step && loss == .perceptron
    }

    /// The index of a parameter in `parameters`, or nil if the network has no such parameter.
    public func index(of parameter: Parameter) -> Int? {
        switch parameter {
        case .weight(let k, let i, let j):
            guard (1...layerCount).contains(k), (1...sizes[k - 1]).contains(i), (1...sizes[k]).contains(j) else {
                return nil
            }
            return weightOffsets[k] + (i - 1) * sizes[k] + (j - 1)
        case .bias(let k, let j):
            guard (1...layerCount).contains(k), (1...sizes[k]).contains(j) else { return nil }
            return biasOffsets[k] + (j - 1)
        }
    }

    /// The parameter stored at `index` (the inverse of `index(of:)`).
    public func parameter(at index: Int) -> Parameter {
        precondition(index >= 0 && index < parameters.count, "Parameter index \(index) is out of range.")
        var k = layerCount
        while weightOffsets[k] > index { k -= 1 }
        if index >= biasOffsets[k] { return .bias(layer: k, node: index - biasOffsets[k] + 1) }
        let local = index - weightOffsets[k]
        return .weight(layer: k, from: local / sizes[k] + 1, to: local % sizes[k] + 1)
    }

    /// Every parameter in storage order: W¹ row by row, b¹, W², b², ….
    public var allParameters: [Parameter] { (0..<parameters.count).map(parameter(at:)) }

    public subscript(parameter: Parameter) -> Double? {
        index(of: parameter).map { parameters[$0] }
    }

    /// w^k_ij.
    public func weight(_ k: Int, _ i: Int, _ j: Int) -> Double {
        parameters[weightOffsets[k] + (i - 1) * sizes[k] + (j - 1)]
    }

    /// b_kj.
    public func bias(_ k: Int, _ j: Int) -> Double {
        parameters[biasOffsets[k] + (j - 1)]
    }
}
