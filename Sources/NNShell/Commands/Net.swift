import NNEngine

extension Command {
    static let net = Command(
        name: "net",
        usage: "net SIZES [act=A] [loss=L] [init=I] [seed=N]",
        summary: "build a fully connected network, e.g. net 2-2-1",
        details: """
            SIZES are the layer widths joined by '-', input first: 2-2-1 has 2 inputs, a hidden
            layer of 2 nodes and 1 output. Options:
              act=A     one activation for every layer, or a comma list with one per layer:
                        linear, sigmoid, tanh, relu, step, softmax            (default linear)
              loss=L    mse, bce, cce, hinge, perceptron                      (default mse)
              init=I    a number (every weight that value, biases 0), or uniform, xavier, he
                        drawn with the seed                                   (default 1)
              seed=N    the seed for init= and for random row order           (default 0)
              residual=on  every hidden layer as wide as the layer before it adds that
                        layer's output to its own: O^k = g(z^k) + O^(k-1)     (default off)
            A step network with loss=perceptron learns by the perceptron trick.
            The data set is kept if its width fits the new network.
            """,
        examples: ["net 2-2-1", "net 2-2-1 act=sigmoid,linear init=0.5", "net 2-1 act=step loss=perceptron init=0"],
        complete: { previous, partial, _ in
            if let eq = partial.firstIndex(of: "=") {
                let key = String(partial[..<eq]), value = String(partial[partial.index(after: eq)...])
                let values: [String]
                switch key {
                case "act":
                    let done = value.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(
                        separator: ",")
                    let prefix = done.isEmpty ? "" : done + ","
                    return Activation.allCases.map { "act=" + prefix + $0.rawValue }.filter { $0.hasPrefix(partial) }
                case "loss": values = Loss.allCases.map(\.rawValue)
                case "init": values = ["1", "0.5", "uniform", "xavier", "he"]
                case "residual": values = ["on", "off"]
                default: values = []
                }
                return values.map { key + "=" + $0 }.filter { $0.hasPrefix(partial) }
            }
            return previous.isEmpty
                ? ["2-2-1", "2-1"].filter { $0.hasPrefix(partial) }
                : ["act=", "loss=", "init=", "seed=", "residual="].filter { $0.hasPrefix(partial) }
        },
        run: runNet
    )

    /// The widest layer and the most parameters `net` accepts.
    static let maximumLayerWidth = Spec.layerWidths.upperBound

