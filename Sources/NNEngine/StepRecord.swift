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
    /// The parameters the update left as they were (storage indices, ascending).
    public let frozen: [Int]
    /// The l1/l2 penalty at the weights before the update (0 when there is none), and the
    /// term it added to each parameter's G (empty when there is none; 0 for a bias).
    public let penalty: Double
    public let penaltyGradient: [Double]
    /// The loss's own gradient, before the penalty's term was added (the same as `gradient`
    /// when there is no penalty).
    public let dataGradient: [Double]
    /// The settings the update was made with (η, λ, the optimiser's hyper-parameters, …).
    public let settings: TrainingSettings
    /// How the optimiser turned G into the moves.
    public let optimizer: OptimizerTerms

    public var isSingleSample: Bool { rows.count == 1 }
}

/// One update's optimiser terms for every parameter, as the update computed them.
///
/// `first` and `second` are the states after the update (momentum's v; RMSprop's s; Adam's
/// m and v), `firstCorrected` and `secondCorrected` Adam's m̂ = m/(1−β₁ᵗ) and
/// v̂ = v/(1−β₂ᵗ), and `moves` what each parameter lost: p_after = p_before − move (0 when
/// frozen). Arrays an optimiser does not use are empty.
public struct OptimizerTerms: Sendable, Equatable {
    public let optimizer: Optimizer
    /// The optimiser's update count after this update (Adam's t).
    public let t: Int
    public let first: [Double]
    public let second: [Double]
    public let firstCorrected: [Double]
    public let secondCorrected: [Double]
    public let moves: [Double]
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
        copy.optimizerState = checkpoint.optimizer
        copy.updateCount = checkpoint.update
        copy.passLoss = checkpoint.pass.loss
        copy.passSamples = checkpoint.pass.samples
        copy.recording = false
        copy.lastStep = nil
        if update > checkpoint.update { _ = try? copy.run(.updates(update - checkpoint.update)) }
        return copy
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
        // Settings go back to those the updates were made with, except the frozen set, which
        // stays as the learner chose it.
        let frozen = settings.frozen
        settings = state.settings
        settings.frozen = frozen
        optimizerState = state.optimizerState
        updateCount = target
        passLoss = state.passLoss
        passSamples = state.passSamples
        undoLog.removeAfter(target)
        forgetHandEdits(after: target)
        recorder.truncate(after: target)
        testLosses.truncate(after: target)
        lastStep = explainUpdate(target)
        return undone
    }

    /// Back to the parameters the network started with; the history starts again.
    public mutating func reset() {
        handEdits = []
        network.parameters = initialParameters
        optimizerState = OptimizerState(settings.optimizer, count: network.parameterCount)
        updateCount = 0
        cursor = Cursor()
        lastStep = nil
        passLoss = 0
        passSamples = 0
        undoLog.removeAll()
        testLosses = TestLossHistory()
        recorder = Recorder(parameterCount: network.parameterCount, layerCount: network.layerCount,
                            layerRanges: (1...network.layerCount).map { network.weightOffsets[$0] ..< network.biasOffsets[$0] })
    }
}
