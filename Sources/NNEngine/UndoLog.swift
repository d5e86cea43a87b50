/// A bounded window of the most recent updates, enough to take each one back bit for bit.
///
/// Each entry keeps the parameters as they were before an update, the cursor it read
/// from and the settings it ran with. The window holds at most `capacity` entries, and never more than about 2 MB of
/// parameters, so a million updates cost no more memory than a thousand.
struct UndoLog: Sendable, Equatable {
    let parameterCount: Int
    let capacity: Int
    private var storage: [Double]
    private var cursors: [Cursor]
    private var settings: [TrainingSettings]
    private var head = 0 // where the next entry goes
    private(set) var count = 0

    static let budget = 262_144 // doubles: 2 MiB

    init(parameterCount: Int, maximumEntries: Int = 1000) {
        self.parameterCount = parameterCount
        capacity = max(1, min(maximumEntries, Self.budget / max(parameterCount, 1)))
        storage = []
        cursors = []
        settings = []
    }

    /// Records the state before an update.
    @inline(__always)
    mutating func push(_ parameters: UnsafePointer<Double>, cursor: Cursor, settings current: TrainingSettings) {
        if storage.isEmpty {
            storage = [Double](repeating: 0, count: capacity * parameterCount)
            cursors = [Cursor](repeating: Cursor(), count: capacity)
            settings = [TrainingSettings](repeating: current, count: capacity)
        }
        let start = head * parameterCount
        storage.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: start).update(from: parameters, count: parameterCount) }
        cursors[head] = cursor
        settings[head] = current
        head = (head + 1) % capacity
        count = min(count + 1, capacity)
    }

    /// The entry `back` updates ago (0 = the most recent), or nil outside the window.
    func entry(_ back: Int) -> (parameters: ArraySlice<Double>, cursor: Cursor, settings: TrainingSettings)? {
        guard back >= 0, back < count else { return nil }
        let slot = (head - 1 - back + capacity * 2) % capacity
        return (storage[slot * parameterCount ..< (slot + 1) * parameterCount], cursors[slot], settings[slot])
    }

    /// Removes the most recent entry and returns it.
    mutating func pop() -> (parameters: [Double], cursor: Cursor)? {
        guard let top = entry(0) else { return nil }
        let result = (Array(top.parameters), top.cursor)
        head = (head - 1 + capacity) % capacity
        count -= 1
        return result
    }

    mutating func removeAll() { count = 0; head = 0 }
}
