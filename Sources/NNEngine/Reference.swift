import Glibc

/// The definition of what nnstep computes, written to be read: forward, backward and one
/// update of a fully connected network, as plainly as micrograd.
///
/// Start here. Everything is an array of arrays and a plain loop; every z and O is kept.
/// The fast kernel (`Propagation.swift`, `Kernel+Batch.swift`) computes the same numbers
/// with SIMD blocks and raw buffers, and `ReferenceAgreementTests` holds it to this file
/// within 1e-12 over many shapes, activations, losses and batch sizes. This file is never
/// used for training; it is the yardstick.
///
/// Notation (the course's): layer 0 is the input x; for k = 1…L,
///
///     z^k = (W^k)ᵀ O^(k−1) + b^k        O^k = g^k(z^k)        ŷ = O^L
///
/// and with residual connections a hidden layer as wide as the one before it adds that
/// layer's output to its own: O^k = g^k(z^k) + O^(k−1) (`Network.hasShortcut(k)`).
///
/// where W^k[i][j] = w^k_ij is the weight from node i of layer k−1 into node j of layer k.
public enum Reference {
    /// One sample's forward pass: `z[k]` is z^k and `outputs[k]` is O^k (`outputs[0]` is x;
    /// `z[0]` is empty so that indices match the layers).
    public struct ForwardPass: Sendable {
        public var z: [[Double]]
        public var outputs: [[Double]]
        public var loss: Double
        public var prediction: [Double] { outputs[outputs.count - 1] }
    }

    /// W^k as a matrix of n(k−1) rows and n(k) columns, for k = 1…L (index 0 is empty).
    public static func weights(of network: Network) -> [[[Double]]] {
        var all: [[[Double]]] = [[]]
        for k in 1...network.layerCount {
            let matrix = (1...network.sizes[k - 1]).map { i in
                (1...network.sizes[k]).map { j in network.weight(k, i, j) }
            }
            all.append(matrix)
        }
        return all
    }

    /// b^k for k = 1…L (index 0 is empty).
    public static func biases(of network: Network) -> [[Double]] {
        [[]] + (1...network.layerCount).map { k in (1...network.sizes[k]).map { j in network.bias(k, j) } }
    }

    // MARK: - Forward

    /// z^k = (W^k)ᵀ O^(k−1) + b^k, then O^k = g(z^k), layer after layer; then the loss.
    public static func forward(_ network: Network, x: [Double], y: [Double]) -> ForwardPass {
        let w = weights(of: network), b = biases(of: network)
        var z: [[Double]] = [[]]
        var outputs: [[Double]] = [x]
        for k in 1...network.layerCount {
            var zk = b[k]
            for i in 0..<network.sizes[k - 1] {
                for j in 0..<network.sizes[k] { zk[j] += w[k][i][j] * outputs[k - 1][i] }
            }
            z.append(zk)
            var ok = activate(network.activations[k - 1], zk)
            if network.hasShortcut(k) { for j in ok.indices { ok[j] += outputs[k - 1][j] } }
            outputs.append(ok)
        }
        return ForwardPass(z: z, outputs: outputs, loss: loss(network.loss, y: y, yHat: outputs[network.layerCount]))
    }

    /// g(z) for a whole layer.
    public static func activate(_ g: Activation, _ z: [Double]) -> [Double] {
        switch g {
        case .linear: return z
        case .sigmoid: return z.map { 1 / (1 + exp(-$0)) }
        case .tanh: return z.map { tanh($0) }
        case .relu: return z.map { $0 > 0 ? $0 : 0 }
        case .step: return z.map { $0 >= 0 ? 1 : 0 }
        case .softmax:
            let largest = z.max()!
            let e = z.map { exp($0 - largest) }
            let sum = e.reduce(0, +)
            return e.map { $0 / sum }
        }
    }

    /// The loss of one sample (the contract's conventions: mse has no ½; natural logarithms).
    public static func loss(_ loss: Loss, y: [Double], yHat: [Double]) -> Double {
        let n = Double(y.count)
        var total = 0.0
        for j in y.indices {
            switch loss {
            case .mse, .perceptron: total += (y[j] - yHat[j]) * (y[j] - yHat[j]) / n
            case .bce: total += -(y[j] * log(yHat[j]) + (1 - y[j]) * log(1 - yHat[j])) / n
            case .cce: if y[j] != 0 { total += -y[j] * log(yHat[j]) }
            case .hinge: total += Swift.max(0, 1 - y[j] * yHat[j]) / n
            }
        }
        return total
    }

    // MARK: - Backward

    /// ∂L/∂ŷ_j for each output node.
    public static func lossGradient(_ loss: Loss, y: [Double], yHat: [Double]) -> [Double] {
        let n = Double(y.count)
        return y.indices.map { j in
            switch loss {
            case .mse, .perceptron: return -2 * (y[j] - yHat[j]) / n
            case .bce: return (-y[j] / yHat[j] + (1 - y[j]) / (1 - yHat[j])) / n
            case .cce: return y[j] == 0 ? 0 : -y[j] / yHat[j]
            case .hinge: return 1 - y[j] * yHat[j] > 0 ? -y[j] / n : 0
            }
        }
    }

