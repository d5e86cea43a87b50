import NNEngine

/// What `step` prints: the sample, ŷ, the loss, and every parameter before and after.
enum UpdateReport {
    /// Tables longer than this show only the parameters that moved most.
    static let tableLimit = 24

    static func single(_ record: StepRecord, network: Network, data: DataSet, notation: Notation, format: NumberFormat)
        -> String
    {
        var lines: [String] = []
        let trace = record.trace
        let rowText =
            record.rows.count == 1
            ? "row \(record.rows[0] + 1) of \(data.count)"
            : record.rows.count == data.count
                ? "all \(data.count) rows" : "rows \(record.rows[0] + 1)-\(record.rows.last! + 1) of \(data.count)"
        let modeText = network.isPerceptron ? "perceptron trick" : record.mode.rawValue
        let sep = notation.ascii ? ", " : " · "
        if record.isSingleSample {
            let className =
                data.classNames.isEmpty || record.rows.count != 1
                ? "" : " (\(DataTable.className(data, row: record.rows[0])))"
            lines.append(
                "update \(record.update)\(sep)\(modeText)\(sep)\(rowText): x = \(vector(trace.input, format)), "
                    + "y = \(vector(trace.target, format))\(className)")
        } else {
            lines.append("update \(record.update)\(sep)\(modeText)\(sep)\(rowText)")
        }
        if network.isPerceptron {
            lines += perceptronLines(record, network: network, notation: notation, format: format)
        } else {
            if record.isSingleSample {
                lines.append(
                    "forward: \(notation.prediction(1).count > 0 ? predictionText(trace, notation, format) : "")")
                lines.append(
                    "loss:    L = \(LossText.formula(network.loss, trace: trace, notation: notation, format: format))")
            } else {
                lines.append(
                    "mean loss over the \(record.rows.count) rows: L = \(format(record.loss)); G is the mean of their gradients"
                )
            }
            lines += UpdateText.penaltyLines(record, notation: notation, format: format)
            let except = record.frozen.isEmpty ? "" : " (except the \(record.frozen.count) frozen)"
            if record.optimizer.optimizer == .sgd {
                let gradient = record.isSingleSample && record.penaltyGradient.isEmpty ? "∂L/∂p" : "G"
                lines.append(
                    "every parameter\(except) moves by \(notation.minus)\(notation.eta)\(notation.times)\(gradient), \(notation.eta) = \(format(record.learningRate)):"
                        .replacing("∂", with: notation.ascii ? "d" : "∂"))
            } else {
                lines.append(UpdateText.optimizerLine(record, except: except, notation: notation, format: format))
            }
        }
        lines.append(table(record, network: network, notation: notation, format: format))
        if network.isPerceptron {
            lines.append(lineEquation(network, record.parametersAfter, notation: notation, format: format))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func predictionText(_ trace: Trace, _ notation: Notation, _ format: NumberFormat) -> String {
        let outputs = trace.prediction
        if outputs.count == 1 { return "\(notation.prediction(1)) = \(format(outputs[0]))" }
        return "ŷ = \(vector(outputs, format))".replacing("ŷ", with: notation.ascii ? "yhat" : "ŷ")
    }

    static func table(_ record: StepRecord, network: Network, notation: Notation, format: NumberFormat) -> String {
        var indices = Array(0..<network.parameterCount)
        if indices.count > tableLimit {
            indices = indices.sorted { abs(record.gradient[$0]) > abs(record.gradient[$1]) }.prefix(tableLimit).sorted()
        }
        let table = UpdateTable.render(record, network: network, indices: indices, notation: notation, format: format)
        var text = table.render()
        if indices.count < network.parameterCount {
            text +=
                "  (the \(tableLimit) largest moves of \(network.parameterCount) parameters; 'inspect NAME' shows any one)\n"
        }
        return String(text.dropLast())
    }

    static func perceptronLines(_ record: StepRecord, network: Network, notation: Notation, format: NumberFormat)
        -> [String]
    {
        let trace = record.trace
        let terms = (1...network.inputCount).map {
            "\(notation.parameter(.weight(layer: 1, from: $0, to: 1)))\(notation.times)\(notation.input($0))"
        }
        let numbers = (1...network.inputCount).map {
            "\(GradientText.parenthesised(format(record.parametersBefore[$0 - 1])))\(notation.times)\(GradientText.parenthesised(format(trace.input[$0 - 1])))"
        }
        let z = trace.z[0][0], yHat = trace.prediction[0], y = trace.target[0]
        var lines = [
            "z = \(terms.joined(separator: " + ")) + \(notation.parameter(.bias(layer: 1, node: 1)))",
            "  = \(numbers.joined(separator: " + ")) + \(GradientText.parenthesised(format(record.parametersBefore[network.inputCount]))) = \(format(z))",
            "\(notation.prediction(1)) = step(z) = \(format(yHat))   (1 when z ≥ 0, else 0)".replacing(
                "≥", with: notation.ascii ? ">=" : "≥")
        ]
        if yHat == y {
            lines.append("correct (\(notation.prediction(1)) = y): the line stays where it is")
        } else {
            lines.append(
                "misclassified (\(notation.prediction(1)) ≠ y): so the line moves toward the point:\n  w ← w + \(notation.eta)(y\(notation.minus)\(notation.prediction(1)))x, b ← b + \(notation.eta)(y\(notation.minus)\(notation.prediction(1))), \(notation.eta) = \(format(record.learningRate))\n  (in the table, G = \(notation.minus)(y\(notation.minus)\(notation.prediction(1)))x and the update is \(notation.minus)\(notation.eta)\(notation.times)G)"
                    .replacing("≠", with: notation.ascii ? "!=" : "≠").replacing("←", with: notation.ascii ? "<-" : "←")
            )
        }
        return lines
    }

    /// `new line: 0.3·x1 − 0.2·x2 + 0.1 = 0`.
    static func lineEquation(_ network: Network, _ parameters: [Double], notation: Notation, format: NumberFormat)
        -> String
    {
        var text = ""
        for i in 1...network.inputCount {
            let w = parameters[i - 1]
            let sign = i == 1 ? (w < 0 ? notation.minus : "") : (w < 0 ? " \(notation.minus) " : " + ")
            text += "\(sign)\(format(abs(w)))\(notation.times)x\(i)"
        }
        let b = parameters[network.inputCount]
        text += b < 0 ? " \(notation.minus) \(format(-b))" : " + \(format(b))"
        return "line: \(text) = 0"
    }

    /// Several updates at once: the losses, then each parameter's start and end.
    static func summary(
        first: Int, report: RunReport, before: [Double], training: Training, notation: Notation, format: NumberFormat
    ) -> String {
        let last = first + report.updates - 1
        var lines = [
            "updates \(first)\(notation.ascii ? "-" : "–")\(last)\(notation.ascii ? ", " : " · ")\(training.network.isPerceptron ? "perceptron trick" : training.settings.mode.rawValue): mean loss \(format(report.lossSum / Double(max(report.samples, 1)))) over \(report.samples) samples"
        ]
        if let record = training.lastStep { lines.append("loss of the last update: \(format(record.loss))") }
        var table = TextTable(header: ["param", "before", "after", "change"])
        let network = training.network
        var indices = Array(0..<network.parameterCount)
        if indices.count > tableLimit {
            indices = indices.sorted {
                abs(network.parameters[$0] - before[$0]) > abs(network.parameters[$1] - before[$1])
            }.prefix(tableLimit).sorted()
        }
        for i in indices {
            table.rows.append([
                notation.parameter(network.parameter(at: i)), format(before[i]), format(network.parameters[i]),
                format(network.parameters[i] - before[i])
            ])
        }
        lines.append(String(table.render().dropLast()))
        if network.isPerceptron {
            lines.append(lineEquation(network, network.parameters, notation: notation, format: format))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func vector(_ values: [Double], _ format: NumberFormat) -> String {
        values.count == 1 ? format(values[0]) : "(" + values.map { format($0) }.joined(separator: ", ") + ")"
    }
}
