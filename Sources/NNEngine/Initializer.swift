/// How a new network's weights are chosen. Biases always start at 0.
///
/// - `constant(c)`: every weight c (the course uses 1, so every number can be checked by hand).
/// - `uniform`: w ~ U(−1, 1).
/// - `xavier`: w ~ U(−a, a) with a = √(6 / (n_in + n_out)) (Glorot & Bengio 2010).
/// - `he`: w ~ N(0, 2 / n_in) (He et al. 2015), made for ReLU layers.
/// Draws come from `SplitMix64(seed:)` in storage order, so a seed fixes every number.
public enum Initializer: Sendable, Equatable {
    case constant(Double)
    case uniform, xavier, he

    public init?(name: String) {
        switch name.lowercased() {
        case "uniform": self = .uniform
        case "xavier", "glorot": self = .xavier
        case "he", "kaiming": self = .he
        default:
            guard let value = Double(name), value.isFinite else { return nil }
            self = .constant(value)
        }
    }

    public var name: String {
        switch self {
        case .constant(let c): return c == c.rounded() && abs(c) < 1e15 ? String(Int(c)) : "\(c)"
        case .uniform: return "uniform"
        case .xavier: return "xavier"
        case .he: return "he"
        }
    }

    /// Sets every parameter of `network`.
    public func initialize(_ network: inout Network, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for k in 1...network.layerCount {
            let fanIn = Double(network.sizes[k - 1]), fanOut = Double(network.sizes[k])
            let start = network.weightOffsets[k], end = network.biasOffsets[k]
            for index in start..<end {
                switch self {
                case .constant(let c): network.parameters[index] = c
                case .uniform: network.parameters[index] = random.uniform(-1, 1)
                case .xavier:
                    let a = (6 / (fanIn + fanOut)).squareRoot()
                    network.parameters[index] = random.uniform(-a, a)
                case .he: network.parameters[index] = random.normal() * (2 / fanIn).squareRoot()
                }
            }
            for index in end..<(end + network.sizes[k]) { network.parameters[index] = 0 }
        }
    }
}
