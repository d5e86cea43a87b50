/// The test set's mean loss after each epoch (`data split`), kept for `epoch` and `plot loss`.
///
/// Every epoch is kept while there are at most `capacity`; past that every other one is
/// dropped and only every `stride`-th epoch is recorded from then on, so memory stays flat
/// over any number of epochs and the record still spans the whole run evenly. The most
/// recent epoch is always the last entry.
public struct TestLossHistory: Sendable, Equatable {
    public static let capacity = 2048

    public struct Entry: Sendable, Equatable {
        /// The pass's number, 1 = the first.
        public var epoch: Int
        /// The update that ended it.
        public var update: Int
        /// The mean loss over the test rows with the parameters after that update.
        public var loss: Double
    }

    public private(set) var entries: [Entry] = []
    private var stride = 1

    public init() {}

    mutating func record(epoch: Int, update: Int, loss: Double) {
        if let last = entries.last, last.epoch % stride != 0 { entries.removeLast() }
        entries.append(Entry(epoch: epoch, update: update, loss: loss))
        guard entries.count > Self.capacity else { return }
        stride *= 2
        let latest = entries.removeLast()
        entries = entries.filter { $0.epoch % stride == 0 }
        entries.append(latest)
    }

    /// Forgets the epochs that ended after `update` (for `undo`).
    mutating func truncate(after update: Int) {
        entries.removeAll { $0.update > update }
    }

    /// The test loss recorded for `epoch`, if it was kept.
    public func loss(epoch: Int) -> Double? {
        entries.last { $0.epoch == epoch }?.loss
    }
}

extension Kernel {
    /// The mean loss over every row of `data` at the kernel's parameters: forward passes only,
    /// the same sum as `Network.meanLoss(on:)`. NaN for no rows.
    func meanLoss(on data: DataSet) -> Double {
        guard !data.isEmpty else { return .nan }
        return data.inputs.withUnsafeBufferPointer { xs in
            data.targets.withUnsafeBufferPointer { ys in
                var total = 0.0
                for r in 0..<data.count {
                    total += forward(x: xs.baseAddress! + r * data.featureCount, y: ys.baseAddress! + r * data.targetCount)
                }
                return total / Double(data.count)
            }
        }
    }
}
