/// A quantity in the network that a chain-rule factor differentiates or is differentiated by.
public enum Quantity: Hashable, Sendable {
    case loss
    /// ŷ_j, the network's output j (ŷ when there is one output).
    case prediction(Int)
    /// O_kj, the output of node j in layer k (layer 0 is never used: inputs are `input`).
    case output(layer: Int, node: Int)
    /// z_kj, the pre-activation of node j in layer k.
    case preactivation(layer: Int, node: Int)
    case parameter(Parameter)
}

/// The simplified form of one factor, as the course writes it.
public enum FactorForm: Hashable, Sendable {
    /// ∂L/∂ŷ_j of the loss: −2(y−ŷ) for one-output mse, and so on.
    case lossDerivative(Loss, node: Int, outputs: Int)
    /// g′(z_kj) of the layer's activation, e.g. σ′(z) = O(1−O).
    case activationDerivative(Activation, layer: Int, node: Int)
    /// w^k_ij: how z_kj moves with O_(k−1)i.
    case weight(layer: Int, from: Int, to: Int)
    /// x_ii: how z_1j moves with w¹_ij.
    case input(Int)
    /// O_(k−1)i: how z_kj moves with w^k_ij for k ≥ 2.
    case output(layer: Int, node: Int)
    /// 1: how z_kj moves with b_kj.
    case one
    /// δ_kj = ∂L/∂z_kj, memoized by the backward pass (see `DeltaExplanation`).
    case delta(layer: Int, node: Int)
    /// δ_Lj = ∂L/∂z_Lj = ŷ_j − y_j (over n for bce with n outputs): the classic result for a
    /// sigmoid output with bce and a softmax output with cce, which is also how it is computed.
    case outputDelta(Loss, node: Int, outputs: Int)
}

/// One factor of a chain-rule product: ∂(numerator)/∂(denominator), its form and its value.
public struct ChainFactor: Hashable, Sendable {
    public let numerator: Quantity
    public let denominator: Quantity
    public let form: FactorForm
    public let value: Double
}

/// ∂L/∂p as the product of its factors. `value` is the backward pass's number; the product of
/// the factors' values equals it up to rounding (the tests check that).
public struct GradientExplanation: Sendable {
    public let parameter: Parameter
    public let factors: [ChainFactor]
    public let value: Double
    /// True when the chain goes through a memoized delta because the parameter reaches the
    /// loss along several paths.
    public var usesDelta: Bool { factors.contains { if case .delta = $0.form { return true } else { return false } } }
}

/// δ_kj = ∂L/∂z_kj, built from the layer above: δ_kj = g′(z_kj) · Σ_m w^(k+1)_jm · δ_(k+1)m
/// (plus ∂L/∂O_(k+1)j when layer k+1 has a residual shortcut),
/// or at the output from the loss. Each delta is computed once and reused by every
/// parameter that reaches the loss through node (k, j): that reuse is the memoization.
public struct DeltaExplanation: Sendable {
    public let layer: Int
    public let node: Int
    public let value: Double
    /// For hidden layers: the terms (w^(k+1)_jm, δ_(k+1)m) of the sum. Empty at the output.
    public let terms: [(weight: Parameter, weightValue: Double, delta: Double)]
    /// g′(z_kj), or nil when the layer is softmax (the full Jacobian is used instead).
    public let activationFactor: ChainFactor?
    /// At the output layer: ∂L/∂ŷ_j, or ∂L/∂z_Lj = ŷ_j − y_j itself (`FactorForm.outputDelta`,
    /// with an identity `activationFactor`) for sigmoid + bce and softmax + cce.
    public let lossFactor: ChainFactor?
    /// When layer k+1 has a shortcut (O^(k+1) = g(z^(k+1)) + O^k): ∂L/∂O_(k+1)j, which the
    /// shortcut adds to the sum, so δ_kj = g′(z_kj)·(Σ_m w^(k+1)_jm δ_(k+1)m + ∂L/∂O_(k+1)j).
    public let shortcut: Double?
}
