import NNEngine

/// A one-line progress bar drawn over itself with '\r'.
enum ProgressBar {
    static func render(done: Int, updates: Int, total: Int?, loss: Double, width: Int) -> String {
        let label = " \(counted(updates, "update")), loss \(NumberFormat(digits: 4)(loss))"
        guard let total, total > 0 else { return "\r" + label }
        let barWidth = max(10, min(40, width - label.count - 12))
        let filled = min(barWidth, barWidth * done / total)
        return "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
            + "] \(done)/\(total)" + label
    }

    static func clear(width: Int) -> String { "\r" + String(repeating: " ", count: max(1, width - 1)) + "\r" }
}
