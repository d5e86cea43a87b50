extension Network {
    /// ŷ for one input: the forward pass only, at the current parameters.
    ///
    /// `x` must have `inputCount` values; the result has `outputCount`.
    public func predict(_ x: [Double]) -> [Double] {
        predictions(x)
    }

    /// ŷ for many inputs at once, row-major: `inputs` holds `inputCount` values per row and
    /// the result holds `outputCount` values per row, in the same order. One workspace serves
    /// every row, so a whole grid of points (a decision-region picture) costs no allocations
    /// beyond the result.
    public func predictions(_ inputs: [Double]) -> [Double] {
        precondition(
            inputs.count % inputCount == 0, "The inputs must hold a whole number of rows of \(inputCount) values.")
        let rows = inputs.count / inputCount
        var result = [Double](repeating: 0, count: rows * outputCount)
        guard rows > 0 else { return result }
        var network = self
        var workspace = Workspace(sizes: sizes, parameterCount: parameterCount)
        // The kernel computes a loss too; it needs some target, and the value is ignored.
        let target = [Double](repeating: 0, count: outputCount)
        let nIn = inputCount, nOut = outputCount
        network.withKernel(&workspace) { kernel in
            inputs.withUnsafeBufferPointer { xs in
                target.withUnsafeBufferPointer { y in
                    result.withUnsafeMutableBufferPointer { out in
                        for r in 0..<rows {
                            _ = kernel.forward(x: xs.baseAddress! + r * nIn, y: y.baseAddress!)
                            (out.baseAddress! + r * nOut).update(from: kernel.output, count: nOut)
                        }
                    }
                }
            }
        }
        return result
    }
}

extension Network {
    /// One node's value for many inputs, row-major as for `predictions`: O_kj (or z_kj with
    /// `preActivation`) of layer `k` ≥ 1, node `j` ≥ 1, from the same forward pass training uses.
    public func nodeValues(_ inputs: [Double], layer k: Int, node j: Int, preActivation: Bool = false) -> [Double] {
        precondition((1...layerCount).contains(k) && (1...sizes[k]).contains(j), "There is no node \(j) in layer \(k).")
        precondition(
            inputs.count % inputCount == 0, "The inputs must hold a whole number of rows of \(inputCount) values.")
        let rows = inputs.count / inputCount
        var result = [Double](repeating: 0, count: rows)
        guard rows > 0 else { return result }
        var network = self
        var workspace = Workspace(sizes: sizes, parameterCount: parameterCount)
        let target = [Double](repeating: 0, count: outputCount), nIn = inputCount
        let offset = preActivation ? workspace.zOffsets[k] + j - 1 : workspace.aOffsets[k] + j - 1
        network.withKernel(&workspace) { kernel in
            inputs.withUnsafeBufferPointer { xs in
                target.withUnsafeBufferPointer { y in
                    for r in 0..<rows {
                        _ = kernel.forward(x: xs.baseAddress! + r * nIn, y: y.baseAddress!)
                        result[r] = preActivation ? kernel.z[offset] : kernel.a[offset]
                    }
                }
            }
        }
        return result
    }
}
