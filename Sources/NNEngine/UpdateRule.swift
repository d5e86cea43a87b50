/// How one update moves the parameters once G is known: the penalty's gradient is added to
/// G, then the optimiser turns G into each parameter's move.
///
/// Plain sgd is one vector pass, p ← p − η·G, and the other optimisers run eight parameters
/// at a time. Frozen parameters keep their values and their optimiser state: their G is still
/// computed, and after each update they get back what they had when the run began.
struct UpdateRule {
    let eta: Double
    let count: Int
    /// One flag per parameter, true when it is frozen; empty when nothing is.
    let frozen: [Bool]
    /// The frozen parameters' indices, and for each its value, first and second state when the
    /// run began (`keepFrozen`).
    let frozenIndices: [Int]
    private(set) var frozenValues: [Double] = []
    let optimizer: Optimizer
    let momentum, alpha, beta1, beta2, epsilon: Double
    let l1, l2: Double
    /// Where the weights are (the penalty leaves the biases alone).
    let weightRanges: [Range<Int>]

    init(settings: TrainingSettings, network: Network) {
        eta = settings.learningRate
        count = network.parameterCount
        optimizer = settings.optimizer
        (momentum, alpha, beta1, beta2, epsilon) = (
            settings.momentum, settings.alpha, settings.beta1, settings.beta2,
            settings.epsilon
        )
        (l1, l2) = (settings.l1, settings.l2)
        weightRanges = (1...network.layerCount).map { network.weightOffsets[$0]..<network.biasOffsets[$0] }
        frozenIndices = settings.frozen.filter { $0 < network.parameterCount }
        if settings.frozen.isEmpty {
            frozen = []
        } else {
            var flags = [Bool](repeating: false, count: count)
            for index in settings.frozen where index < count { flags[index] = true }
            frozen = flags
        }
    }

    var hasPenalty: Bool { l1 != 0 || l2 != 0 }

    @inline(__always) func isFrozen(_ i: Int) -> Bool { !frozen.isEmpty && frozen[i] }

    /// The penalty's gradient for a weight w: λ₂·w + λ₁·sign(w), with sign(0) = 0.
    @inline(__always)
    func penaltyGradient(_ w: Double) -> Double {
        l2 * w + l1 * (w > 0 ? 1 : w < 0 ? -1 : 0)
    }

    /// The penalty itself at the weights `p`: λ₂·½·Σw² + λ₁·Σ|w|.
    func penalty(_ p: UnsafePointer<Double>) -> Double {
        var squares = 0.0, absolutes = 0.0
        for range in weightRanges {
            for i in range { squares += p[i] * p[i]; absolutes += abs(p[i]) }
        }
        return l2 * 0.5 * squares + l1 * absolutes
    }

    /// G ← G + the penalty's gradient, for every weight.
    @inline(__always)
    func addPenalty(_ p: UnsafePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        guard hasPenalty else { return }
        for range in weightRanges {
            for i in range { g[i] += penaltyGradient(p[i]) }
        }
    }

    /// Whether every parameter the update moves, and its new state, stay finite (and every
    /// gradient, frozen or not). The fast tests run over every parameter as if none were frozen:
    /// when all those values are finite, so are the ones that matter; otherwise the exact test,
    /// which skips the frozen parameters' moves, decides.
    @inline(__always)
    func keepsFinite(_ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers, t: Int) -> Bool {
        if optimizer == .sgd {
            if Matrix.stepIsFinite(p, g, eta: eta, count: count) { return true }
            return !frozen.isEmpty && firstNonFinite(p, g, state, t: t) == nil
        }
        let (bias1, bias2) = biasCorrections(t: t)
        if provesFinite(p, g, state, bias1: bias1) { return true }
        if everyNewValueIsFinite(p, g, state, bias1: bias1, bias2: bias2) { return true }
        return !frozen.isEmpty && firstNonFinite(p, g, state, t: t) == nil
    }

