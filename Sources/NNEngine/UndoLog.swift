/// Checkpoints of the training state, enough to take back any recent update bit for bit.
///
/// Copying every parameter before every update would cost as much as a small network's
/// update itself. Instead a checkpoint (parameters, cursor, settings) is kept every
/// `interval` updates, and whenever the settings or a parameter were changed by hand; the
/// state after any later update is rebuilt by replaying the same kernel from the nearest
/// checkpoint, which gives the same bits. The ring holds `capacity` checkpoints and never
/// more than about 2 MB of parameters, so memory stays flat however long training runs.
struct UndoLog: Sendable, Equatable {
    struct Checkpoint: Sendable, Equatable {
        /// The number of updates made when it was taken (the state *after* that many).
        var update: Int
        var parameters: [Double]
        var cursor: Cursor
        var settings: TrainingSettings
    }

    static let interval = 32
    static let budget = 262_144 // doubles: 2 MiB
    let capacity: Int
    private(set) var checkpoints: [Checkpoint] = [] // oldest first

    init(parameterCount: Int) {
        capacity = max(4, min(64, Self.budget / max(parameterCount, 1)))
    }

    var latest: Checkpoint? { checkpoints.last }
    var oldestUpdate: Int? { checkpoints.first?.update }

    /// Whether the loop should take a checkpoint before update number `update + 1`.
    @inline(__always)
    func wantsCheckpoint(at update: Int) -> Bool {
        guard let latest = checkpoints.last else { return true }
        return update - latest.update >= Self.interval
    }

    mutating func push(_ parameters: UnsafePointer<Double>, count: Int, update: Int, cursor: Cursor, settings: TrainingSettings) {
        if let last = checkpoints.last, last.update == update { checkpoints.removeLast() }
        if checkpoints.count == capacity { checkpoints.removeFirst() }
        checkpoints.append(Checkpoint(update: update, parameters: Array(UnsafeBufferPointer(start: parameters, count: count)),
                                      cursor: cursor, settings: settings))
    }

    /// The latest checkpoint taken at or before `update`.
    func checkpoint(atOrBefore update: Int) -> Checkpoint? {
        checkpoints.last { $0.update <= update }
    }

    /// Forgets checkpoints taken after `update` (they describe undone updates).
    mutating func removeAfter(_ update: Int) {
        while let last = checkpoints.last, last.update > update { checkpoints.removeLast() }
    }

    mutating func removeAll() { checkpoints.removeAll() }
}
