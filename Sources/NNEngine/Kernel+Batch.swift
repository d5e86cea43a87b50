/// The gradient of one update, per sample or for a batch at once.
///
/// A batch is processed in chunks of `Workspace.chunk` samples as small matrix products,
/// Z_k = A_(k−1)·W_k + b_k forward and G_k = A_(k−1)ᵀ·D_k backward, blocked so that each
/// weight row loaded from memory serves four samples and eight outputs at a time. The
/// numbers are the same sums as the per-sample path, added in a different order.
extension Kernel {
    /// Writes G for the rows `start..<start+count` (through `order` when given) into `g`:
    /// the sample's gradient for one row, the mean over the rows otherwise. Returns the sum
    /// of the rows' losses. Training and `explainUpdate` both call this, so an explained
    /// gradient is the applied one, bit for bit.
    @inline(__always)
    func updateGradient(
        x: UnsafePointer<Double>, y: UnsafePointer<Double>, order: UnsafePointer<Int>?,
        start: Int, count: Int, perceptron: Bool
    ) -> Double {
        let nIn = sizes[0], nOut = sizes[layerCount]
        let scale = count == 1 ? 1.0 : 1.0 / Double(count)
        if count == 1 || perceptron {
            if perceptron { g.update(repeating: 0, count: biasOffsets[layerCount] + nOut) }
            var lossSum = 0.0
            for s in 0..<count {
                let r = order.map { $0[start + s] } ?? start + s
                lossSum += forward(x: x + r * nIn, y: y + r * nOut)
                if perceptron {
                    perceptronGradient(y: y + r * nOut, scale: scale)
                } else {
                    backward(y: y + r * nOut, scale: scale, accumulate: s > 0)
                }
            }
            return lossSum
        }
        var lossSum = 0.0
        var done = 0
        while done < count {
            let c = min(Workspace.chunk, count - done)
            lossSum += chunk(
                x: x, y: y, order: order, start: start + done, count: c, scale: scale, accumulate: done > 0)
            done += c
        }
        return lossSum
    }

    @inline(__always) func blockA(_ k: Int) -> UnsafeMutablePointer<Double> { batch + batchOffsets[k] }
    @inline(__always) func blockZ(_ k: Int) -> UnsafeMutablePointer<Double> { batch + batchOffsets[sizes.count + k] }
    @inline(__always) func blockD(_ k: Int) -> UnsafeMutablePointer<Double> {
        batch + batchOffsets[2 * sizes.count + k]
    }
    /// G_k = g(Z_k) and E_k = ∂L/∂A_k of a layer with a shortcut (A_k = G_k + A_(k−1)).
    @inline(__always) func blockG(_ k: Int) -> UnsafeMutablePointer<Double> {
        batch + batchOffsets[3 * sizes.count + k]
    }
    @inline(__always) func blockE(_ k: Int) -> UnsafeMutablePointer<Double> {
        batch + batchOffsets[4 * sizes.count + k]
    }

    /// One chunk of up to `Workspace.chunk` samples: forward, loss, backward, add `scale`·G.
    private func chunk(
        x: UnsafePointer<Double>, y: UnsafePointer<Double>, order: UnsafePointer<Int>?,
        start: Int, count c: Int, scale: Double, accumulate: Bool
    ) -> Double {
        let L = layerCount, nIn = sizes[0], nOut = sizes[L]
        let a0 = blockA(0)
        for s in 0..<c {
            let r = order.map { $0[start + s] } ?? start + s
            (a0 + s * nIn).update(from: x + r * nIn, count: nIn)
        }
        var poison = 0.0  // NaN when any pre-activation is not finite (see `forward`)
        for k in 1...L {
            let n = sizes[k]
            Matrix.multiplyAdd(
                blockA(k - 1), p + weightOffsets[k], bias: p + biasOffsets[k], into: blockZ(k),
                rows: c, inner: sizes[k - 1], columns: n)
            let zk = blockZ(k)
            for e in 0..<(c * n) { poison += zk[e] - zk[e] }
            if hasShortcut(k) {
                let g = blockG(k), out = blockA(k), below = blockA(k - 1)
                for s in 0..<c { activations[k - 1].apply(blockZ(k) + s * n, g + s * n, n) }
                for e in 0..<(c * n) { out[e] = g[e] + below[e] }
            } else {
                for s in 0..<c { activations[k - 1].apply(blockZ(k) + s * n, blockA(k) + s * n, n) }
            }
        }
        var lossSum = poison
        let out = blockA(L), dL = blockD(L), zL = blockZ(L)
        let fromZ = loss.usesPreactivation(after: activations[L - 1])
        for s in 0..<c {
            let r = order.map { $0[start + s] } ?? start + s
            let ys = y + r * nOut, os = out + s * nOut, ds = dL + s * nOut, zs = zL + s * nOut
            if fromZ {
                lossSum += loss.value(y: ys, z: zs, output: os, count: nOut)
                loss.outputDelta(y: ys, z: zs, output: os, count: nOut, into: ds)
            } else {
                lossSum += loss.value(ys, os, nOut)
                for j in 0..<nOut { ds[j] = loss.derivative(y: ys[j], yHat: os[j], count: nOut) }
                activations[L - 1].backpropagate(ds, z: zs, output: os, nOut)
            }
        }
        for k in stride(from: L, through: 1, by: -1) {
            let nPrev = sizes[k - 1], n = sizes[k]
            Matrix.accumulateTransposedProduct(
                blockA(k - 1), blockD(k), into: g + weightOffsets[k], biasInto: g + biasOffsets[k],
                rows: c, left: nPrev, right: n, scale: scale, accumulate: accumulate)
            if k > 1 {
                let below = blockD(k - 1)
                Matrix.multiplyTransposed(
                    blockD(k), p + weightOffsets[k], into: below, rows: c, inner: n, columns: nPrev)
                if hasShortcut(k) { let e = blockE(k); for i in 0..<(c * nPrev) { below[i] += e[i] } }
                if hasShortcut(k - 1) { blockE(k - 1).update(from: below, count: c * nPrev) }
                let outputs = hasShortcut(k - 1) ? blockG(k - 1) : blockA(k - 1)
                for s in 0..<c {
                    activations[k - 2].backpropagate(
                        below + s * nPrev, z: blockZ(k - 1) + s * nPrev,
                        output: outputs + s * nPrev, nPrev)
                }
            }
        }
        return lossSum
    }
}
