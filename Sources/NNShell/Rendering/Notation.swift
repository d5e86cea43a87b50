import NNEngine

/// Names on screen: the textbook's (w²₁₁, b₁₂, O₂₁, ∂L/∂ŷ) or, with `--ascii`, the typed
/// names (w2_11, b1_2, O2_1, dL/dyhat).
public struct Notation: Sendable {
    public let ascii: Bool
    /// The number of output nodes: with one, ŷ has no index.
    public let outputCount: Int

    /// Layers with a residual shortcut: their O^k is g(z^k) + O^(k−1), so an activation's
    /// derivative there is written with g(z^k), not with O^k.
    public let shortcutLayers: Set<Int>

    public init(ascii: Bool, outputCount: Int = 1, shortcutLayers: Set<Int> = []) {
        self.ascii = ascii
        self.outputCount = outputCount
        self.shortcutLayers = shortcutLayers
    }

    /// The notation for `network`'s names.
    public init(ascii: Bool, network: Network?) {
        self.init(
            ascii: ascii, outputCount: network?.outputCount ?? 1,
            shortcutLayers: network.map { n in Set((1...n.layerCount).filter(n.hasShortcut)) } ?? [])
    }

    static let superscripts: [Character: String] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
        "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"
    ]
    static let subscripts: [Character: String] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅",
        "6": "₆", "7": "₇", "8": "₈", "9": "₉", ",": ","
    ]

    static func sup(_ n: Int) -> String { String(n).map { superscripts[$0] ?? String($0) }.joined() }
    static func sub(_ text: String) -> String { text.map { subscripts[$0] ?? String($0) }.joined() }
    /// Two indices as a subscript: ₁₂, or ₃,₁₂ when one is 10 or more.
    static func pair(_ a: Int, _ b: Int) -> String { sub(a >= 10 || b >= 10 ? "\(a),\(b)" : "\(a)\(b)") }

    public var minus: String { ascii ? "-" : "−" }
    public var times: String { ascii ? "*" : "·" }
    public var arrow: String { ascii ? "->" : "→" }
    public var eta: String { ascii ? "lr" : "η" }

    public func parameter(_ p: Parameter) -> String {
        if ascii { return p.asciiName }
        switch p {
        case .weight(let k, let i, let j): return "w" + Self.sup(k) + Self.pair(i, j)
        case .bias(let k, let j): return "b" + Self.pair(k, j)
        }
    }

    public func output(_ k: Int, _ j: Int) -> String { ascii ? "O\(k)_\(j)" : "O" + Self.pair(k, j) }
    public func z(_ k: Int, _ j: Int) -> String { ascii ? "z\(k)_\(j)" : "z" + Self.pair(k, j) }
    public func delta(_ k: Int, _ j: Int) -> String { ascii ? "delta\(k)_\(j)" : "δ" + Self.pair(k, j) }
    public func input(_ i: Int) -> String { ascii ? "x_i\(i)" : "x_i" + (i >= 10 ? "," : "") + String(i) }

    public func prediction(_ j: Int) -> String {
        let base = ascii ? "yhat" : "ŷ"
        return outputCount == 1 ? base : base + (ascii ? "_\(j)" : Self.sub(String(j)))
    }

    public func target(_ j: Int) -> String {
        outputCount == 1 ? "y" : "y" + (ascii ? "_\(j)" : Self.sub(String(j)))
    }

    public func quantity(_ q: Quantity) -> String {
        switch q {
        case .loss: return "L"
        case .prediction(let j): return prediction(j)
        case .output(let k, let j): return output(k, j)
        case .preactivation(let k, let j): return z(k, j)
        case .parameter(let p): return parameter(p)
        }
    }

    /// ∂a/∂b (or da/db in ASCII).
    public func partial(_ numerator: Quantity, _ denominator: Quantity) -> String {
        let d = ascii ? "d" : "∂"
        return "\(d)\(quantity(numerator))/\(d)\(quantity(denominator))"
    }

    /// The factor's simplified form, as the course writes it: −2(y−ŷ), w²₁₁, x_i2, σ′(z)=O(1−O).
    public func form(_ form: FactorForm) -> String {
        switch form {
        case .lossDerivative(let loss, let j, let n):
            let y = target(j), yhat = prediction(j), m = minus
            let over = n == 1 ? "" : "/\(n)"
            switch loss {
            case .mse, .perceptron: return "\(m)2(\(y)\(m)\(yhat))\(over)"
            case .bce: return "(\(yhat)\(m)\(y))/(\(yhat)(1\(m)\(yhat)))\(over)"
            case .cce: return "\(m)\(y)/\(yhat)"
            case .hinge: return "\(m)\(y)\(over) if \(y)\(times)\(yhat) < 1, else 0"
            }
        case .activationDerivative(let activation, let k, let j):
            let z = self.z(k, j), m = minus
            let o =
                !shortcutLayers.contains(k)
                ? output(k, j)
                : activation == .sigmoid ? (ascii ? "sigmoid(\(z))" : "σ(\(z))") : "\(activation.rawValue)(\(z))"
            switch activation {
            case .linear: return "1"
            case .sigmoid: return ascii ? "[sigmoid'(\(z)) = \(o)(1-\(o))]" : "[σ′(\(z))=\(o)(1−\(o))]"
            case .tanh: return ascii ? "[tanh'(\(z)) = 1-\(o)^2]" : "[tanh′(\(z))=1\(m)\(o)²]"
            case .relu: return ascii ? "relu'(\(z))" : "relu′(\(z))"
            case .step: return ascii ? "[step'(\(z)) = 0]" : "[step′(\(z))=0]"
            case .softmax: return ascii ? "softmax'(\(z))" : "softmax′(\(z))"
            }
        case .weight(let k, let i, let j): return parameter(.weight(layer: k, from: i, to: j))
        case .input(let i): return input(i)
        case .output(let k, let j): return output(k, j)
        case .one: return "1"
        case .delta(let k, let j): return delta(k, j)
        case .outputDelta(let loss, let j, let n):
            let difference = "(\(prediction(j)) \(minus) \(target(j)))"
            return loss == .bce && n > 1 ? "\(difference)/\(n)" : difference
        }
    }
}
