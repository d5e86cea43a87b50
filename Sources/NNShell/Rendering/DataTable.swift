import NNEngine

/// `data show`: the rows with their column names, the next row to be used marked.
enum DataTable {
    static let rowLimit = 40

    static func render(_ data: DataSet, format: NumberFormat, highlight: [Int]) -> String {
        guard !data.isEmpty else { return "\(data.name): no rows yet; add one with 'data add X1 X2 -> Y'\n" }
        var table = TextTable(header: ["row"] + data.featureNames + ["->"] + data.targetNames)
        table.leftAligned = [0, data.featureCount + 1]
        let next = highlight.count == 1 ? highlight[0] : nil
        let shown = data.count <= rowLimit ? Array(0..<data.count) : Array(0..<(rowLimit / 2)) + Array((data.count - rowLimit / 2)..<data.count)
        for r in shown {
            if data.count > rowLimit, r == data.count - rowLimit / 2 { table.rows.append(["…"]) }
            let marker = r == next ? " <- next" : ""
            table.rows.append(["\(r + 1)"] + data.features(row: r).map { format($0) } + [""]
                              + data.target(row: r).map { format($0) } + (marker.isEmpty ? [] : [marker]))
        }
        table.header += [""]
        table.rows = table.rows.map { $0.count < table.header.count ? $0 + Array(repeating: "", count: table.header.count - $0.count) : $0 }
        return "\(data.name): \(counted(data.count, "row"))\n" + table.render()
    }
}