    /// Sums v − v over every new value, each of them computed as if nothing were frozen.
    func everyNewValueIsFinite(
        _ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers,
        bias1: Double, bias2: Double
    ) -> Bool {
        var (sum, start) = vectorPass(
            UnsafeMutablePointer(mutating: p), g, state, bias1: bias1, bias2: bias2, commit: false)
        @inline(__always) func add(_ v: Double) { sum += v - v }
        for i in start..<count {
            let next = step(
                g[i], first: state.first?[i] ?? 0, second: state.second?[i] ?? 0, bias1: bias1, bias2: bias2)
            add(next.first); add(next.second); add(p[i] - next.move)
        }
        return sum == 0
    }

    /// The first parameter the update would make non-finite (in its value or its state).
    func firstNonFinite(_ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers, t: Int) -> Int?
    {
        let (bias1, bias2) = biasCorrections(t: t)
        for i in 0..<count {
            // A frozen parameter does not move, but a non-finite gradient is still divergence.
            if !g[i].isFinite { return i }
            if isFrozen(i) { continue }
            let next = step(
                g[i], first: state.first?[i] ?? 0, second: state.second?[i] ?? 0, bias1: bias1, bias2: bias2)
            if !(p[i] - next.move).isFinite || !next.first.isFinite || !next.second.isFinite { return i }
        }
        return nil
    }

    /// Moves every parameter that is not frozen and advances its state; `t` is the update's
    /// number for the optimiser (Adam's t after its increment). Every parameter is computed as
    /// if none were frozen (eight at a time), then the frozen ones get back the values and
    /// state they had when the run began, which they keep throughout it.
    @inline(__always)
    func apply(_ p: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers, t: Int) {
        if optimizer == .sgd {
            Matrix.step(p, g, eta: eta, count: count)
        } else {
            let (bias1, bias2) = biasCorrections(t: t)
            let start = vectorPass(p, g, state, bias1: bias1, bias2: bias2, commit: true).tail
            switch optimizer {
            case .sgd:
                break
            case .momentum:
                let v = state.first!
                for i in start..<count { let next = momentumStep(g[i], v[i]); v[i] = next.first; p[i] -= next.move }
            case .rmsprop:
                let s = state.second!
                for i in start..<count { let next = rmspropStep(g[i], s[i]); s[i] = next.second; p[i] -= next.move }
            case .adam:
                let m = state.first!, v = state.second!
                for i in start..<count {
                    let next = adamStep(g[i], m[i], v[i], bias1: bias1, bias2: bias2)
                    m[i] = next.first; v[i] = next.second; p[i] -= next.move
                }
            }
        }
        restoreFrozen(p, state)
    }

    /// Puts back the frozen parameters' values and states as `keepFrozen` found them.
    @inline(__always)
    func restoreFrozen(_ p: UnsafeMutablePointer<Double>, _ state: StatePointers) {
        for (k, i) in frozenIndices.enumerated() {
            p[i] = frozenValues[3 * k]
            state.first?[i] = frozenValues[3 * k + 1]
            state.second?[i] = frozenValues[3 * k + 2]
        }
    }

    /// Notes the frozen parameters' values and optimiser states at the start of a run.
    mutating func keepFrozen(_ parameters: [Double], _ state: OptimizerState) {
        frozenValues = frozenIndices.flatMap { i in
            [parameters[i], state.first.isEmpty ? 0 : state.first[i], state.second.isEmpty ? 0 : state.second[i]]
        }
    }
}

/// The optimiser's state arrays as raw pointers for the training loop (nil when unused).
struct StatePointers {
    let first: UnsafeMutablePointer<Double>?
    let second: UnsafeMutablePointer<Double>?
}

extension OptimizerState {
    /// Runs `body` with raw pointers to the state arrays.
    mutating func withPointers<R>(_ body: (StatePointers) -> R) -> R {
        first.withUnsafeMutableBufferPointer { f in
            second.withUnsafeMutableBufferPointer { s in
                body(StatePointers(first: f.isEmpty ? nil : f.baseAddress, second: s.isEmpty ? nil : s.baseAddress))
            }
        }
    }
}
