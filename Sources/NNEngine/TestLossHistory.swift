/// The test set's mean loss after each epoch (`data split`), kept for `epoch`, `plot loss` and
/// `export json`.
///
/// An ``Envelope`` of one series: every epoch is a bucket of its own while there are at most
/// 2,048, older ones fold into buckets with the exact minimum, maximum and mean, so memory
/// stays flat over any number of epochs and nothing is sampled. A history covers consecutive
/// epochs of one test set; a new test set starts a new history.
public struct TestLossHistory: Sendable, Equatable {
    private var envelope = Envelope(seriesCount: 1)
    /// The epoch of the first value (the envelope numbers its values from 1).
    private var firstEpoch = 1

    public init() {}

    /// How many epochs are recorded.
    public var count: Int { envelope.count }

    mutating func record(epoch: Int, update: Int, loss: Double) {
        if envelope.count == 0 { firstEpoch = epoch }
        envelope.append(tag: update) { $0[0] = loss }
    }

    /// Forgets the epochs that ended after `update` (for `undo`).
    mutating func truncate(after update: Int) {
        envelope.truncate(whereTagAbove: update)
    }

    /// Consecutive buckets of epochs: `first` and `last` are epoch numbers (1 = the first
    /// pass), the tags the updates that ended them; `min`, `max`, `mean` exact over the bucket.
    public var buckets: [Envelope.Bucket] {
        envelope.buckets(series: 0).map { bucket in
            var shifted = bucket
            shifted.first += firstEpoch - 1
            shifted.last += firstEpoch - 1
            return shifted
        }
    }

    /// The test loss after `epoch`, while that epoch is a bucket of its own.
    public func loss(epoch: Int) -> Double? {
        buckets.last { $0.first == epoch && $0.last == epoch }?.mean
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
                    total += forward(
                        x: xs.baseAddress! + r * data.featureCount,
                        y: ys.baseAddress! + r * data.targetCount)
                }
                return total / Double(data.count)
            }
        }
    }
}
