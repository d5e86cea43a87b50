/// One update, explained: the samples it read, the parameters before and after, the
/// forward pass, the loss and the gradient it applied.
public struct StepRecord: Sendable, Equatable {
    /// The update's number (1 = the first update).
    public let update: Int
    public let mode: TrainingSettings.Mode
    /// The rows it read, 0-based, in the order it read them.
    public let rows: [Int]
    public let parametersBefore: [Double]
    public let parametersAfter: [Double]
    /// The forward and backward pass of the update's last sample (its only one in `sgd`).
    public let trace: Trace
    /// The mean per-sample loss over `rows`, computed before the update.
    public let loss: Double
    /// G: the gradient the update applied (the mean over `rows` in batch modes).
    public let gradient: [Double]
    public let learningRate: Double

    public var isSingleSample: Bool { rows.count == 1 }
}

extension Training {
    /// The state after `update` updates, rebuilt from the nearest checkpoint by replaying the
    /// same kernel on the same rows, so every bit is the one training produced.
    func replayed(to update: Int) -> Training? {
        guard update <= updateCount, let checkpoint = undoLog.checkpoint(atOrBefore: update) else { return nil }
        var copy = self
        copy.network.parameters = checkpoint.parameters
        copy.cursor = checkpoint.cursor
        copy.settings = checkpoint.settings
        copy.updateCount = checkpoint.update
        copy.passLoss = checkpoint.pass.loss
        copy.passSamples = checkpoint.pass.samples
        copy.recording = false
        copy.lastStep = nil
        if update > checkpoint.update { _ = try? copy.run(.updates(update - checkpoint.update)) }
        return copy
    }

    /// Explains update number `update`: runs the kernel again on the parameters and rows it
    /// used, so every number is the one that was applied.
    func explainUpdate(_ update: Int) -> StepRecord? {
        guard update >= 1, !data.isEmpty, let before = replayed(to: update - 1) else { return nil }
        let after: [Double]
        if update == updateCount { after = network.parameters }
        else { guard let state = replayed(to: update) else { return nil }; after = state.network.parameters }
        var network = before.network
        let settings = before.settings
        let rows = before.rows(at: before.cursor)
        let order = settings.order == .random ? rowOrder(count: data.count, pass: before.cursor.pass, settings: settings) : []
        var workspace = Workspace(sizes: network.sizes, parameterCount: network.parameterCount)
        let perceptron = network.isPerceptron
        let lossSum = network.withKernel(&workspace) { kernel -> Double in
            data.inputs.withUnsafeBufferPointer { xs in
                data.targets.withUnsafeBufferPointer { ys in
                    order.withUnsafeBufferPointer { orderRows in
                        kernel.updateGradient(x: xs.baseAddress!, y: ys.baseAddress!, order: orderRows.isEmpty ? nil : orderRows.baseAddress,
                                              start: before.cursor.offset, count: rows.count, perceptron: perceptron)
                    }
                }
            }
        }
        let last = rows[rows.count - 1]
        let trace = network.trace(x: Array(data.features(row: last)), y: Array(data.target(row: last)))
        return StepRecord(update: update, mode: settings.mode, rows: rows,
                          parametersBefore: network.parameters, parametersAfter: after, trace: trace,
                          loss: lossSum / Double(rows.count), gradient: workspace.gradient,
                          learningRate: settings.learningRate)
    }

    /// How many updates `undo` can still take back.
    public var undoableCount: Int { undoLog.oldestUpdate.map { updateCount - max($0, recorder.truncationFloor) } ?? 0 }

    /// Takes back the last `count` updates, bit for bit. Returns how many were taken back
    /// (fewer when the undo window is shorter).
    @discardableResult
    public mutating func undo(_ count: Int) -> Int {
        let target = max(updateCount - count, undoLog.oldestUpdate ?? updateCount, recorder.truncationFloor)
        guard target < updateCount, let state = replayed(to: target) else { return 0 }
        let undone = updateCount - target
        network.parameters = state.network.parameters
        cursor = state.cursor
        settings = state.settings
        updateCount = target
        passLoss = state.passLoss
        passSamples = state.passSamples
        undoLog.removeAfter(target)
        recorder.truncate(after: target)
        lastStep = explainUpdate(target)
        return undone
    }

    /// Back to the parameters the network started with; the history starts again.
    public mutating func reset() {
        network.parameters = initialParameters
        updateCount = 0
        cursor = Cursor()
        lastStep = nil
        passLoss = 0
        passSamples = 0
        undoLog.removeAll()
        recorder = Recorder(parameterCount: network.parameterCount, layerCount: network.layerCount,
                            layerRanges: (1...network.layerCount).map { network.weightOffsets[$0] ..< network.biasOffsets[$0] })
    }
}
