import NNEngine

/// Reading a network back from `export json` (or any file with `network` and `parameters`).
enum JSONImport {
    struct Imported {
        var network: Network
        var settings: TrainingSettings
        /// The optimiser's state, when the file gives one.
        var optimizerState: OptimizerState?
    }

    static func parse(_ text: String, shown: String, settings current: TrainingSettings) throws(ShellError) -> Imported
    {
        func fail(_ message: String) -> ShellError { .file("\(shown): \(message)") }
        let root: [String: JSONValue]
        do {
            guard case .object(let members) = try JSONValue.parse(text) else {
                throw fail("expected a JSON object at the top, with keys network and parameters")
            }
            root = members
        } catch let error as JSONValue.ParseError {
            throw fail("not valid JSON (\(error.description)); expected an object like the one 'export json' writes")
        } catch let error as ShellError {
            throw error
        } catch {
            throw fail("not valid JSON")
        }
        guard case .object(let spec)? = root["network"] else {
            throw fail("missing key 'network' (an object with sizes, activations, loss)")
        }
        guard case .array(let rawSizes)? = spec["sizes"], rawSizes.count >= 2 else {
            throw fail("'network.sizes' must be a list of at least two layer sizes, like [2, 2, 1]")
        }
        var sizes: [Int] = []
        for value in rawSizes {
            guard let n = integer(value), n >= 1, n <= Command.maximumLayerWidth else {
                throw fail(
                    "'network.sizes' must hold whole numbers from 1 to \(Command.maximumLayerWidth), found \(value.summary)"
                )
            }
            sizes.append(n)
        }
        guard sizes.count - 1 <= Network.maximumLayerCount,
            zip(sizes, sizes.dropFirst()).reduce(0, { $0 + $1.0 * $1.1 + $1.1 }) <= Network.maximumParameterCount
        else {
            throw fail(
                "the network is too large; at most \(Network.maximumLayerCount) layers and \(Network.maximumParameterCount) parameters"
            )
        }
        let layerCount = sizes.count - 1
        var activations = [Activation](repeating: .linear, count: layerCount)
        if let raw = spec["activations"] {
            guard case .array(let items) = raw, case let names = items.compactMap(\.stringValue),
                names.count == items.count,
                names.count == layerCount || names.count == 1
            else {
                throw fail("'network.activations' must list \(layerCount) activation names, one per layer")
            }
            var parsed: [Activation] = []
            for name in names {
                guard let activation = Activation(rawValue: name) else {
                    throw fail(
                        "unknown activation '\(name)'; expected one of \(Activation.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                parsed.append(activation)
            }
            activations = parsed.count == 1 ? Array(repeating: parsed[0], count: layerCount) : parsed
        }
        var loss = Loss.mse
        if let raw = spec["loss"] {
            guard let name = raw.stringValue, let parsed = Loss(rawValue: name) else {
                throw fail(
                    "unknown loss \(raw.summary); expected one of \(Loss.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            loss = parsed
        }
        if let problem = Spec.networkProblem(sizes: sizes, activations: activations, loss: loss) {
            throw fail(problem.message)
        }
        var residual = false
        if let raw = spec["residual"] {
            guard case .bool(let flag) = raw else { throw fail("'network.residual' must be true or false") }
            residual = flag
        }
        var network = Network(sizes: sizes, activations: activations, loss: loss, residual: residual)
        guard case .object(let values)? = root["parameters"] else {
            throw fail("missing key 'parameters' (an object of name: value)")
        }
        var seen = Set<Int>()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let parameter = Parameter(name: name), let index = network.index(of: parameter) else {
                throw fail("'\(name)' is not a parameter of a \(sizes.map(String.init).joined(separator: "-")) network")
            }
            guard let number = finite(value) else {
                throw fail("parameter '\(name)' must be a finite number, found \(value.summary)")
            }
            guard seen.insert(index).inserted else { throw fail("parameter '\(name)' is given twice") }
            network.parameters[index] = number
        }
        if seen.count < network.parameterCount {
            let missing = (0..<network.parameterCount).first { !seen.contains($0) }!
            throw fail(
                "parameter '\(network.parameter(at: missing).asciiName)' is missing; every one of the \(network.parameterCount) parameters needs a value"
            )
        }
        var settings = current
        if let raw = root["learning_rate"] {
            guard let rate = finite(raw), Spec.isValidLearningRate(rate) else {
                throw fail("'learning_rate' must be a positive number")
            }
            settings.learningRate = rate
        }
        if let raw = root["mode"] {
            guard let name = raw.stringValue, let mode = TrainingSettings.Mode(rawValue: name) else {
                throw fail("'mode' must be sgd, batch or minibatch")
            }
            settings.mode = mode
        }
        if let raw = root["batch_size"] {
            guard let size = integer(raw), Spec.batchSizes.contains(size) else {
                throw fail(
                    "'batch_size' must be a whole number from \(Spec.batchSizes.lowerBound) to \(Spec.batchSizes.upperBound)"
                )
            }
            settings.batchSize = size
        }
        if let raw = root["order"] {
            guard let name = raw.stringValue, let order = TrainingSettings.Order(rawValue: name) else {
                throw fail("'order' must be sequential or random")
            }
            settings.order = order
        }
        if let raw = root["seed"] {
            guard let seed = integer(raw), Spec.seeds.contains(seed) else {
                throw fail("'seed' must be a whole number from 0 to \(Spec.seeds.upperBound)")
            }
            settings.seed = UInt64(seed)
        }
        settings.frozen = try frozen(root["frozen"], in: network, fail: fail)
        let state = try optimizer(root, network: network, settings: &settings, fail: fail)
        return Imported(network: network, settings: settings, optimizerState: state)
    }

    /// The `frozen` list of parameter names (none when the key is absent).
    static func frozen(_ raw: JSONValue?, in network: Network, fail: (String) -> ShellError) throws(ShellError) -> [Int]
    {
        guard let raw else { return [] }
        guard case .array(let items) = raw else {
            throw fail("'frozen' must be a list of parameter names, like [\"b1_1\"]")
        }
        var indices = Set<Int>()
        for item in items {
            guard let name = item.stringValue, let parameter = Parameter(name: name),
                let index = network.index(of: parameter)
            else {
                throw fail("'frozen' lists \(item.summary), which is not a parameter of this network")
            }
            indices.insert(index)
        }
        return indices.sorted()
    }

    static func finite(_ value: JSONValue) -> Double? {
        guard case .number(let number) = value, number.isFinite else { return nil }
        return number
    }

    static func integer(_ value: JSONValue) -> Int? {
        // Every whole number up to 2⁵³ is exact in a Double, so it reads back as written.
        guard let double = finite(value), double == double.rounded(), abs(double) <= 9_007_199_254_740_992 else {
            return nil
        }
        return Int(double)
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A short rendering for messages: `"nan"`, `3`, `[…]`.
    var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .number(let number): return NumberFormat.full(number)
        case .string(let text): return text.count > 20 ? "'\(text.prefix(20))…'" : "'\(text)'"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