    /// ∂L/∂z from ∂L/∂O through one layer's activation: δ_j = Σ_m ∂L/∂O_m · ∂O_m/∂z_j.
    public static func throughActivation(_ g: Activation, dOutput: [Double], z: [Double], output o: [Double])
        -> [Double]
    {
        switch g {
        case .linear: return dOutput
        case .sigmoid: return o.indices.map { dOutput[$0] * o[$0] * (1 - o[$0]) }
        case .tanh: return o.indices.map { dOutput[$0] * (1 - o[$0] * o[$0]) }
        case .relu: return z.indices.map { z[$0] > 0 ? dOutput[$0] : 0 }
        case .step: return z.map { _ in 0 }
        case .softmax:  // the full Jacobian: ∂O_m/∂z_j = O_m (1[m = j] − O_j)
            return o.indices.map { j in o.indices.reduce(0.0) { $0 + dOutput[$1] * o[$1] * (($1 == j ? 1 : 0) - o[j]) }
            }
        }
    }

    /// δ^k = ∂L/∂z^k for every layer, walking back from the loss: δ^L from ∂L/∂ŷ, then
    /// ∂L/∂O^(k−1) = W^k δ^k (plus ∂L/∂O^k itself when layer k has a shortcut, whose
    /// derivative is 1) and δ^(k−1) through g^(k−1). Index 0 is empty.
    public static func deltas(_ network: Network, pass: ForwardPass, y: [Double]) -> [[Double]] {
        let w = weights(of: network), L = network.layerCount
        var delta = [[Double]](repeating: [], count: L + 1)
        var dOutput = lossGradient(network.loss, y: y, yHat: pass.prediction)  // ∂L/∂O^L
        for k in stride(from: L, through: 1, by: -1) {
            // g's derivative is taken at g(z^k), which is O^k without the shortcut's share.
            let g =
                network.hasShortcut(k)
                ? pass.outputs[k].indices.map { pass.outputs[k][$0] - pass.outputs[k - 1][$0] }
                : pass.outputs[k]
            delta[k] = throughActivation(network.activations[k - 1], dOutput: dOutput, z: pass.z[k], output: g)
            guard k > 1 else { break }
            var below = (0..<network.sizes[k - 1]).map { i in
                (0..<network.sizes[k]).reduce(0.0) { $0 + w[k][i][$1] * delta[k][$1] }
            }
            if network.hasShortcut(k) { for i in below.indices { below[i] += dOutput[i] } }
            dOutput = below
        }
        return delta
    }

    /// ∂L/∂p for one sample, in the network's storage order: ∂L/∂w^k_ij = O^(k−1)_i · δ^k_j and
    /// ∂L/∂b_kj = δ^k_j. A perceptron (step + perceptron loss) gets the trick's "gradient"
    /// −(y − ŷ)·x, so that p − η·G is the perceptron rule.
    public static func gradient(_ network: Network, x: [Double], y: [Double]) -> (loss: Double, gradient: [Double]) {
        let pass = forward(network, x: x, y: y)
        let delta: [[Double]]
        if network.isPerceptron {
            delta = [[], pass.prediction.indices.map { -(y[$0] - pass.prediction[$0]) }]
        } else {
            delta = deltas(network, pass: pass, y: y)
        }
        var g = [Double](repeating: 0, count: network.parameterCount)
        for k in 1...network.layerCount {
            for j in 1...network.sizes[k] {
                for i in 1...network.sizes[k - 1] {
                    g[network.index(of: .weight(layer: k, from: i, to: j))!] =
                        pass.outputs[k - 1][i - 1] * delta[k][j - 1]
                }
                g[network.index(of: .bias(layer: k, node: j))!] = delta[k][j - 1]
            }
        }
        return (pass.loss, g)
    }

    // MARK: - The update

    /// One update over `rows` (one row in sgd, several in batch modes): G is the arithmetic
    /// mean of the rows' gradients, computed at the parameters before the update, and then
    /// every parameter moves together, p ← p − η·G. Returns the moved network, the mean loss
    /// of the rows and G.
    public static func update(_ network: Network, rows: [(x: [Double], y: [Double])], learningRate eta: Double)
        -> (network: Network, loss: Double, gradient: [Double])
    {
        var mean = [Double](repeating: 0, count: network.parameterCount)
        var lossSum = 0.0
        for row in rows {
            let (loss, g) = gradient(network, x: row.x, y: row.y)
            lossSum += loss
            for p in mean.indices { mean[p] += g[p] / Double(rows.count) }
        }
        var moved = network
        for p in mean.indices { moved.parameters[p] -= eta * mean[p] }
        return (moved, lossSum / Double(rows.count), mean)
    }
}
