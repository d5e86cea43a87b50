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
    /// Rebuilds the record of the update `back` updates ago from the undo window, running the
    /// same kernel on the same parameters and rows, so every number is the one that was applied.
    func explainUpdate(back: Int) -> StepRecord? {
        guard let entry = undoLog.entry(back), !data.isEmpty else { return nil }
        let after: [Double] = back == 0 ? network.parameters : Array(undoLog.entry(back - 1)!.parameters)
        var before = network
        before.parameters = Array(entry.parameters)
        let rows = self.rows(at: entry.cursor, settings: entry.settings)
        let scale = rows.count == 1 ? 1.0 : 1.0 / Double(rows.count)
        var workspace = Workspace(sizes: before.sizes, parameterCount: before.parameterCount)
        let nIn = before.inputCount, nOut = before.outputCount, perceptron = before.isPerceptron
        let lossSum = before.withKernel(&workspace) { kernel -> Double in
            data.inputs.withUnsafeBufferPointer { xs in
                data.targets.withUnsafeBufferPointer { ys in
                    var sum = 0.0
                    for r in rows {
                        sum += kernel.forward(x: xs.baseAddress! + r * nIn, y: ys.baseAddress! + r * nOut)
                        if perceptron { kernel.perceptronGradient(y: ys.baseAddress! + r * nOut, scale: scale) }
                        else { kernel.backward(y: ys.baseAddress! + r * nOut, scale: scale) }
                    }
                    return sum
                }
            }
        }
        let last = rows[rows.count - 1]
        let trace = before.trace(x: Array(data.features(row: last)), y: Array(data.target(row: last)))
        return StepRecord(update: updateCount - back, mode: entry.settings.mode, rows: rows,
                          parametersBefore: before.parameters, parametersAfter: after, trace: trace,
                          loss: lossSum / Double(rows.count), gradient: workspace.gradient,
                          learningRate: entry.settings.learningRate)
    }

    /// Takes back the last `count` updates, bit for bit. Returns how many were taken back
    /// (fewer when the undo window is shorter).
    @discardableResult
    public mutating func undo(_ count: Int) -> Int {
        var undone = 0
        while undone < count, let entry = undoLog.pop() {
            network.parameters = entry.parameters
            cursor = entry.cursor
            updateCount -= 1
            undone += 1
        }
        guard undone > 0 else { return 0 }
        passLoss = 0
        passSamples = 0
        recorder.truncate(after: updateCount)
        lastStep = explainUpdate(back: 0)
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
        recorder = Recorder(parameterCount: network.parameterCount, layerCount: network.layerCount)
    }
}
