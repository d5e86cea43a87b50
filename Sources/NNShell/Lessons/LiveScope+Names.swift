import NNEngine

extension LiveScope {
    /// The number a live name stands for now (see `LessonNames` for the list).
    func value(of name: String, _ column: Int) throws(ExpressionError) -> Double {
        if let kept = kept[name] { return kept }
        switch name {
        case "lr": return state.settings.learningRate
        case "batch": return Double(state.settings.batchSize)
        case "rows": return Double(state.data?.count ?? 0)
        default: break
        }
        let training = try requireTraining(column)
        let network = training.network
        switch name {
        case "loss": return try lastStep(name, column).loss
        case "meanloss":
            guard (try? training.validateData()) != nil else {
                throw ExpressionError(message: "'meanloss' needs data that fits the network", column: column)
            }
            return network.meanLoss(on: training.data)
        case "testloss":
            guard let test = training.testData, test.count > 0 else {
                throw ExpressionError(
                    message: "'testloss' needs a test set: 'data split test=F' holds one out", column: column)
            }
            return network.meanLoss(on: test)
        case "epochloss":
            guard let last = training.recorder.lastEpochLoss else {
                throw ExpressionError(message: "no epoch has finished yet, so 'epochloss' has no value", column: column)
            }
            return last
        case "epochs": return Double(training.cursor.pass)
        case "updates": return Double(training.updateCount)
        case "nextrow":
            guard let row = training.nextRows().first else {
                throw ExpressionError(message: "there is no data, so no next row", column: column)
            }
            return Double(row + 1)
        case "params": return Double(network.parameterCount)
        case "layers": return Double(network.layerCount)
        case "residual": return network.residual ? 1 : 0
        case "sigmoids", "relus":
            let kind: Activation = name == "sigmoids" ? .sigmoid : .relu
            return Double(network.activations.filter { $0 == kind }.count)
        case "correct", "accuracy":
            guard (try? training.validateData()) != nil else {
                throw ExpressionError(message: "'\(name)' needs data that fits the network", column: column)
            }
            let right = LiveScope.correctCount(training)
            return name == "correct" ? Double(right) : Double(right) / Double(training.data.count)
        case "mults_memo": return Double(network.backpropMultiplications.memoized)
        case "mults_paths": return Double(network.backpropMultiplications.expanded)
        case "paths": return Double(network.backpropMultiplications.paths)
        default: break
        }
        switch LessonNames.kind(of: name, kept: []) {
        case .parameter?:
            let (training, index) = try parameter(name, column)
            return training.network.parameters[index]
        case .node?, .preactivation?, .delta?:
            let numbers =
                name.first == "O"
                ? LessonNames.indexed(name, "O")!
                : (LessonNames.indexed(name, "z") ?? LessonNames.indexed(name, "delta")!)
            let trace = try lastStep(name, column).trace
            let (k, j) = (numbers[0], numbers[1])
            guard k <= network.layerCount, j <= network.sizes[k] else {
                throw ExpressionError(
                    message: "this network has no node \(j) in layer \(k), so no '\(name)'", column: column)
            }
            let source = name.first == "O" ? trace.outputs : (name.first == "z" ? trace.z : trace.deltas)
            return source[k - 1][j - 1]
        case .input?:
            let trace = try lastStep(name, column).trace
            let i = Int(name.dropFirst())!
            guard i <= trace.input.count else {
                throw ExpressionError(
                    message: "the sample has \(trace.input.count) inputs, so no '\(name)'", column: column)
            }
            return trace.input[i - 1]
        default:
            let trace = try lastStep(name, column).trace
            let isTarget = name == "y" || name.hasPrefix("y_")
            let j = name.contains("_") ? Int(name.split(separator: "_").last!)! : 1
            let values = isTarget ? trace.target : trace.prediction
            guard j <= values.count else {
                throw ExpressionError(
                    message: "the network has \(values.count) outputs, so no '\(name)'", column: column)
            }
            return values[j - 1]
        }
    }

