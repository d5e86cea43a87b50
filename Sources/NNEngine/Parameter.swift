/// One trainable parameter, named as the course names it.
///
/// `weight(layer: k, from: i, to: j)` is w^k_ij, the weight from node i of layer k−1 into node j
/// of layer k; `bias(layer: k, node: j)` is b_kj. Layers and nodes count from 1.
public enum Parameter: Hashable, Sendable {
    case weight(layer: Int, from: Int, to: Int)
    case bias(layer: Int, node: Int)

    public var layer: Int {
        switch self {
        case .weight(let k, _, _), .bias(let k, _): return k
        }
    }

    /// The ASCII name: `w2_11`, `b1_2`, or the separated `w1_3_12` when an index is 10 or more.
    public var asciiName: String {
        switch self {
        case .weight(let k, let i, let j):
            return i >= 10 || j >= 10 ? "w\(k)_\(i)_\(j)" : "w\(k)_\(i)\(j)"
        case .bias(let k, let j):
            return "b\(k)_\(j)"
        }
    }

    /// Parses `w2_11`, `w2_1_1`, `w1_3_12`, `b1_2` (and `W`/`B` in upper case).
    /// Returns nil for anything else; range checks against a network are separate.
    public init?(name: String) {
        let scalars = Array(name.lowercased())
        guard let kind = scalars.first, kind == "w" || kind == "b" else { return nil }
        let parts = String(scalars.dropFirst()).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts.allSatisfy({ $0.count <= 6 })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        switch (kind, numbers.count) {
        case ("w", 2):
            let digits = Array(parts[1])
            guard digits.count == 2, let i = Int(String(digits[0])), let j = Int(String(digits[1])) else { return nil }
            self = .weight(layer: numbers[0], from: i, to: j)
        case ("w", 3):
            self = .weight(layer: numbers[0], from: numbers[1], to: numbers[2])
        case ("b", 2):
            self = .bias(layer: numbers[0], node: numbers[1])
        default:
            return nil
        }
    }
}

/// A node output O_kj (layer 0 is the input x_i), named `O1_2` or `O1_3_12`.
public struct NodeName: Hashable, Sendable {
    public let layer: Int
    public let node: Int

    public init(layer: Int, node: Int) { self.layer = layer; self.node = node }

    public var asciiName: String {
        "O\(layer)_\(node)"
    }

    /// Parses `O1_2` (also `o1_2`).
    public init?(name: String) {
        guard let first = name.first, first == "O" || first == "o" else { return nil }
        let parts = name.dropFirst().split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let j = Int(parts[1]), k >= 1, j >= 1 else { return nil }
        self.init(layer: k, node: j)
    }
}
