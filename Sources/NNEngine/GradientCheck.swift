/// A gradient from backpropagation beside its central-difference estimate.
public struct GradientCheck: Sendable {
    public let parameter: Parameter
    public let analytic: Double
    /// (L(p+h) − L(p−h)) / 2h, with the loss averaged over the same rows as the update.
    public let numeric: Double
    public let step: Double

    /// Below this both numbers are zero for the check's purposes: a central difference with
    /// h = 1e-6 cannot resolve a gradient smaller than about 1e-10 anyway.
    public static let absoluteFloor = 1e-12

    /// True when both are below `absoluteFloor`: they agree, whatever their ratio.
    public var bothNegligible: Bool { abs(analytic) < Self.absoluteFloor && abs(numeric) < Self.absoluteFloor }

    /// |analytic − numeric| / max(|analytic|, |numeric|), or 0 when both are below the floor.
    public var relativeDifference: Double {
        if bothNegligible { return 0 }
        let scale = max(abs(analytic), abs(numeric))
        return abs(analytic - numeric) / scale
    }
}

extension Network {
    /// Checks ∂L/∂p of the mean loss over `rows` of `data` by central differences, with
    /// h = 1e-6 · max(1, |p|). The network's parameters are the ones the gradient was taken at.
    /// With `l2`/`l1` the loss is the update's: the data loss plus λ₂·½·Σw² + λ₁·Σ|w| over the
    /// weights (the L1 term has a kink at w = 0, where the two sides disagree).
    public func gradientCheck(
        _ parameter: Parameter, analytic: Double, data: DataSet, rows: [Int],
        l2: Double = 0, l1: Double = 0
    ) -> GradientCheck {
        let index = index(of: parameter)!
        let h = 1e-6 * max(1, abs(parameters[index]))
        func loss(at value: Double) -> Double {
            var shifted = self
            shifted.parameters[index] = value
            let sum = rows.reduce(0.0) { total, r in
                let trace = shifted.forwardLoss(x: Array(data.features(row: r)), y: Array(data.target(row: r)))
                return total + trace
            }
            guard l2 != 0 || l1 != 0 else { return sum / Double(rows.count) }
            let weights = (1...layerCount).flatMap { shifted.parameters[weightOffsets[$0]..<biasOffsets[$0]] }
            return sum / Double(rows.count) + l2 * 0.5 * weights.reduce(0) { $0 + $1 * $1 } + l1
                * weights.reduce(0) { $0 + abs($1) }
        }
        let numeric = (loss(at: parameters[index] + h) - loss(at: parameters[index] - h)) / (2 * h)
        return GradientCheck(parameter: parameter, analytic: analytic, numeric: numeric, step: h)
    }

    /// The loss of one sample (forward pass only).
    public func forwardLoss(x: [Double], y: [Double]) -> Double {
        var network = self
        var workspace = Workspace(sizes: sizes, parameterCount: parameterCount)
        return network.withKernel(&workspace) { kernel in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeBufferPointer { yp in kernel.forward(x: xp.baseAddress!, y: yp.baseAddress!) }
            }
        }
    }
}
