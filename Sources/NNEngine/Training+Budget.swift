/// How far back undo reaches, and what limits it.
public struct UndoReach: Sendable, Equatable {
    /// Updates `undo` can take back now.
    public let updates: Int
    /// True when the recording budget, not the fixed number of checkpoints, limits the reach.
    public let limitedByBudget: Bool
    /// About how many updates the budget lets undo reach in this network (with its optimiser):
    /// `checkpoints` of them, one every `checkpointInterval` updates.
    public let updatesTheBudgetKeeps: Int
    public let checkpoints: Int
    public let checkpointInterval: Int
    /// The budget in bytes, and what one checkpoint of this network takes.
    public let budget: Int
    public let checkpointBytes: Int
}

extension Training {
    /// The most bytes the plot record can take: each envelope's ring of recent values and its
    /// shared buckets, both bounded (see `Envelope`), for the updates and for the epochs.
    static func recorderBytes(_ recorder: Recorder) -> Int {
        func bytes(_ envelope: Envelope) -> Int {
            8 * (Envelope.ringCapacity * envelope.ringStride + (Envelope.oldCapacity + 2) * envelope.oldStride)
        }
        return bytes(recorder.updates) + bytes(recorder.epochs)
    }

    /// The part of the budget left for undo checkpoints.
    var undoBudget: Int { max(0, recordingBudget - Self.recorderBytes(recorder)) }

    /// The bytes recording takes now: checkpoints kept plus the plot record at its largest.
    public var recordingBytes: Int { undoLog.bytes + Self.recorderBytes(recorder) }

    public var undoReach: UndoReach {
        UndoReach(
            updates: undoableCount, limitedByBudget: undoLog.isLimitedByBudget,
            updatesTheBudgetKeeps: undoLog.checkpointsThatFit * UndoLog.interval,
            checkpoints: undoLog.checkpointsThatFit, checkpointInterval: UndoLog.interval,
            budget: recordingBudget, checkpointBytes: undoLog.slotBytes)
    }
}
