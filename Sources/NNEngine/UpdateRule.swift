/// How one update moves the parameters once G is known.
///
/// The plain rule, `p ← p − η·G` for every parameter, is one vector pass. Frozen parameters
/// keep their values: their G is still computed, and the update skips them.
struct UpdateRule {
    let eta: Double
    let count: Int
    /// One flag per parameter, true when it is frozen; empty when nothing is.
    let frozen: [Bool]

    init(settings: TrainingSettings, parameterCount: Int) {
        eta = settings.learningRate
        count = parameterCount
        if settings.frozen.isEmpty {
            frozen = []
        } else {
            var flags = [Bool](repeating: false, count: parameterCount)
            for index in settings.frozen where index < parameterCount { flags[index] = true }
            frozen = flags
        }
    }

    /// True when the rule is `p ← p − η·G` for every parameter.
    var isPlain: Bool { frozen.isEmpty }

    @inline(__always) func isFrozen(_ i: Int) -> Bool { !frozen.isEmpty && frozen[i] }

    /// Whether every parameter the update moves stays finite.
    @inline(__always)
    func keepsFinite(_ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>) -> Bool {
        if isPlain { return Matrix.stepIsFinite(p, g, eta: eta, count: count) }
        return firstNonFinite(p, g) == nil
    }

    /// The first parameter the update would make non-finite.
    func firstNonFinite(_ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>) -> Int? {
        (0..<count).first { i in !isFrozen(i) && !(p[i] - eta * g[i]).isFinite }
    }

    /// Moves every parameter that is not frozen: `p ← p − η·G`.
    @inline(__always)
    func apply(_ p: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>) {
        if isPlain { Matrix.step(p, g, eta: eta, count: count); return }
        for i in 0..<count where !frozen[i] { p[i] -= g[i] * eta }
    }
}
