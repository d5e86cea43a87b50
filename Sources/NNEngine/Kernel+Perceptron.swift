extension Kernel {
    /// The perceptron trick as a gradient: G_w = −(y−ŷ)·x, G_b = −(y−ŷ), added with `scale`.
    /// It is zero when the point is classified correctly, so the line moves only on mistakes.
    @inline(__always)
    func perceptronGradient(y: UnsafePointer<Double>, scale: Double) {
        let nIn = sizes[0], nOut = sizes[1], out = output
        let gw = g + weightOffsets[1], gb = g + biasOffsets[1]
        for j in 0..<nOut {
            let error = y[j] - out[j]
            delta[zOffsets[1] + j] = -error
            for i in 0..<nIn { gw[i * nOut + j] += scale * -error * a[i] }
            gb[j] += scale * -error
        }
    }
}
