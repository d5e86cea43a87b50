extension Training {
    /// Explains update number `update`: runs the kernel again on the parameters, optimiser
    /// state and rows it used, so every number is the one that was applied.
    func explainUpdate(_ update: Int) -> StepRecord? {
        guard update >= 1, !data.isEmpty, let before = replayed(to: update - 1) else { return nil }
        let after: [Double]
        if update == updateCount {
            after = network.parameters
        } else {
            guard let state = replayed(to: update) else { return nil }; after = state.network.parameters
        }
        var network = before.network
        let settings = before.settings
        let rows = before.rows(at: before.cursor)
        let order =
            settings.order == .random ? rowOrder(count: data.count, pass: before.cursor.pass, settings: settings) : []
        var workspace = Workspace(sizes: network.sizes, parameterCount: network.parameterCount)
        let rule = UpdateRule(settings: settings, network: network)
        let perceptron = network.isPerceptron
        var penalty = 0.0
        var dataGradient: [Double] = []
        let lossSum = network.withKernel(&workspace) { kernel -> Double in
            data.inputs.withUnsafeBufferPointer { xs in
                data.targets.withUnsafeBufferPointer { ys in
                    order.withUnsafeBufferPointer { orderRows in
                        let start = settings.mode == .batch ? 0 : before.cursor.offset
                        let loss = kernel.updateGradient(
                            x: xs.baseAddress!, y: ys.baseAddress!,
                            order: orderRows.isEmpty ? nil : orderRows.baseAddress,
                            start: start, count: rows.count, perceptron: perceptron)
                        if rule.hasPenalty { penalty = rule.penalty(kernel.p) }
                        dataGradient = Array(UnsafeBufferPointer(start: kernel.g, count: rule.count))
                        rule.addPenalty(kernel.p, kernel.g)
                        return loss
                    }
                }
            }
        }
        let last = rows[rows.count - 1]
        let trace = network.trace(x: Array(data.features(row: last)), y: Array(data.target(row: last)))
        let penaltyGradient =
            rule.hasPenalty
            ? (0..<network.parameterCount).map { i in
                rule.weightRanges.contains { $0.contains(i) } ? rule.penaltyGradient(network.parameters[i]) : 0
            } : []
        return StepRecord(
            update: update, mode: settings.mode, rows: rows,
            parametersBefore: network.parameters, parametersAfter: after, trace: trace,
            loss: lossSum / Double(rows.count), gradient: workspace.gradient,
            learningRate: settings.learningRate, frozen: settings.frozen, penalty: penalty,
            penaltyGradient: penaltyGradient, dataGradient: dataGradient, settings: settings,
            optimizer: rule.terms(gradient: workspace.gradient, state: before.optimizerState))
    }
}

extension UpdateRule {
    /// Every parameter's optimiser terms for one update with gradient `gradient` from `state`.
    func terms(gradient: [Double], state: OptimizerState) -> OptimizerTerms {
        let t = state.t + 1
        let (bias1, bias2) = biasCorrections(t: t)
        var first = state.first, second = state.second
        var firstCorrected: [Double] = [], secondCorrected: [Double] = []
        var moves = [Double](repeating: 0, count: count)
        for i in 0..<count where !isFrozen(i) {
            let next = step(
                gradient[i], first: first.isEmpty ? 0 : first[i], second: second.isEmpty ? 0 : second[i],
                bias1: bias1, bias2: bias2)
            if !first.isEmpty { first[i] = next.first }
            if !second.isEmpty { second[i] = next.second }
            moves[i] = next.move
        }
        if optimizer == .adam {
            firstCorrected = first.map { $0 / bias1 }
            secondCorrected = second.map { $0 / bias2 }
        }
        return OptimizerTerms(
            optimizer: optimizer, t: t, first: first, second: second, firstCorrected: firstCorrected,
            secondCorrected: secondCorrected, moves: moves)
    }
}
