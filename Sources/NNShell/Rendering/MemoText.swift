import NNEngine

/// `show memo`: why backpropagation memoizes.
enum MemoText {
    static func render(_ network: Network) -> String {
        let count = network.backpropMultiplications
        let sizes = network.sizes.map(String.init).joined(separator: "-")
        return """
            backward pass of this \(sizes) network, counted in multiplications:
              with memoized deltas (each δ once, reused by every path): \(count.memoized)
              expanding every path from each parameter to the loss:    \(count.expanded)
              (\(count.paths) paths in all; the ratio is \(System.format("%.1f", Double(count.expanded) / Double(max(count.memoized, 1))))×)
            Backpropagation is the chain rule plus memoization.

            """
    }
}
