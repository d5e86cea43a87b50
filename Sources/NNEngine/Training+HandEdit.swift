/// A parameter set by hand between updates: `set w1_11 0.2`.
public struct HandEdit: Sendable, Equatable {
    /// The number of updates made when it was set.
    public let update: Int
    public let index: Int
    public let before: Double
    public let after: Double
}

extension Training {
    /// The changes by hand made since the last update: the last update's record (`lastStep`)
    /// was computed before them.
    public var editsSinceLastUpdate: [HandEdit] { handEdits.filter { $0.update == updateCount } }

    /// Takes back the newest change by hand when no update came after it; nil otherwise.
    /// It is its own step for `undo`: the updates before it stay as they are.
    public mutating func undoHandEdit() -> HandEdit? {
        guard let edit = handEdits.last, edit.update == updateCount else { return nil }
        handEdits.removeLast()
        network.parameters[edit.index] = edit.before
        if updateCount == 0 { initialParameters[edit.index] = edit.before }
        checkpointNow()
        return edit
    }

    /// Forgets the changes by hand that `undo` to `target` took back with the updates after them.
    mutating func forgetHandEdits(after target: Int) {
        handEdits.removeAll { $0.update > target }
    }
}
