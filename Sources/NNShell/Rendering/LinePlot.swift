/// One named series of (x, y) points.
struct PlotSeries: Sendable {
    var name: String
    var points: [(Double, Double)]
}

/// A text line plot with axes, tick labels and a legend. (Simple version; to be refined.)
enum LinePlot {
    static func render(series: [PlotSeries], xLabel: String, yLabel: String, width: Int, height: Int,
                       ascii: Bool, format: NumberFormat) -> String {
        let all = series.flatMap(\.points).filter { $0.0.isFinite && $0.1.isFinite }
        guard let first = all.first else { return "(nothing to plot yet)\n" }
        var minX = first.0, maxX = first.0, minY = first.1, maxY = first.1
        for (x, y) in all { minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y) }
        if maxX == minX { maxX = minX + 1 }
        if maxY == minY { maxY = minY + 1 }
        let labels = [format(maxY), format(minY)]
        let gutter = (labels.map(\.count).max() ?? 1) + 1
        let plotWidth = max(10, width - gutter - 3)
        var grid = [[Character]](repeating: [Character](repeating: " ", count: plotWidth), count: height)
        let marks: [Character] = ascii ? ["*", "+", "o", "x"] : ["•", "+", "o", "x"]
        for (s, line) in series.enumerated() {
            for (x, y) in line.points where x.isFinite && y.isFinite {
                let col = Int(((x - minX) / (maxX - minX) * Double(plotWidth - 1)).rounded())
                let row = height - 1 - Int(((y - minY) / (maxY - minY) * Double(height - 1)).rounded())
                grid[row][col] = marks[s % marks.count]
            }
        }
        var lines: [String] = []
        for (r, row) in grid.enumerated() {
            let label = r == 0 ? labels[0] : (r == height - 1 ? labels[1] : "")
            lines.append(String(repeating: " ", count: gutter - label.count) + label + (ascii ? " |" : " │") + String(row))
        }
        lines.append(String(repeating: " ", count: gutter + 1) + (ascii ? "+" : "└") + String(repeating: ascii ? "-" : "─", count: plotWidth))
        let left = format(minX), right = format(maxX)
        lines.append(String(repeating: " ", count: gutter + 2) + left + String(repeating: " ", count: max(1, plotWidth - left.count - right.count)) + right)
        lines.append(String(repeating: " ", count: gutter + 2) + "x: \(xLabel), y: \(yLabel);  " +
                     series.enumerated().map { "\(marks[$0.offset % marks.count]) \($0.element.name)" }.joined(separator: "  "))
        return lines.joined(separator: "\n") + "\n"
    }
}
