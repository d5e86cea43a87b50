/// Matrices and vectors drawn with brackets, and laid side by side like the course writes
/// `(W¹)ᵀ x + b¹ = z¹`.
struct MatrixText {
    /// The lines of the block, all the same width.
    var lines: [String]

    var width: Int { lines.first?.displayWidth ?? 0 }

    /// A bracketed matrix; `rows[r][c]` already formatted.
    init(rows: [[String]], ascii: Bool) {
        let columns = rows.first?.count ?? 0
        let widths = (0..<columns).map { c in rows.map { $0[c].displayWidth }.max() ?? 0 }
        let height = rows.count
        lines = rows.enumerated().map { r, row in
            let (left, right): (String, String)
            if ascii {
                (left, right) = ("[", "]")
            } else if height == 1 {
                (left, right) = ("[", "]")
            } else if r == 0 {
                (left, right) = ("⎡", "⎤")
            } else if r == height - 1 {
                (left, right) = ("⎣", "⎦")
            } else {
                (left, right) = ("⎢", "⎥")
            }
            let cells = row.enumerated().map { c, cell in
                String(repeating: " ", count: widths[c] - cell.displayWidth) + cell
            }
            return left + cells.joined(separator: "  ") + right
        }
    }

    /// Plain text centred vertically (an operator such as `+` or `=`).
    init(text: String, height: Int) {
        let middle = (height - 1) / 2
        lines = (0..<height).map { $0 == middle ? text : String(repeating: " ", count: text.displayWidth) }
    }

    /// A column vector.
    static func column(_ values: [String], ascii: Bool) -> MatrixText {
        MatrixText(rows: values.map { [$0] }, ascii: ascii)
    }

    /// Blocks laid left to right with one space between, tops aligned to share a middle row.
    static func join(_ blocks: [MatrixText], indent: String = "  ") -> String {
        let height = blocks.map(\.lines.count).max() ?? 0
        var out = [String](repeating: indent, count: height)
        for (index, block) in blocks.enumerated() {
            let top = (height - block.lines.count) / 2
            for row in 0..<height {
                let piece =
                    row >= top && row < top + block.lines.count
                    ? block.lines[row - top] : String(repeating: " ", count: block.width)
                out[row] += (index == 0 ? "" : " ") + piece
            }
        }
        return out.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
