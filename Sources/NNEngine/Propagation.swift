/// The forward and backward kernels, on raw buffers so that training allocates nothing.
///
/// Buffers, per network: `a` holds every layer's output O^k (layer 0 is the input x),
/// `z` and `delta` hold every layer's pre-activation z^k and δ^k = ∂L/∂z^k. For residual
/// networks `shortcut` holds, in the layout of `z`, g(z^k) of each layer with a shortcut
/// (its O^k is g(z^k) + O^(k−1)), then ∂L/∂O^k of those layers.
struct Workspace: Sendable {
    var a: [Double]
    var z: [Double]
    var delta: [Double]
    var shortcut: [Double]
    var gradient: [Double]
    /// Offsets of layer k in `a` (k = 0…L) and in `z`/`delta` (k = 1…L; index 0 unused).
    let aOffsets: [Int]
    let zOffsets: [Int]
    /// A chunk of samples for the batch kernel: per layer k, A_k, Z_k, D_k, and for residual
    /// networks G_k = g(Z_k) and E_k = ∂L/∂A_k, as `chunk × n(k)` row-major blocks.
    /// Offsets: A at [k], Z at [L+1+k], D at [2(L+1)+k], G at [3(L+1)+k], E at [4(L+1)+k].
    var batch: [Double]
    let batchOffsets: [Int]
    static let chunk = 64

    init(sizes: [Int], parameterCount: Int) {
        var aOffsets = [0], zOffsets = [0], aTotal = sizes[0], zTotal = 0
        for k in 1..<sizes.count {
            aOffsets.append(aTotal); aTotal += sizes[k]
            zOffsets.append(zTotal); zTotal += sizes[k]
        }
        self.aOffsets = aOffsets
        self.zOffsets = zOffsets
        a = [Double](repeating: 0, count: aTotal)
        z = [Double](repeating: 0, count: max(zTotal, 1) + 1)
        delta = [Double](repeating: 0, count: max(zTotal, 1) + 1)
        shortcut = [Double](repeating: 0, count: 2 * (max(zTotal, 1) + 1))
        gradient = [Double](repeating: 0, count: parameterCount)
        var offsets = [Int](repeating: 0, count: 5 * sizes.count), total = 0
        for block in 0..<5 {
            for k in sizes.indices where block == 0 || k > 0 {
                offsets[block * sizes.count + k] = total
                total += Self.chunk * sizes[k]
            }
        }
        batchOffsets = offsets
        batch = []
        batchSize = total
    }

    /// Doubles the batch buffer needs; it is allocated on first use.
    let batchSize: Int
}

/// Raw pointers into one network and its workspace, for the duration of one kernel call.
struct Kernel {
    let sizes: UnsafeBufferPointer<Int>
    let activations: UnsafeBufferPointer<Activation>
    let weightOffsets: UnsafeBufferPointer<Int>
    let biasOffsets: UnsafeBufferPointer<Int>
    let aOffsets: UnsafeBufferPointer<Int>
    let zOffsets: UnsafeBufferPointer<Int>
    let loss: Loss
    let p: UnsafeMutablePointer<Double>
    let a: UnsafeMutablePointer<Double>
    let z: UnsafeMutablePointer<Double>
    let delta: UnsafeMutablePointer<Double>
    let g: UnsafeMutablePointer<Double>
    let batch: UnsafeMutablePointer<Double>
    let batchOffsets: UnsafeBufferPointer<Int>
    let residual: Bool
    /// g(z^k) of layers with a shortcut, then ∂L/∂O^k of them, each in the layout of `z`.
    let shortcut: UnsafeMutablePointer<Double>
    let shortcutStride: Int

    var layerCount: Int { sizes.count - 1 }

    /// True when O^k = g(z^k) + O^(k−1) (layer k is hidden and as wide as layer k−1).
    @inline(__always) func hasShortcut(_ k: Int) -> Bool { residual && k < layerCount && sizes[k] == sizes[k - 1] }
    /// Where g(z^k) of a layer with a shortcut is kept.
    @inline(__always) func activated(_ k: Int) -> UnsafeMutablePointer<Double> { shortcut + zOffsets[k] }
    /// Where ∂L/∂O^k of a layer with a shortcut is kept.
    @inline(__always) func outputGradient(_ k: Int) -> UnsafeMutablePointer<Double> {
        shortcut + shortcutStride + zOffsets[k]
    }
    var output: UnsafeMutablePointer<Double> { a + aOffsets[layerCount] }

    /// z^k = (W^k)^T a^(k−1) + b^k and O^k = g(z^k) for every layer; returns the loss.
    @inline(__always)
    func forward(x: UnsafePointer<Double>, y: UnsafePointer<Double>) -> Double {
        a.update(from: x, count: sizes[0])
        // z − z is 0 for a finite z and NaN otherwise: any non-finite pre-activation makes the loss
        // NaN, so the update is reported as divergence even when a saturated node hides it.
        var poison = 0.0
        for k in 1...layerCount {
            let nIn = sizes[k - 1], nOut = sizes[k]
            let w = p + weightOffsets[k], b = p + biasOffsets[k]
            let input = a + aOffsets[k - 1], zk = z + zOffsets[k]
            // Eight outputs at a time stay in a register while every input adds its share.
            var j = 0
            while j + 8 <= nOut {
                var acc = Matrix.load(b + j)
                for i in 0..<nIn { acc += Matrix.load(w + i * nOut + j) * input[i] }
                Matrix.store(acc, zk + j)
                j += 8
            }
            if j < nOut {
                for jj in j..<nOut { zk[jj] = b[jj] }
                for i in 0..<nIn {
                    let ai = input[i], row = w + i * nOut
                    for jj in j..<nOut { zk[jj] += ai * row[jj] }
                }
            }
            for j in 0..<nOut { poison += zk[j] - zk[j] }
            if hasShortcut(k) {
                let gk = activated(k), out = a + aOffsets[k]
                activations[k - 1].apply(zk, gk, nOut)
                for j in 0..<nOut { out[j] = gk[j] + input[j] }
            } else {
                activations[k - 1].apply(zk, a + aOffsets[k], nOut)
            }
        }
        let last = layerCount
        if loss.usesPreactivation(after: activations[last - 1]) {
            return loss.value(y: y, z: z + zOffsets[last], output: output, count: sizes[last]) + poison
        }
        return loss.value(y, output, sizes[last]) + poison
    }

