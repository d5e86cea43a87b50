/// Checkpoints of the training state, enough to take back any recent update bit for bit.
///
/// Copying every parameter before every update would cost as much as a small network's
/// update itself. Instead a checkpoint (parameters, optimiser state, cursor, settings) is
/// kept every `interval` updates, and whenever the settings or a parameter were changed by
/// hand; the state after any later update is rebuilt by replaying the same kernel from the
/// nearest checkpoint, which gives the same bits. The ring holds at most `maximumCapacity`
/// checkpoints and never more bytes than `budget`: a large network keeps fewer of them (with
/// an optimiser's state, each costs two or three times its parameters), and a network whose
/// one checkpoint is larger than the budget keeps none, so undo is off for it.
struct UndoLog: Sendable, Equatable {
    struct Checkpoint: Sendable, Equatable {
        /// The number of updates made when it was taken (the state *after* that many).
        var update: Int
        var parameters: [Double]
        var optimizer: OptimizerState
        var cursor: Cursor
        var settings: TrainingSettings
        /// The running loss sum and sample count of the pass in progress.
        var pass = PassSums()
    }

    struct PassSums: Sendable, Equatable {
        var loss = 0.0
        var samples = 0
    }

    private struct Meta: Sendable {
        var update: Int
        var cursor: Cursor
        var settings: TrainingSettings
        /// The optimiser's state; its arrays are reused from one checkpoint in this slot to the next.
        var optimizer: OptimizerState
        var pass = PassSums()
    }

    static let interval = 256
    static let maximumCapacity = 8
    /// The most bytes the checkpoints may take.
    let budget: Int
    /// How many checkpoints of the parameters alone fit the budget (at most `maximumCapacity`).
    let capacity: Int
    let parameterCount: Int
    /// A ring of `capacity` slots: parameters flat, `parameterCount` per slot.
    private var storage: [Double] = []
    private var meta: [Meta] = []
    private var head = 0  // the slot the next checkpoint goes into
    private(set) var count = 0

    init(parameterCount: Int, budget: Int) {
        self.parameterCount = parameterCount
        self.budget = budget
        capacity = max(0, min(Self.maximumCapacity, budget / max(8 * parameterCount, 1)))
        slotBytes = 8 * parameterCount
    }

    /// The bytes the kept checkpoints take (parameters and optimiser states).
    var bytes: Int {
        (0..<count).reduce(0) { total, back in
            let state = meta[slot(back)].optimizer
            return total + 8 * (parameterCount + state.first.count + state.second.count)
        }
    }

    /// The bytes of the newest checkpoint (of the parameters alone before the first).
    private(set) var slotBytes: Int

    /// True when the budget, not `maximumCapacity`, limits how many checkpoints are kept.
    var isLimitedByBudget: Bool { Self.maximumCapacity * slotBytes > budget }

    /// How many checkpoints of the newest one's size fit the budget.
    var checkpointsThatFit: Int { min(Self.maximumCapacity, budget / max(slotBytes, 1)) }

    private func slot(_ back: Int) -> Int { (head - 1 - back + 2 * capacity) % capacity }

    /// The checkpoint `back` places from the newest (0 = the newest).
    private func checkpoint(back: Int) -> Checkpoint {
        let s = slot(back)
        return Checkpoint(
            update: meta[s].update, parameters: Array(storage[s * parameterCount..<(s + 1) * parameterCount]),
            optimizer: meta[s].optimizer, cursor: meta[s].cursor, settings: meta[s].settings, pass: meta[s].pass)
    }

    var latest: Checkpoint? { count == 0 ? nil : checkpoint(back: 0) }
    var oldestUpdate: Int? { count == 0 ? nil : meta[slot(count - 1)].update }

    /// Keeps the state after `update` updates. `state` points at the optimiser's arrays.
    mutating func push(
        _ parameters: UnsafePointer<Double>, update: Int, cursor: Cursor, settings: TrainingSettings,
        optimizer: Optimizer, t: Int, state: StatePointers, pass: PassSums = PassSums()
    ) {
        let stateCount = (state.first == nil ? 0 : parameterCount) + (state.second == nil ? 0 : parameterCount)
        slotBytes = 8 * (parameterCount + stateCount)
        guard capacity > 0, slotBytes <= budget else { removeAll(); return }
        if storage.isEmpty {
            storage = [Double](repeating: 0, count: capacity * parameterCount)
            meta = Array(
                repeating: Meta(
                    update: 0, cursor: Cursor(), settings: settings, optimizer: OptimizerState(.sgd, count: 0)),
                count: capacity)
        }
        if count > 0, meta[slot(0)].update == update { head = slot(0); count -= 1 }
        let start = head * parameterCount
        storage.withUnsafeMutableBufferPointer {
            $0.baseAddress!.advanced(by: start).update(from: parameters, count: parameterCount)
        }
        meta[head].update = update
        meta[head].cursor = cursor
        meta[head].settings = settings
        meta[head].pass = pass
        meta[head].optimizer.optimizer = optimizer
        meta[head].optimizer.t = t
        Self.copy(state.first, into: &meta[head].optimizer.first, count: parameterCount)
        Self.copy(state.second, into: &meta[head].optimizer.second, count: parameterCount)
        head = (head + 1) % capacity
        count = min(count + 1, capacity)
        // Checkpoints with an optimiser's state are larger: the oldest go until the rest fit.
        while count > 1, bytes > budget {
            let oldest = slot(count - 1)
            meta[oldest].optimizer = OptimizerState(.sgd, count: 0)
            count -= 1
        }
    }

    /// Keeps the state of `training`'s values as they are now.
    mutating func push(
        _ parameters: UnsafePointer<Double>, update: Int, cursor: Cursor, settings: TrainingSettings,
        optimizer: OptimizerState, pass: PassSums = PassSums()
    ) {
        var state = optimizer
        state.withPointers {
            push(
                parameters, update: update, cursor: cursor, settings: settings,
                optimizer: optimizer.optimizer, t: optimizer.t, state: $0, pass: pass)
        }
    }

    /// Copies `count` values into `target`, reusing its storage when it has the room.
    private static func copy(_ source: UnsafeMutablePointer<Double>?, into target: inout [Double], count: Int) {
        guard let source else { target = []; return }
        if target.count != count { target = [Double](repeating: 0, count: count) }
        target.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: source, count: count) }
    }

    /// The latest checkpoint taken at or before `update`.
    func checkpoint(atOrBefore update: Int) -> Checkpoint? {
        (0..<count).first { meta[slot($0)].update <= update }.map { checkpoint(back: $0) }
    }

    /// Forgets checkpoints taken after `update` (they describe undone updates).
    mutating func removeAfter(_ update: Int) {
        while count > 0, meta[slot(0)].update > update { head = slot(0); count -= 1 }
    }

    mutating func removeAll() { count = 0; head = 0 }

    /// The same checkpoints, newest first, as many as fit a new budget.
    func resized(budget: Int) -> UndoLog {
        var log = UndoLog(parameterCount: parameterCount, budget: budget)
        for back in stride(from: count - 1, through: 0, by: -1) {
            let checkpoint = checkpoint(back: back)
            checkpoint.parameters.withUnsafeBufferPointer { p in
                log.push(
                    p.baseAddress!, update: checkpoint.update, cursor: checkpoint.cursor, settings: checkpoint.settings,
                    optimizer: checkpoint.optimizer, pass: checkpoint.pass)
            }
        }
        return log
    }

    static func == (lhs: UndoLog, rhs: UndoLog) -> Bool {
        lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs.checkpoint(back: $0) == rhs.checkpoint(back: $0) }
    }
}
