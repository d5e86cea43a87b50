import NNEngine

/// `data show`: the rows with their column names, the next row to be used marked, held-out
/// test rows marked `test`, and each row's class name when the classes came from words.
enum DataTable {
    static let rowLimit = 40

    /// The session's data: every row, computed columns included, as the network sees it.
    static func render(_ state: SessionState) -> String {
        guard let data = state.data else { return "no data yet; try 'data students'\n" }
        let held = state.preparation.split?.isTest(rows: data.count) ?? []
        var next = state.training?.nextRows() ?? []
        if !held.isEmpty {
            // The training rows are numbered among themselves; show them at their place in the file.
            let trainRows = held.indices.filter { !held[$0] }
            next = next.compactMap { trainRows.indices.contains($0) ? trainRows[$0] : nil }
        }
        return render(data, format: state.format, highlight: next, heldOut: held)
    }

    static func render(_ data: DataSet, format: NumberFormat, highlight: [Int], heldOut: [Bool] = []) -> String {
        guard !data.isEmpty else { return "\(data.name): no rows yet; add one with 'data add X1 X2 -> Y'\n" }
        let classes = !data.classNames.isEmpty
        var table = TextTable(
            header: ["row"] + data.featureNames + ["->"] + data.targetNames
                + (classes ? ["class"] : []))
        table.leftAligned = Set([0, data.featureCount + 1] + (classes ? [table.header.count - 1] : []))
        let next = highlight.count == 1 ? highlight[0] : nil
        let shown =
            data.count <= rowLimit
            ? Array(0..<data.count)
            : Array(0..<(rowLimit / 2)) + Array((data.count - rowLimit / 2)..<data.count)
        for r in shown {
            if data.count > rowLimit, r == data.count - rowLimit / 2 { table.rows.append(["…"]) }
            let marker = r == next ? " <- next" : heldOut.indices.contains(r) && heldOut[r] ? " test" : ""
            table.rows.append(
                ["\(r + 1)"] + data.features(row: r).map { format($0) } + [""]
                    + data.target(row: r).map { format($0) } + (classes ? [className(data, row: r)] : [])
                    + (marker.isEmpty ? [] : [marker]))
        }
        table.header += [""]
        let width = table.header.count
        table.rows = table.rows.map { $0.count < width ? $0 + Array(repeating: "", count: width - $0.count) : $0 }
        let testCount = heldOut.filter { $0 }.count
        let split = testCount == 0 ? "" : ", \(testCount) held out as the test set (marked test)"
        return "\(data.name): \(counted(data.count, "row"))\(split)\n" + table.render()
    }

    /// The class of a row whose targets are a class number or one-hot columns.
    static func className(_ data: DataSet, row: Int) -> String {
        let y = data.target(row: row)
        let index = y.count == 1 ? Int(y[y.startIndex]) : y.indices.max { y[$0] < y[$1] }.map { $0 - y.startIndex } ?? 0
        return data.classNames.indices.contains(index) ? data.classNames[index] : "?"
    }
}
