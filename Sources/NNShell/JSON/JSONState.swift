import NNEngine

/// The session's state as JSON (the contract's `export json`), written by hand so that the
/// keys keep their documented order and every Double reads back as the same Double.
enum JSONState {
    /// At most this many multiply-adds (rows × parameters) for `data_loss` and `test_loss`:
    /// about a second on one core at the forward kernel's slowest, and room for the
    /// MNIST-size benchmark (10,000 rows × 101,770 parameters).
    static let lossWorkBudget = 2_500_000_000.0

    static func export(_ state: SessionState, training: Training) -> String {
        let network = training.network
        var root = JSONObject()
        root["network"] = .raw(
            JSONObject(
                [
                    ("sizes", .raw("[" + network.sizes.map(String.init).joined(separator: ", ") + "]")),
                    (
                        "activations",
                        .raw("[" + network.activations.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]")
                    ),
                    ("loss", .string(network.loss.rawValue))
                ] + (network.residual ? [("residual", .raw("true"))] : [])
            ).render(indent: 1))
        root["learning_rate"] = .number(training.settings.learningRate)
        root["mode"] = .string(training.settings.mode.rawValue)
        root["steps"] = .raw(String(training.updateCount))
        root["parameters"] = .raw(parameters(network, network.parameters).render(indent: 1))
        if let record = training.lastStep {
            var step = JSONObject()
            step["update"] = .raw(String(record.update))
            step["rows"] = .raw("[" + record.rows.map { String($0 + 1) }.joined(separator: ", ") + "]")
            if record.isSingleSample {
                step["x"] = .raw(array(record.trace.input))
                step["y"] = .raw(array(record.trace.target))
                let outputs = (1...network.layerCount).flatMap { k in
                    (1...network.sizes[k]).map { j in
                        (
                            NodeName(layer: k, node: j).asciiName,
                            JSONObject.Value.number(record.trace.outputs[k - 1][j - 1])
                        )
                    }
                }
                step["outputs"] = .raw(JSONObject(outputs).render(indent: 2))
            }
            step["loss"] = .number(record.loss)
            step["penalty"] = .number(record.penalty)
            step["gradients"] = .raw(parameters(network, record.gradient).render(indent: 2))
            root["last_step"] = .raw(step.render(indent: 1))
        } else {
            root["last_step"] = .raw("null")
        }
        if let run = state.lastRun {
            root["last_run"] = .raw(
                JSONObject([
                    ("command", .string(run.command)), ("updates", .raw(String(run.updates))),
                    ("seconds", .number(run.seconds))
                ]).render(indent: 1))
        } else {
            root["last_run"] = .raw("null")
        }
        root["batch_size"] = .raw(String(training.settings.batchSize))
        root["order"] = .string(training.settings.order.rawValue)
        root["seed"] = .raw(String(training.settings.seed))
        root["l2"] = .number(training.settings.l2)
        root["l1"] = .number(training.settings.l1)
        root["optimizer"] = .raw(optimizer(training))
        root["frozen"] = .raw(
            "[" + training.settings.frozen.map { quoted(network.parameter(at: $0).asciiName) }.joined(separator: ", ")
                + "]")
        root["data"] = .raw(
            JSONObject([("name", .string(training.data.name)), ("rows", .raw(String(training.data.count)))]).render(
                indent: 1))
        // Left out when evaluating every row would take more than about a second.
        if !training.data.isEmpty, (try? training.validateData()) != nil,
            Double(training.data.count) * Double(network.parameterCount) <= lossWorkBudget
        {
            root["data_loss"] = .number(network.meanLoss(on: training.data))
        }
        root["epoch_losses"] = .raw(array(training.recorder.epochBuckets.map(\.mean)))
        root["history"] = .raw(
            JSONObject([
                ("updates", .raw(buckets(training.recorder.lossBuckets))),
                ("epochs", .raw(buckets(training.recorder.epochBuckets)))
            ]).render(indent: 1))
        if let test = training.testData, !test.isEmpty, test.featureCount == network.inputCount,
            test.targetCount == network.outputCount,
            Double(test.count) * Double(network.parameterCount) <= lossWorkBudget
        {
            // The held-out rows of `data split`: their mean loss now, and after each recorded epoch.
            root["test_rows"] = .raw(String(test.count))
            root["test_loss"] = .number(network.meanLoss(on: test))
            root["test_epoch_losses"] = .raw(array(training.testLosses.buckets.map(\.mean)))
        }
        return root.render(indent: 0) + "\n"
    }

    /// Every parameter by name. The names are distinct, so they go in as a list: setting them
    /// one by one searches the keys each time, which takes minutes for a million parameters.
    static func parameters(_ network: Network, _ values: [Double]) -> JSONObject {
        JSONObject((0..<network.parameterCount).map { (network.parameter(at: $0).asciiName, .number(values[$0])) })
    }

    /// Envelope buckets as the contract's `history` lists, one bucket per line.
    static func buckets(_ list: [Envelope.Bucket]) -> String {
        guard !list.isEmpty else { return "[]" }
        let lines = list.map { b in
            "{\"first\": \(b.first), \"last\": \(b.last), \"min\": \(number(b.min)), \"max\": \(number(b.max)), \"mean\": \(number(b.mean))}"
        }
        return "[\n      " + lines.joined(separator: ",\n      ") + "\n    ]"
    }

    static func array(_ values: [Double]) -> String {
        "[" + values.map(number).joined(separator: ", ") + "]"
    }

    /// A Double as JSON: the shortest text that reads back as the same value; "inf", "-inf"
    /// and "nan" as strings because JSON has no such numbers.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "\"nan\"" : (value < 0 ? "\"-inf\"" : "\"inf\"") }
        return "\(value)"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// An ordered JSON object.
struct JSONObject {
    enum Value {
        case string(String)
        case number(Double)
        case raw(String)
    }
    private var entries: [(String, Value)] = []

    init(_ entries: [(String, Value)] = []) { self.entries = entries }

    subscript(key: String) -> Value? {
        get { entries.first { $0.0 == key }?.1 }
        set {
            guard let newValue else { return }
            if let index = entries.firstIndex(where: { $0.0 == key }) {
                entries[index].1 = newValue
            } else {
                entries.append((key, newValue))
            }
        }
    }

    func render(indent: Int) -> String {
        let inner = String(repeating: "  ", count: indent + 1), outer = String(repeating: "  ", count: indent)
        let lines = entries.map { key, value -> String in
            let text: String
            switch value {
            case .string(let s): text = JSONState.quoted(s)
            case .number(let n): text = JSONState.number(n)
            case .raw(let r): text = r
            }
            return inner + JSONState.quoted(key) + ": " + text
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n" + outer + "}"
    }
}
