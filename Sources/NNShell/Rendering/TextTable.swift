/// A plain table: a header row and rows of cells, columns padded to fit, numbers right-aligned.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns (by index) that are left-aligned; the rest are right-aligned.
    var leftAligned: Set<Int> = [0]
    var indent = "  "

    func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { c < $0.count ? $0[c].displayWidth : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { c -> String in
                let pad = String(repeating: " ", count: max(0, widths[c] - cells[c].displayWidth))
                return leftAligned.contains(c) ? cells[c] + pad : pad + cells[c]
            }
            var text = indent + padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        return all.map(line).joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Columns this text takes on a terminal (combining marks take none).
    var displayWidth: Int {
        unicodeScalars.reduce(0) { width, scalar in
            (0x0300...0x036F).contains(scalar.value) ? width : width + 1
        }
    }

    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - displayWidth))
    }
}