    /// Walks back from the loss: fills δ^k for every layer and adds `scale`·∂L/∂p to `g`
    /// (or, with `accumulate` false, writes it, so `g` need not be zeroed first).
    /// `forward` must have just run on the same sample.
    @inline(__always)
    func backward(y: UnsafePointer<Double>, scale: Double, accumulate: Bool = true) {
        let last = layerCount, nLast = sizes[last]
        let out = output, dLast = delta + zOffsets[last]
        if loss.usesPreactivation(after: activations[last - 1]) {
            loss.outputDelta(y: y, z: z + zOffsets[last], output: out, count: nLast, into: dLast)
        } else {
            for j in 0..<nLast { dLast[j] = loss.derivative(y: y[j], yHat: out[j], count: nLast) }
            activations[last - 1].backpropagate(dLast, z: z + zOffsets[last], output: out, nLast)
        }
        var k = last
        while k >= 1 {
            let nIn = sizes[k - 1], nOut = sizes[k]
            let dk = delta + zOffsets[k], input = a + aOffsets[k - 1]
            let gw = g + weightOffsets[k], gb = g + biasOffsets[k]
            if accumulate {
                for i in 0..<nIn {
                    let ai = input[i] * scale, row = gw + i * nOut
                    for j in 0..<nOut { row[j] += ai * dk[j] }
                }
                for j in 0..<nOut { gb[j] += scale * dk[j] }
            } else {
                for i in 0..<nIn {
                    let ai = input[i] * scale, row = gw + i * nOut
                    for j in 0..<nOut { row[j] = ai * dk[j] }
                }
                for j in 0..<nOut { gb[j] = scale * dk[j] }
            }
            if k > 1 {
                // ∂L/∂O^(k−1) = W^k δ^k, plus ∂L/∂O^k along the shortcut when layer k has one.
                let w = p + weightOffsets[k], dPrev = delta + zOffsets[k - 1]
                Matrix.multiplyTransposed(dk, w, into: dPrev, rows: 1, inner: nOut, columns: nIn)
                if hasShortcut(k) { let e = outputGradient(k); for i in 0..<nIn { dPrev[i] += e[i] } }
                if hasShortcut(k - 1) {
                    outputGradient(k - 1).update(from: dPrev, count: nIn)
                    activations[k - 2].backpropagate(dPrev, z: z + zOffsets[k - 1], output: activated(k - 1), nIn)
                } else {
                    activations[k - 2].backpropagate(dPrev, z: z + zOffsets[k - 1], output: input, nIn)
                }
            }
            k -= 1
        }
    }
}

extension Network {
    /// Runs `body` with a kernel over this network's parameters and `workspace`.
    @inline(__always)
    mutating func withKernel<R>(_ workspace: inout Workspace, _ body: (Kernel) throws -> R) rethrows -> R {
        let loss = self.loss, residual = self.residual, shortcutStride = workspace.shortcut.count / 2
        if workspace.batch.isEmpty { workspace.batch = [Double](repeating: 0, count: workspace.batchSize) }
        return try sizes.withUnsafeBufferPointer { sizes in
            try activations.withUnsafeBufferPointer { acts in
                try weightOffsets.withUnsafeBufferPointer { wo in
                    try biasOffsets.withUnsafeBufferPointer { bo in
                        try workspace.aOffsets.withUnsafeBufferPointer { ao in
                            try workspace.zOffsets.withUnsafeBufferPointer { zo in
                                try parameters.withUnsafeMutableBufferPointer { p in
                                    try workspace.a.withUnsafeMutableBufferPointer { a in
                                        try workspace.z.withUnsafeMutableBufferPointer { z in
                                            try workspace.delta.withUnsafeMutableBufferPointer { d in
                                                try workspace.gradient.withUnsafeMutableBufferPointer { g in
                                                    try workspace.batchOffsets.withUnsafeBufferPointer { bo2 in
                                                        try workspace.batch.withUnsafeMutableBufferPointer { batch in
                                                            try workspace.shortcut.withUnsafeMutableBufferPointer {
                                                                sc in
                                                                try body(
                                                                    Kernel(
                                                                        sizes: sizes, activations: acts,
                                                                        weightOffsets: wo,
                                                                        biasOffsets: bo, aOffsets: ao, zOffsets: zo,
                                                                        loss: loss,
                                                                        p: p.baseAddress!, a: a.baseAddress!,
                                                                        z: z.baseAddress!,
                                                                        delta: d.baseAddress!, g: g.baseAddress!,
                                                                        batch: batch.baseAddress!, batchOffsets: bo2,
                                                                        residual: residual, shortcut: sc.baseAddress!,
                                                                        shortcutStride: shortcutStride))
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