    /// The session's functions: `params(1)`, `epochloss(3)`, `gradnorm(2)`, `data(1, 3)`.
    func call(_ name: String, _ v: [Double], _ column: Int) throws(ExpressionError) -> Double {
        if name == "paramsof" {
            var sizes: [Int] = []
            for value in v { sizes.append(try whole(value, 1...100_000, "a layer size", column)) }
            let network = Network(
                sizes: sizes, activations: Array(repeating: .linear, count: sizes.count - 1), loss: .mse)
            return Double(network.parameterCount)
        }
        let training = try requireTraining(column)
        let network = training.network
        let layers = 1...network.layerCount
        switch name {
        case "params" where v.isEmpty: return Double(network.parameterCount)
        case "params": return Double(network.parameterCount(layer: try whole(v[0], layers, "the layer", column)))
        case "weights":
            let k = try whole(v[0], layers, "the layer", column)
            return Double(network.sizes[k - 1] * network.sizes[k])
        case "biases": return Double(network.sizes[try whole(v[0], layers, "the layer", column)])
        case "nodes": return Double(network.sizes[try whole(v[0], 0...network.layerCount, "the layer", column)])
        case "epochloss":
            let recorder = training.recorder
            guard let last = recorder.lastEpochLoss else {
                throw ExpressionError(message: "no epoch has finished yet, so 'epochloss' has no value", column: column)
            }
            if v.isEmpty { return last }
            let n = try whole(v[0], 1...recorder.epochCount, "the epoch", column)
            guard let loss = recorder.epochLoss(n) else {
                throw ExpressionError(
                    message: "epoch \(n)'s mean loss is kept only inside a summary of several epochs", column: column)
            }
            return loss
        case "diverges":
            return try diverges(try whole(v[0], 1...100_000, "the number of epochs", column), column)
        case "gradnorm":
            let k = try whole(v[0], layers, "the layer", column)
            let record = try lastStep("gradnorm", column)
            return record.gradient[network.weightOffsets[k]..<network.biasOffsets[k]].reduce(0) { $0 + $1 * $1 }
                .squareRoot()
        case "moved":
            let k = try whole(v[0], layers, "the layer", column)
            let range = network.weightOffsets[k]..<network.biasOffsets[k]
            return range.reduce(0.0) { sum, i in
                let change = network.parameters[i] - training.initialParameters[i]
                return sum + change * change
            }.squareRoot()
        case "largestmove":
            return LiveScope.largestMove(training, layer: try whole(v[0], layers, "the layer", column))
        case "yhat":
            let data = training.data
            guard (try? training.validateData()) != nil else {
                throw ExpressionError(message: "'yhat(…)' needs data that fits the network", column: column)
            }
            let row = try whole(v[0], 1...data.count, "the row", column) - 1
            let node = v.count > 1 ? try whole(v[1], 1...network.outputCount, "the output", column) : 1
            return network.trace(x: Array(data.features(row: row)), y: Array(data.target(row: row))).prediction[
                node - 1]
        default:
            let data = training.data
            guard !data.isEmpty else {
                throw ExpressionError(message: "there is no data, so no 'data(…)'", column: column)
            }
            let row = try whole(v[0], 1...data.count, "the row", column) - 1
            let col = try whole(v[1], 1...(data.featureCount + data.targetCount), "the column", column) - 1
            return col < data.featureCount
                ? data.features(row: row)[data.featureCount * row + col]
                : data.target(row: row)[data.targetCount * row + col - data.featureCount]
        }
    }

    /// The "largest move since the start" that `plot weights k` reports: over all of layer k's
    /// weights and biases, the largest |value now − value at the start|.
    static func largestMove(_ training: Training, layer k: Int) -> Double {
        PlotData.largestMove(training, layer: k)?.by ?? 0
    }

    /// Rows whose predicted class matches the target: ŷ ≥ 0.5 means class 1 (ŷ ≥ 0 and
    /// labels ±1 with hinge loss), and the largest output wins when there are several.
    static func correctCount(_ training: Training) -> Int {
        let network = training.network, data = training.data
        let threshold = network.loss == .hinge ? 0.0 : 0.5, low = network.loss == .hinge ? -1.0 : 0.0
        var right = 0
        for row in 0..<data.count {
            let y = Array(data.target(row: row))
            let yHat = network.trace(x: Array(data.features(row: row)), y: y).prediction
            if yHat.count > 1 {
                let predicted = yHat.indices.max { yHat[$0] < yHat[$1] }!
                if y[predicted] == y.max() { right += 1 }
            } else if (yHat[0] >= threshold ? 1.0 : low) == y[0] {
                right += 1
            }
        }
        return right
    }
}
