/// The record of training for plots, `inspect`, lessons and `export json`: every update and
/// every finished epoch, summarised exactly (see `Envelope`), never sampled.
///
/// `updates` keeps, for each update, in this order: its loss (the mean over its samples,
/// computed before it), ‖∂L/∂Wᵏ‖ of each layer's weight gradient, and the value after it of
/// each followed parameter. `epochs` keeps each finished epoch's mean loss, tagged with the
/// update that ended it. Memory is bounded however long training runs.
public struct Recorder: Sendable, Equatable {
    /// At most this many parameters are followed over time: all of a small network's, and an
    /// evenly spread sample of each layer's in a larger one. Statements about all parameters
    /// (the largest move) compare the current values with the initial ones instead.
    public static let trackedLimit = 64

    /// The storage indices of the parameters whose values are recorded.
    public let tracked: [Int]
    private let trackedSlot: [Int: Int]
    /// True when the followed parameters are the first ones in storage order (a small network's all).
    private let tracksAPrefix: Bool
    public let parameterCount: Int
    public let layerCount: Int
    public private(set) var updates: Envelope
    public private(set) var epochs: Envelope

    public init(parameterCount: Int, layerCount: Int, layerRanges: [Range<Int>] = []) {
        self.parameterCount = parameterCount
        self.layerCount = layerCount
        if parameterCount <= Self.trackedLimit || layerRanges.isEmpty {
            tracked = Array(0..<min(parameterCount, Self.trackedLimit))
        } else {
            let perLayer = max(1, Self.trackedLimit / layerRanges.count)
            tracked = layerRanges.flatMap { range in
                range.count <= perLayer
                    ? Array(range)
                    : (0..<perLayer).map { range.lowerBound + $0 * range.count / perLayer }
            }
        }
        trackedSlot = Dictionary(uniqueKeysWithValues: tracked.enumerated().map { ($1, $0) })
        tracksAPrefix = tracked == Array(0..<tracked.count)
        updates = Envelope(seriesCount: 1 + layerCount + tracked.count)
        epochs = Envelope(seriesCount: 1)
    }

    /// How many updates are recorded.
    public var count: Int { updates.count }
    public var epochCount: Int { epochs.count }

    /// Records update `update`: its loss, each layer's weight-gradient norm computed from
    /// `gradient` over `layerRanges`, and the followed parameters after it.
    @inline(__always)
    mutating func record(
        update: Int, loss: Double, parameters values: UnsafePointer<Double>,
        gradient: UnsafePointer<Double>, layerRanges: UnsafeBufferPointer<Range<Int>>
    ) {
        let layers = layerCount, prefix = tracksAPrefix, count = tracked.count
        tracked.withUnsafeBufferPointer { followed in
            updates.append(tag: update) { slot in
                slot[0] = loss
                for k in 0..<layers {
                    var sum = 0.0
                    for i in layerRanges[k] { sum += gradient[i] * gradient[i] }
                    slot[1 + k] = sum.squareRoot()
                }
                let base = slot + 1 + layers
                if prefix { base.update(from: values, count: count); return }
                for j in 0..<count { base[j] = values[followed[j]] }
            }
        }
    }

    mutating func recordEpoch(update: Int, loss: Double) {
        epochs.append(tag: update) { $0[0] = loss }
    }

    /// The earliest update count the record can be cut back to exactly.
    var truncationFloor: Int { max(updates.newestFoldedTag ?? 0, epochs.newestFoldedTag ?? 0) }

    /// Forgets every record after update `update` (used by `undo`).
    mutating func truncate(after update: Int) {
        updates.truncate(whereTagAbove: update)
        epochs.truncate(whereTagAbove: update)
    }

    // MARK: reading

    public var lossBuckets: [Envelope.Bucket] { updates.buckets(series: 0) }
    public var epochBuckets: [Envelope.Bucket] { epochs.buckets(series: 0) }
    public func gradientNormBuckets(layer k: Int) -> [Envelope.Bucket] { updates.buckets(series: k) }
    /// The buckets of parameter `index`'s value after each update; nil when it is not followed.
    public func parameterBuckets(_ index: Int) -> [Envelope.Bucket]? {
        trackedSlot[index].map { updates.buckets(series: 1 + layerCount + $0) }
    }
    public func isTracked(_ index: Int) -> Bool { trackedSlot[index] != nil }

    /// The mean loss of epoch `n` (1-based) when it is kept on its own, else nil.
    public func epochLoss(_ n: Int) -> Double? { epochs.value(at: n, series: 0) }
    public var lastEpochLoss: Double? { epochs.last(series: 0) }
    public func lastGradientNorm(layer k: Int) -> Double? { updates.last(series: k) }

    /// The newest values of parameter `index` (at most `limit`), as (update, value).
    public func recentValues(ofParameter index: Int, limit: Int) -> [(update: Int, value: Double)] {
        guard let slot = trackedSlot[index] else { return [] }
        return updates.recent(series: 1 + layerCount + slot, limit: limit).map { ($0.tag, $0.value) }
    }

    public static func == (lhs: Recorder, rhs: Recorder) -> Bool {
        lhs.tracked == rhs.tracked && lhs.updates == rhs.updates && lhs.epochs == rhs.epochs
    }
}
