/// The optimisers' updates eight parameters at a time, for the common case of nothing frozen.
/// Each lane computes exactly the scalar formula (`momentumStep`, `rmspropStep`, `adamStep`):
/// the same operations in the same order, so the bits are the same.
extension UpdateRule {
    typealias Vector = Matrix.Vector

    /// Runs the optimiser over every parameter; with `commit` false it only sums v − v over the
    /// new values (0 when all are finite), with `commit` true it writes them and returns 0.
    /// Returns the index where the scalar tail starts.
    @inline(__always)
    func vectorPass(
        _ p: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers,
        bias1: Double, bias2: Double, commit: Bool
    ) -> (sum: Double, tail: Int) {
        var acc = Vector(), i = 0
        @inline(__always) func add(_ v: Vector) { acc += v - v }
        let load = Matrix.load, store = Matrix.store
        switch optimizer {
        case .sgd:
            return (0, 0)
        case .momentum:
            let v = state.first!
            while i + 8 <= count {
                let velocity = momentum * load(v + i) + load(g + i), next = load(p + i) - eta * velocity
                if commit { store(velocity, v + i); store(next, p + i) } else { add(velocity); add(next) }
                i += 8
            }
        case .rmsprop:
            let s = state.second!
            while i + 8 <= count {
                let gi = load(g + i)
                let square = alpha * load(s + i) + (1 - alpha) * (gi * gi)
                let next = load(p + i) - eta * gi / (square.squareRoot() + epsilon)
                if commit { store(square, s + i); store(next, p + i) } else { add(square); add(next) }
                i += 8
            }
        case .adam:
            let m = state.first!, v = state.second!
            while i + 8 <= count {
                let gi = load(g + i)
                let mean = beta1 * load(m + i) + (1 - beta1) * gi
                let square = beta2 * load(v + i) + (1 - beta2) * (gi * gi)
                let next = load(p + i) - eta * (mean / bias1) / ((square / bias2).squareRoot() + epsilon)
                if commit {
                    store(mean, m + i); store(square, v + i); store(next, p + i)
                } else {
                    add(mean); add(square); add(next)
                }
                i += 8
            }
        }
        return (acc.sum(), i)
    }

    /// A sufficient test that RMSprop's or Adam's update keeps everything finite, without its
    /// square roots and divisions: the new states are finite, every |p| ≤ 1e307 and every move is
    /// at most 1e300, since √(·) + ε ≥ ε bounds |move| by η·|G|/ε (RMSprop) or η·|m̂|/ε (Adam),
    /// so every p − move is finite too. False means "not proven": the exact check then decides.
    @inline(__always)
    func provesFinite(_ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>, _ state: StatePointers, bias1: Double)
        -> Bool
    {
        guard optimizer == .adam || optimizer == .rmsprop else { return false }
        let load = Matrix.load
        let scale = (optimizer == .adam ? (1 / bias1) * (eta / epsilon) : eta / epsilon) * 1e7
        guard scale.isFinite else { return false }
        var acc = Vector(), largest = Vector(), i = 0
        while i + 8 <= count {
            let gi = load(g + i), pi = load(p + i)
            let first: Vector, second: Vector
            if optimizer == .adam {
                first = beta1 * load(state.first! + i) + (1 - beta1) * gi
                second = beta2 * load(state.second! + i) + (1 - beta2) * (gi * gi)
            } else {
                first = gi
                second = alpha * load(state.second! + i) + (1 - alpha) * (gi * gi)
            }
            acc += (first - first) + (second - second) + (pi - pi)
            largest = pointwiseMax(largest, pointwiseMax(pointwiseMax(first, -first) * scale, pointwiseMax(pi, -pi)))
            i += 8
        }
        guard acc.sum() == 0, largest.max() <= 1e307 else { return false }
        while i < count {
            let first = optimizer == .adam ? beta1 * state.first![i] + (1 - beta1) * g[i] : g[i]
            let second =
                optimizer == .adam
                ? beta2 * state.second![i] + (1 - beta2) * (g[i] * g[i])
                : alpha * state.second![i] + (1 - alpha) * (g[i] * g[i])
            guard first.isFinite, second.isFinite, p[i].isFinite, abs(first) * scale <= 1e307, abs(p[i]) <= 1e307 else {
                return false
            }
            i += 1
        }
        return true
    }
}
