/// How one update moves the parameters once G is known: the penalty's gradient is added to
/// G, then the optimiser turns G into each parameter's move.
///
/// The plain rule, `p ← p − η·G` for every parameter (sgd, nothing frozen), is one vector
/// pass. Frozen parameters keep their values and their optimiser state: their G is still
/// computed, and the update skips them.
struct UpdateRule {
    let eta: Double
    let count: Int
    /// One flag per parameter, true when it is frozen; empty when nothing is.
    let frozen: [Bool]
    let optimizer: Optimizer
    let momentum, alpha, beta1, beta2, epsilon: Double
    let l1, l2: Double
    /// Where the weights are (the penalty leaves the biases alone).
    let weightRanges: [Range<Int>]

    init(settings: TrainingSettings, network: Network) {
        eta = settings.learningRate
        count = network.parameterCount
        optimizer = settings.optimizer
        (momentum, alpha, beta1, beta2, epsilon) = (settings.momentum, settings.alpha, settings.beta1, settings.beta2,
                                                    settings.epsilon)
        (l1, l2) = (settings.l1, settings.l2)
        weightRanges = (1...network.layerCount).map { network.weightOffsets[$0] ..< network.biasOffsets[$0] }
        if settings.frozen.isEmpty {
            frozen = []
        } else {
            var flags = [Bool](repeating: false, count: count)
            for index in settings.frozen where index < count { flags[index] = true }
            frozen = flags
        }
    }

    /// True when the rule is `p ← p − η·G` for every parameter.
    var isPlain: Bool { frozen.isEmpty && optimizer == .sgd }
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

    /// Whether every parameter the update moves, and its new state, stay finite. Each new
    /// value v adds v − v (0 when finite, NaN otherwise) to a sum, with no early exit, so the
    /// loops stay as simple as the update's own.
    @inline(__always)
    func keepsFinite(_ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers, t: Int) -> Bool {
        if isPlain { return Matrix.stepIsFinite(p, g, eta: eta, count: count) }
        let (bias1, bias2) = biasCorrections(t: t)
        if provesFinite(p, g, state, bias1: bias1) { return true }
        var sum = 0.0, start = 0
        if frozen.isEmpty {
            (sum, start) = vectorPass(UnsafeMutablePointer(mutating: p), g, state, bias1: bias1, bias2: bias2, commit: false)
        }
        @inline(__always) func add(_ v: Double) { sum += v - v }
        switch optimizer {
        case .sgd:
            eachFree { i in add(p[i] - eta * g[i]) }
        case .momentum:
            let v = state.first!
            eachFree(from: start) { i in let next = momentumStep(g[i], v[i]); add(next.first); add(p[i] - next.move) }
        case .rmsprop:
            let s = state.second!
            eachFree(from: start) { i in let next = rmspropStep(g[i], s[i]); add(next.second); add(p[i] - next.move) }
        case .adam:
            let m = state.first!, v = state.second!
            eachFree(from: start) { i in
                let next = adamStep(g[i], m[i], v[i], bias1: bias1, bias2: bias2)
                add(next.first); add(next.second); add(p[i] - next.move)
            }
        }
        // A frozen parameter does not move, but a non-finite gradient is still divergence.
        if !frozen.isEmpty { for i in 0..<count where frozen[i] { add(g[i]) } }
        return sum == 0
    }

    /// The first parameter the update would make non-finite (in its value or its state).
    func firstNonFinite(_ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers, t: Int) -> Int? {
        let (bias1, bias2) = biasCorrections(t: t)
        for i in 0..<count {
            // A frozen parameter does not move, but a non-finite gradient is still divergence.
            if !g[i].isFinite { return i }
            if isFrozen(i) { continue }
            let next = step(g[i], first: state.first?[i] ?? 0, second: state.second?[i] ?? 0, bias1: bias1, bias2: bias2)
            if !(p[i] - next.move).isFinite || !next.first.isFinite || !next.second.isFinite { return i }
        }
        return nil
    }

    /// Moves every parameter that is not frozen and advances its state; `t` is the update's
    /// number for the optimiser (Adam's t after its increment).
    @inline(__always)
    func apply(_ p: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers, t: Int) {
        if isPlain { Matrix.step(p, g, eta: eta, count: count); return }
        let (bias1, bias2) = biasCorrections(t: t)
        var start = 0
        if frozen.isEmpty { start = vectorPass(p, g, state, bias1: bias1, bias2: bias2, commit: true).tail }
        switch optimizer {
        case .sgd:
            eachFree { i in p[i] -= eta * g[i] }
        case .momentum:
            let v = state.first!
            eachFree(from: start) { i in let next = momentumStep(g[i], v[i]); v[i] = next.first; p[i] -= next.move }
        case .rmsprop:
            let s = state.second!
            eachFree(from: start) { i in let next = rmspropStep(g[i], s[i]); s[i] = next.second; p[i] -= next.move }
        case .adam:
            let m = state.first!, v = state.second!
            eachFree(from: start) { i in
                let next = adamStep(g[i], m[i], v[i], bias1: bias1, bias2: bias2)
                m[i] = next.first; v[i] = next.second; p[i] -= next.move
            }
        }
    }

    /// Runs `body` for every parameter from `start` on that is not frozen, in storage order.
    @inline(__always)
    func eachFree(from start: Int = 0, _ body: (Int) -> Void) {
        if frozen.isEmpty {
            for i in start..<count { body(i) }
        } else {
            frozen.withUnsafeBufferPointer { flags in
                for i in start..<count where !flags[i] { body(i) }
            }
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
