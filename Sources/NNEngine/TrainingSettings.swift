/// How `step` and `epoch` draw samples and how far each update moves.
public struct TrainingSettings: Sendable, Equatable {
    /// Which samples one update averages its gradient over.
    public enum Mode: String, CaseIterable, Sendable {
        /// One sample per update (stochastic gradient descent).
        case sgd
        /// Every row per update: the mean gradient over the whole data set.
        case batch
        /// The next `batchSize` rows in the current order (shorter at the end of a pass).
        case minibatch
    }

    /// The order rows are visited in within each pass.
    public enum Order: String, CaseIterable, Sendable {
        case sequential, random
    }

    /// η, the learning rate.
    public var learningRate = 0.1
    public var mode = Mode.sgd
    public var batchSize = 32
    public var order = Order.sequential
    /// Seeds the random row order (`order random`): pass p uses a permutation drawn from it.
    public var seed: UInt64 = 0
    /// Parameters that updates leave as they are, by storage index, ascending and distinct.
    /// Their gradients are still computed (and shown); the update skips them.
    public var frozen: [Int] = []
    /// λ of the L2 penalty λ·½·Σw² and of the L1 penalty λ·Σ|w|, over the weights (not the biases).
    public var l2 = 0.0
    public var l1 = 0.0
    /// How G becomes a move (`set optimizer`), and the hyper-parameters of each optimiser.
    public var optimizer = Optimizer.sgd
    /// μ of momentum; α of RMSprop; β₁, β₂ of Adam; ε of RMSprop and Adam.
    public var momentum = 0.9
    public var alpha = 0.99
    public var beta1 = 0.9
    public var beta2 = 0.999
    public var epsilon = 1e-8

    /// True when the update adds a penalty's gradient to G.
    public var hasPenalty: Bool { l1 != 0 || l2 != 0 }

    public init() {}
}

/// Where the next update reads from: pass number and offset within that pass's order.
public struct Cursor: Sendable, Equatable {
    public var pass = 0
    public var offset = 0
    public init(pass: Int = 0, offset: Int = 0) { self.pass = pass; self.offset = offset }
}

/// The row order of one pass: file order, or a Fisher–Yates shuffle seeded by (seed, pass).
public func rowOrder(count: Int, pass: Int, settings: TrainingSettings) -> [Int] {
    var rows = Array(0..<count)
    guard settings.order == .random, count > 1 else { return rows }
    var random = SplitMix64(seed: settings.seed &+ UInt64(truncatingIfNeeded: pass) &* 0x9E37_79B9_7F4A_7C15)
    for i in stride(from: count - 1, to: 0, by: -1) {
        rows.swapAt(i, random.index(below: i + 1))
    }
    return rows
}
