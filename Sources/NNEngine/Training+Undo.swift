/// Going back: rebuilding any recent state bit for bit by replaying from a checkpoint, explaining
/// a past update from that replay, `undo` and `reset`.
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
        recorder = Recorder(
            parameterCount: network.parameterCount, layerCount: network.layerCount,
            layerRanges: (1...network.layerCount).map { network.weightOffsets[$0]..<network.biasOffsets[$0] })
    }
}
