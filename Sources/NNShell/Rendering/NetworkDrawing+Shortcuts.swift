import NNEngine

extension NetworkDrawing.Layout {
    /// The residual shortcuts drawn over the picture: for each layer k with one, an arc from
    /// above layer k−1's column to above layer k's, labelled `+ O^(k−1)` and ending in an arrow,
    ///
    ///     ╭──── + O¹ ────╮
    ///     │              ↓
    ///
    /// Empty when the network has no shortcuts, so plain networks are drawn as before.
    func shortcutRows() -> [String] {
        let layers = (1...network.layerCount).filter(network.hasShortcut)
        guard !layers.isEmpty else { return [] }
        let ascii = notation.ascii
        var arc = Array(repeating: Character(" "), count: width + 2)
        var stem = arc
        for k in layers {
            // Leave the source's left part and the target's right part free for neighbours.
            let source = nodeTexts[k - 1].map(\.displayWidth).max() ?? 1
            let start = blockStart[k - 1] + max(1, source - 2), end = blockStart[k] + 1
            guard end - start >= 2 else { continue }
            for column in start...end { arc[column] = ascii ? "-" : "─" }
            arc[start] = ascii ? "." : "╭"
            arc[end] = ascii ? "." : "╮"
            stem[start] = ascii ? "|" : "│"
            stem[end] = ascii ? "v" : "↓"
            let label = Array(" + " + Self.layerOutputName(k - 1, notation) + " ")
            let middle = (start + end + 1) / 2 - label.count / 2
            if label.count <= end - start - 3 {
                for (offset, c) in label.enumerated() { arc[middle + offset] = c }
            }
        }
        let trim = { (s: [Character]) in String(String(s).reversed().drop { $0 == " " }.reversed()) }
        return [trim(arc), trim(stem)]
    }

    /// x for the inputs, O^k for layer k's outputs.
    static func layerOutputName(_ k: Int, _ notation: Notation) -> String {
        k == 0 ? "x" : notation.ascii ? "O\(k)" : "O" + Notation.sup(k)
    }
}
