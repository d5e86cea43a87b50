import NNEngine

/// `data load FILE.csv` and `data export FILE.csv`.
extension Command {
    static func load(
        _ rest: [Token], _ invocation: Invocation,
        _ state: inout SessionState
    ) throws(ShellError) -> String {
        guard let pathToken = rest.first else { throw Command.data.usageError(nil, "'data load' needs a CSV file") }
        let options = try Arguments.options(Array(rest.dropFirst()), allowed: ["target", "sep"], command: "data load")
        let targets = options["target"].map { $0.text.split(separator: ",").map(String.init) }
        let separator = try options["sep"].map { token throws(ShellError) in
            guard let separator = CSVSeparator(name: token.text) else {
                throw ShellError.at(token, "unknown separator '\(token.text)'; expected sep=, sep=; or sep=tab")
            }
            return separator
        }
        let path = invocation.context.resolve(pathToken.text)
        let text = try FileAccess.readText(path, shown: pathToken.text)
        let name = Path.lastComponent(pathToken.text)
        let data: DataSet
        do {
            data = try CSV.parse(text, name: name, targets: targets, separator: separator)
        } catch {
            // FILE:LINE:COL: once, as compilers write it, then what is wrong.
            let place = "\(error.line.map { "\($0):" } ?? "")\(error.column.map { "\($0):" } ?? "")"
            // FILE:LINE:COLUMN: says where once; the message itself then need not say it again.
            throw ShellError.file("\(pathToken.text):\(place) \(place.isEmpty ? error.message : error.summary)")
        }
        try state.setData(data)
        // Names come from the file: shown as one line, escaped and cut (PlainText.message).
        var lines = [
            PlainText.message(
                "data \(name): \(counted(data.count, "row")), "
                    + "\(counted(data.featureCount, "input")) -> "
                    + data.targetNames.joined(separator: ", "))
        ]
        if !data.classNames.isEmpty {
            let classes = counted(data.classNames.count, "class", plural: "classes")
            lines.append(
                PlainText.message(
                    "\(classes) in '\(data.targetNames[0])': "
                        + data.classNames.joined(separator: ", ")))
        }
        if let training = state.training, training.data.targetCount != data.targetCount {
            lines.append(
                "the class labels in '\(data.targetNames[0])' became \(training.data.targetCount) "
                    + "one-hot targets "
                    + "for the \(training.network.outputCount) outputs")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes every row as the learner sees it (computed columns included, classes as their
    /// names), with a last column `split` of train/test when a split holds rows out.
    static func export(_ rest: [Token], _ invocation: Invocation, _ state: SessionState) throws(ShellError) -> String {
        guard let pathToken = rest.first else {
            throw Command.data.usageError(nil, "'data export' needs a file name, like 'data export points.csv'")
        }
        try invocation.expectAtMost(2, form: "data export FILE.csv")
        guard let raw = state.pendingData ?? state.data, !raw.isEmpty else {
            throw ShellError.state("no data to export; choose some first, like 'data students'")
        }
        let data = state.preparation.prepared(raw)
        let held = state.preparation.split?.isTest(rows: data.count) ?? []
        let text = csvText(data, heldOut: held)
        let path = invocation.context.resolve(pathToken.text)
        let columns =
            data.featureNames.joined(separator: ", ") + " -> " + data.targetNames.joined(separator: ", ")
            + (held.isEmpty ? "" : ", split")
        let saved = try FileAccess.save(text, to: path, shown: pathToken.text)
        return pathToken.text == "-" ? saved : "wrote \(counted(data.count, "row")) (\(columns)) to \(pathToken.text)\n"
    }

    /// The data as CSV text: a header, then one line per row; numbers in their shortest form
    /// that reads back as the same Double.
    static func csvText(_ data: DataSet, heldOut: [Bool]) -> String {
        var header = data.featureNames + data.targetNames
        if !heldOut.isEmpty { header.append("split") }
        var text = header.map(csvField).joined(separator: ",") + "\n"
        for row in 0..<data.count {
            var fields = data.features(row: row).map { "\($0)" }
            fields +=
                data.classNames.isEmpty
                ? data.target(row: row).map { "\($0)" }
                : [csvField(DataTable.className(data, row: row))]
            if !heldOut.isEmpty { fields.append(heldOut[row] ? "test" : "train") }
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// A field quoted as RFC 4180 asks when it holds a separator, a quote, a line break or
    /// spaces at its ends.
    static func csvField(_ text: String) -> String {
        let needsQuotes =
            text.contains { $0 == "," || $0 == "\"" || $0 == ";" || $0 == "\t" || $0.isNewline }
            || text.first == " " || text.last == " " || text.isEmpty
        return needsQuotes ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
    }
}
