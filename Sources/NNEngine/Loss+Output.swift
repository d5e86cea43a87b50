import Glibc

/// The loss and δ = ∂L/∂z of the output layer computed from its pre-activation z where the
/// output is a sigmoid or a softmax, so that they keep their digits when the output saturates.
///
/// - sigmoid + bce: L = (1/n) Σ [y·softplus(−z) + (1−y)·softplus(z)], δ = (σ(z) − y)/n, written
///   −y·σ(−z) + (1−y)·σ(z) so that neither side cancels.
/// - sigmoid + mse: the residual y − σ(z) is (y − 1) + σ(−z) for z > 0; δ = −2(y − σ(z))·σ(z)σ(−z)/n.
/// - softmax + cce: ln ŷ_k = z_k − m − log1p(S′), with m the largest z and S′ = Σ e^(z_i − m) over the
///   others; δ = Σy·ŷ − y, with 1 − ŷ of the largest node written S′/(1 + S′).
extension Loss {
    /// True when this loss after `activation` is computed from z.
    @inline(__always)
    public func usesPreactivation(after activation: Activation) -> Bool {
        switch (self, activation) {
        case (.bce, .sigmoid), (.mse, .sigmoid), (.cce, .softmax): return true
        default: return false
        }
    }

    /// The loss of one sample from the output layer's z and O (`usesPreactivation` must hold).
    @inline(__always)
    func value(
        y: UnsafePointer<Double>, z: UnsafePointer<Double>, output o: UnsafePointer<Double>,
        count n: Int
    ) -> Double {
        var total = 0.0
        switch self {
        case .bce:
            for j in 0..<n { total += y[j] * softplus(-z[j]) + (1 - y[j]) * softplus(z[j]) }
            return total / Double(n)
        case .mse:
            for j in 0..<n { let r = sigmoidResidual(y[j], z[j], o[j]); total += r * r }
            return total / Double(n)
        default:
            let (m, top, rest) = softmaxParts(z, n)
            let logRest = log1p(rest)
            for k in 0..<n where y[k] != 0 { total += y[k] * ((k == top ? 0 : m - z[k]) + logRest) }
            return total
        }
    }

    /// Writes δ = ∂L/∂z of the output layer (`usesPreactivation` must hold).
    @inline(__always)
    func outputDelta(
        y: UnsafePointer<Double>, z: UnsafePointer<Double>, output o: UnsafePointer<Double>, count n: Int,
        into delta: UnsafeMutablePointer<Double>
    ) {
        let scale = 1 / Double(n)
        switch self {
        case .bce:
            for j in 0..<n { delta[j] = (-y[j] * sigmoid(-z[j]) + (1 - y[j]) * sigmoid(z[j])) * scale }
        case .mse:
            for j in 0..<n {
                let r = sigmoidResidual(y[j], z[j], o[j])
                delta[j] = -2 * r * sigmoid(z[j]) * sigmoid(-z[j]) * scale
            }
        default:
            let (_, top, rest) = softmaxParts(z, n)
            var sumY = 0.0
            for k in 0..<n { sumY += y[k] }
            for j in 0..<n {
                let oneMinus = j == top ? rest / (1 + rest) : 1 - o[j]
                delta[j] = -y[j] * oneMinus + o[j] * (sumY - y[j])
            }
        }
    }
}

/// ln(1 + e^t), without overflow for large t and keeping its digits for very negative t.
@inline(__always)
func softplus(_ t: Double) -> Double {
    t > 0 ? t + log1p(exp(-t)) : log1p(exp(t))
}

/// σ(t) = 1/(1 + e^−t), accurate relative to its size on both sides.
@inline(__always)
func sigmoid(_ t: Double) -> Double {
    1 / (1 + exp(-t))
}

/// y − σ(z), with 1 − σ(z) written σ(−z) where σ(z) is near 1.
@inline(__always)
func sigmoidResidual(_ y: Double, _ z: Double, _ o: Double) -> Double {
    z > 0 ? (y - 1) + sigmoid(-z) : y - o
}

/// For a softmax layer: the largest z, its index, and S′ = Σ e^(z_i − m) over the other nodes.
@inline(__always)
func softmaxParts(_ z: UnsafePointer<Double>, _ n: Int) -> (largest: Double, index: Int, rest: Double) {
    var m = z[0], top = 0
    for j in 1..<max(n, 1) where z[j] > m || z[j].isNaN { m = z[j]; top = j }
    var rest = 0.0
    for j in 0..<n where j != top { rest += exp(z[j] - m) }
    return (m, top, rest)
}
