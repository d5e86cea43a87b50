/// A bounded record of training for plots and `inspect`: per-update samples, thinned as
/// they accumulate, and one mean loss per pass.
///
/// At most `capacity` update records are kept. When the buffer fills, every other record is
/// dropped and the recording stride doubles, so the record always spans the whole run with
/// evenly spaced points and memory stays flat over a million updates. A long command also
/// widens the stride before it starts (`prepare(forUpdates:)`), so no single command records
/// more than `perRun` updates: a short lesson sees every update, and a benchmark's training
/// loop spends almost nothing on recording.
public struct Recorder: Sendable, Equatable {
    public static let capacity = 2048
    /// The most records one command adds.
    public static let perRun = 128
    /// At most this many parameters are followed: all of a small network's, and an evenly
    /// spread sample of each layer's weights in a larger one.
    public static let trackedLimit = 64

    public private(set) var stride = 1
    /// The update number of each record (1 = after the first update).
    public private(set) var updates: [Int] = []
    /// The loss of each recorded update (the mean over its samples), computed before it.
    public private(set) var losses: [Double] = []
    /// Values of the tracked parameters after each recorded update, `tracked.count` per record.
    public private(set) var parameters: [Double] = []
    /// The storage indices of the parameters whose values are recorded.
    public let tracked: [Int]
    private let trackedSlot: [Int: Int]
    /// ‖∂L/∂W^k‖ (Frobenius norm of each layer's weight gradient), `layerCount` per record.
    public private(set) var gradientNorms: [Double] = []
    public let parameterCount: Int
    public let layerCount: Int
    /// (the pass's number, 1 = the first; the update that ended it; the mean loss of the pass).
    public private(set) var epochs: [(epoch: Int, update: Int, loss: Double)] = []
    private var epochStride = 1
    private var epochCounter = 0

    public init(parameterCount: Int, layerCount: Int, layerRanges: [Range<Int>] = []) {
        self.parameterCount = parameterCount
        self.layerCount = layerCount
        if parameterCount <= Self.trackedLimit || layerRanges.isEmpty {
            tracked = Array(0..<min(parameterCount, Self.trackedLimit))
        } else {
            let perLayer = max(1, Self.trackedLimit / layerRanges.count)
            tracked = layerRanges.flatMap { range in
                range.count <= perLayer ? Array(range) : (0..<perLayer).map { range.lowerBound + $0 * range.count / perLayer }
            }
        }
        trackedSlot = Dictionary(uniqueKeysWithValues: tracked.enumerated().map { ($1, $0) })
    }

    private var recordsParameters: Bool { !tracked.isEmpty }
    public var count: Int { updates.count }

    /// Widens the stride, thinning what is kept, so that the next `count` updates add at
    /// most `perRun` records.
    mutating func prepare(forUpdates count: Int) {
        var wanted = stride
        while count / wanted > Self.perRun { wanted *= 2 }
        while stride < wanted { thin() }
        let room = updates.count + count / stride + 1
        if room > updates.capacity {
            let target = min(Self.capacity, room)
            updates.reserveCapacity(target)
            losses.reserveCapacity(target)
            parameters.reserveCapacity(target * tracked.count)
            gradientNorms.reserveCapacity(target * layerCount)
        }
    }

    /// The first update number after `update` that should be recorded (a multiple of the
    /// stride, adjusted for a buffer that is about to be thinned).
    func nextWanted(after update: Int) -> Int {
        let step = updates.count == Self.capacity ? stride * 2 : stride
        return (update / step + 1) * step
    }

    /// Records update `update`: its loss, the tracked parameters after it, and each layer's
    /// weight-gradient norm computed from `gradient` over `layerRanges`.
    mutating func record(update: Int, loss: Double, parameters values: UnsafePointer<Double>,
                         gradient: UnsafePointer<Double>, layerRanges: [Range<Int>]) {
        if updates.count == Self.capacity { thin() }
        guard update % stride == 0 else { return }
        updates.append(update)
        losses.append(loss)
        for index in tracked { parameters.append(values[index]) }
        for range in layerRanges {
            var sum = 0.0
            for i in range { sum += gradient[i] * gradient[i] }
            gradientNorms.append(sum.squareRoot())
        }
    }

    mutating func recordEpoch(_ epoch: Int, update: Int, loss: Double) {
        epochCounter += 1
        if epochs.count == Self.capacity {
            epochs = Swift.stride(from: 1, to: epochs.count, by: 2).map { epochs[$0] }
            epochStride *= 2
        }
        if epochCounter % epochStride == 0 { epochs.append((epoch, update, loss)) }
    }

    private mutating func thin() {
        stride *= 2
        let keep = updates.indices.filter { updates[$0] % stride == 0 }
        updates = keep.map { updates[$0] }
        losses = keep.map { losses[$0] }
        let width = tracked.count
        if recordsParameters { parameters = keep.flatMap { parameters[$0 * width ..< ($0 + 1) * width] } }
        gradientNorms = keep.flatMap { gradientNorms[$0 * layerCount ..< ($0 + 1) * layerCount] }
    }

    /// Forgets every record after update `update` (used by `undo`).
    mutating func truncate(after update: Int) {
        while let last = updates.last, last > update {
            updates.removeLast(); losses.removeLast()
            if recordsParameters { parameters.removeLast(tracked.count) }
            gradientNorms.removeLast(layerCount)
        }
        while let last = epochs.last, last.update > update { epochs.removeLast() }
    }

    /// The recorded history of parameter `index`: (update, value) pairs.
    /// Empty when the parameter is not tracked.
    public func history(ofParameter index: Int) -> [(update: Int, value: Double)] {
        guard let slot = trackedSlot[index] else { return [] }
        return updates.indices.map { (updates[$0], parameters[$0 * tracked.count + slot]) }
    }

    public func isTracked(_ index: Int) -> Bool { trackedSlot[index] != nil }

    public static func == (lhs: Recorder, rhs: Recorder) -> Bool {
        lhs.updates == rhs.updates && lhs.losses.elementsEqual(rhs.losses, by: { $0.bitPattern == $1.bitPattern })
            && lhs.parameters.elementsEqual(rhs.parameters, by: { $0.bitPattern == $1.bitPattern })
            && lhs.epochs.map(\.update) == rhs.epochs.map(\.update)
    }
}
