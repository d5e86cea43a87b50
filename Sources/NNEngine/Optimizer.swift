#if canImport(Glibc)
    import Glibc
#else
    import Foundation
#endif

/// How an update turns its gradient G (penalty included) into a move of each parameter.
///
/// - `sgd`:      p ← p − η·G
/// - `momentum`: v ← μv + G;  p ← p − η·v
/// - `rmsprop`:  s ← αs + (1−α)G²;  p ← p − η·G/(√s + ε)
/// - `adam`:     t ← t+1;  m ← β₁m + (1−β₁)G;  v ← β₂v + (1−β₂)G²;
///               p ← p − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)
///
/// Every state starts at 0. A frozen parameter neither moves nor advances its state.
public enum Optimizer: String, CaseIterable, Sendable, Codable {
    case sgd, momentum, rmsprop, adam

    /// The names of the per-parameter states it keeps, as the formulas write them:
    /// what `first` and `second` of `OptimizerState` hold.
    public var stateNames: (first: String?, second: String?) {
        switch self {
        case .sgd: return (nil, nil)
        case .momentum: return ("v", nil)
        case .rmsprop: return (nil, "s")
        case .adam: return ("m", "v")
        }
    }
}

/// What an optimiser remembers between updates.
///
/// `first` is momentum's v or Adam's m; `second` is RMSprop's s or Adam's v (each empty
/// when the optimiser keeps no such state). `t` counts the updates Adam has made.
public struct OptimizerState: Sendable, Equatable {
    public internal(set) var optimizer: Optimizer
    public internal(set) var t = 0
    public internal(set) var first: [Double]
    public internal(set) var second: [Double]

    /// All zero, for `optimizer` over `count` parameters.
    public init(_ optimizer: Optimizer, count: Int) {
        self.optimizer = optimizer
        let names = optimizer.stateNames
        first = names.first == nil ? [] : [Double](repeating: 0, count: count)
        second = names.second == nil ? [] : [Double](repeating: 0, count: count)
    }

    /// A state read back from a file; `first` and `second` must have the lengths `init` gives.
    public init(_ optimizer: Optimizer, t: Int, first: [Double], second: [Double]) {
        self.optimizer = optimizer
        self.t = t
        self.first = first
        self.second = second
    }
}

/// One parameter's update by the optimiser: its new state and its move (p ← p − move).
struct OptimizerStep {
    var first = 0.0
    var second = 0.0
    var move = 0.0
}

extension UpdateRule {
    /// The update of one parameter with gradient `g` and state (`first`, `second`).
    /// `bias1` and `bias2` are Adam's 1−β₁ᵗ and 1−β₂ᵗ for this update.
    @inline(__always)
    func step(_ g: Double, first: Double, second: Double, bias1: Double, bias2: Double) -> OptimizerStep {
        switch optimizer {
        case .sgd: return OptimizerStep(move: eta * g)
        case .momentum: return momentumStep(g, first)
        case .rmsprop: return rmspropStep(g, second)
        case .adam: return adamStep(g, first, second, bias1: bias1, bias2: bias2)
        }
    }

    /// v ← μv + G; the move is η·v.
    @inline(__always)
    func momentumStep(_ g: Double, _ v: Double) -> OptimizerStep {
        let velocity = momentum * v + g
        return OptimizerStep(first: velocity, move: eta * velocity)
    }

    /// s ← αs + (1−α)G²; the move is η·G/(√s + ε).
    @inline(__always)
    func rmspropStep(_ g: Double, _ s: Double) -> OptimizerStep {
        let square = alpha * s + (1 - alpha) * (g * g)
        return OptimizerStep(second: square, move: eta * g / (square.squareRoot() + epsilon))
    }

    /// m ← β₁m + (1−β₁)G; v ← β₂v + (1−β₂)G²; the move is η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
    @inline(__always)
    func adamStep(_ g: Double, _ m: Double, _ v: Double, bias1: Double, bias2: Double) -> OptimizerStep {
        let mean = beta1 * m + (1 - beta1) * g
        let square = beta2 * v + (1 - beta2) * (g * g)
        return OptimizerStep(
            first: mean, second: square, move: eta * (mean / bias1) / ((square / bias2).squareRoot() + epsilon))
    }

    /// Adam's 1−β₁ᵗ and 1−β₂ᵗ for update number `t` of the optimiser (1 for the others).
    func biasCorrections(t: Int) -> (Double, Double) {
        guard optimizer == .adam else { return (1, 1) }
        return (1 - pow(beta1, Double(t)), 1 - pow(beta2, Double(t)))
    }
}