    @Sendable static func runNet(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        guard let sizesToken = invocation.arguments.first else {
            throw Command.net.usageError(nil, "'net' needs the layer sizes, like 2-2-1")
        }
        let sizes = try parseSizes(sizesToken)
        let options = try Arguments.options(
            Array(invocation.arguments.dropFirst()), allowed: ["act", "loss", "init", "seed", "residual"],
            command: "net")
        let layerCount = sizes.count - 1
        var activations = [Activation](repeating: .linear, count: layerCount)
        if let token = options["act"] {
            let names = token.text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard names.count == 1 || names.count == layerCount else {
                throw ShellError.at(
                    token, "act= needs one activation or \(layerCount) (one per layer), found \(names.count)")
            }
            var parsed: [Activation] = []
            for name in names {
                guard let activation = Activation(rawValue: name.lowercased()) else {
                    let names = Activation.allCases.map(\.rawValue)
                    let hint = didYouMean(name, among: names, otherwise: expected(oneOf: names))
                    throw ShellError.at(token, "unknown activation '\(name)'" + hint)
                }
                parsed.append(activation)
            }
            activations = parsed.count == 1 ? Array(repeating: parsed[0], count: layerCount) : parsed
        }
        var loss = Loss.mse
        if let token = options["loss"] {
            guard let parsed = Loss(rawValue: token.text.lowercased()) else {
                let names = Loss.allCases.map(\.rawValue)
                let hint = didYouMean(token.text, among: names, otherwise: expected(oneOf: names))
                throw ShellError.at(token, "unknown loss '\(token.text)'" + hint)
            }
            loss = parsed
        }
        var initializer = Initializer.constant(1)
        if let token = options["init"] {
            guard let parsed = Initializer(name: token.text) else {
                throw ShellError.at(token, "unknown init '\(token.text)'; expected a number, uniform, xavier or he")
            }
            initializer = parsed
        }
        var seed: UInt64 = state.settings.seed
        if let token = options["seed"] {
            seed = UInt64(try Arguments.integer(token, "seed=", in: Spec.seeds))
        }
        switch Spec.networkProblem(sizes: sizes, activations: activations, loss: loss) {
        case nil: break
        case .perceptronNeedsStep?:
            throw ShellError.at(options["loss"]!, Spec.NetworkProblem.perceptronNeedsStep.message)
        case .hiddenSoftmax(let k)?:
            throw ShellError.at(options["act"] ?? sizesToken, Spec.NetworkProblem.hiddenSoftmax(layer: k).message)
        case let problem?: throw ShellError.at(sizesToken, problem.message)
        }
        let residual = try residualOption(options["residual"])
        var network = Network(sizes: sizes, activations: activations, loss: loss, residual: residual)
        initializer.initialize(&network, seed: seed)
        var settings = state.settings
        settings.seed = seed
        settings.frozen = []
        let fitted = state.fittedPendingData(for: network)
        // Data that fitted the network being replaced, and does not fit the new one, is cleared.
        let fittedBefore = state.training.map { state.fittedPendingData(for: $0.network) != nil } ?? false
        var training = Training(
            network: network, data: fitted?.train ?? .empty(features: sizes[0], targets: sizes[layerCount]),
            settings: settings)
        if let fitted, let test = fitted.test { training.replaceData(fitted.train, test: test) }
        state.training = training
        state.pendingSettings = settings
        state.initName = initializer.name
        state.lastRun = nil
        var lines = [
            Self.fitted("built \(describe(network))"),
            "  \(network.parameterCount) trainable parameters, init=\(initializer.name)\(seed != 0 ? ", seed=\(seed)" : "")"
        ]
        if residual { lines.append("  " + shortcutSummary(network, notation: invocation.notationFor(state))) }
        if let raw = state.pendingData, !raw.isEmpty {
            let prepared = state.preparation.prepared(raw)
            let name = raw.name == "your data" ? "your data" : "the \(raw.name) data"
            let shape = "\(counted(prepared.featureCount, "input")) -> \(counted(prepared.targetCount, "target"))"
            let sizes = network.sizes.map(String.init).joined(separator: "-")
            if fitted != nil {
                lines.append("data: \(raw.name), \(counted(raw.count, "row"))")
            } else if fittedBefore {
                // Cleared, so that 'data add' and 'step' see this network's shape.
                state.pendingData = nil
                lines.append(
                    "\(name) (\(shape)) does not fit a \(sizes) network, so it was cleared; "
                        + "choose data that fits with 'data', or add rows with 'data add'")
            } else {
                lines.append(
                    !raw.classNames.isEmpty
                        ? SessionState.mismatch(prepared, network: network)
                        : "\(name) (\(shape)) does not fit a \(sizes) network; choose data that fits with 'data'")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parseSizes(_ token: Token) throws(ShellError) -> [Int] {
        let parts = token.text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2 else {
            throw ShellError.at(token, "expected layer sizes joined by '-', like 2-2-1, found '\(token.text)'")
        }
        guard parts.count - 1 <= Network.maximumLayerCount else {
            throw ShellError.at(token, "at most \(Network.maximumLayerCount) layers, found \(parts.count - 1)")
        }
        var sizes: [Int] = []
        for part in parts {
            guard let n = Int(part), part.allSatisfy(\.isNumber), n >= 1 else {
                throw ShellError.at(
                    token, "each layer size must be a whole number of at least 1, found '\(part)' in '\(token.text)'")
            }
            guard n <= maximumLayerWidth else {
                throw ShellError.at(token, "a layer of \(part) nodes is too wide; the limit is \(maximumLayerWidth)")
            }
            sizes.append(n)
        }
        let count = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
        guard count <= Network.maximumParameterCount else {
            throw ShellError.at(
                token, "\(token.text) would have \(count) parameters; the limit is \(Network.maximumParameterCount)")
        }
        return sizes
    }

    /// `2-2-1 (linear, linear; loss mse)`.
    static func describe(_ network: Network) -> String {
        let acts = network.activations.map(\.rawValue)
        let actText = Set(acts).count == 1 ? acts[0] : acts.joined(separator: ",")
        let residual = network.residual ? ", residual=on" : ""
        return
            "a \(network.sizes.map(String.init).joined(separator: "-")) network (act=\(actText), loss=\(network.loss.rawValue)\(residual))"
    }

    /// `residual=on|off` (off when absent).
    static func residualOption(_ token: Token?) throws(ShellError) -> Bool {
        guard let token else { return false }
        switch token.text.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default: throw ShellError.at(token, "expected residual=on or residual=off, found '\(token.text)'")
        }
    }
}

extension DataSet {
    /// No rows, with columns x1…xn → y (or y1…ym).
    static func empty(features: Int, targets: Int) -> DataSet {
        DataSet(
            name: "your data", featureNames: (1...features).map { "x\($0)" },
            targetNames: targets == 1 ? ["y"] : (1...targets).map { "y\($0)" })
    }
}

extension Command {
    /// "shortcuts: O¹ → O², O² → O³ (O^k = g(z^k) + O^(k−1))", or why there are none.
    static func shortcutSummary(_ network: Network, notation: Notation) -> String {
        let layers = (1...network.layerCount).filter(network.hasShortcut)
        guard !layers.isEmpty else {
            return "residual=on, but no hidden layer is as wide as the layer before it, so there are no shortcuts"
        }
        let name = { (k: Int) in NetworkDrawing.Layout.layerOutputName(k, notation) }
        let arrows = layers.map { "\(name($0 - 1)) \(notation.arrow) \(name($0))" }
        let rule = notation.ascii ? "O^k = g(z^k) + O^(k-1)" : "Oᵏ = g(zᵏ) + Oᵏ⁻¹"
        return "shortcuts: \(arrows.joined(separator: ", ")) (\(rule))"
    }

    /// "built a … network (act=…)" with the parenthesis on a line of its own when the whole is wider than 80 columns.
    static func fitted(_ line: String) -> String {
        line.displayWidth > 80 ? line.replacing(" (act=", with: "\n  (act=") : line
    }
}
