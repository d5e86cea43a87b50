/// A bounded record of training for plots and `inspect`: per-update samples, thinned as
/// they accumulate, and one mean loss per pass.
///
/// At most `capacity` update records are kept. When the buffer fills, every other record is
/// dropped and the recording stride doubles, so the record always spans the whole run with
/// evenly spaced points and memory stays flat over a million updates.
public struct Recorder: Sendable, Equatable {
    public static let capacity = 2048
    /// Parameter values are recorded only for networks up to this size.
    public static let parameterLimit = 1024

    public private(set) var stride = 1
    /// The update number of each record (1 = after the first update).
    public private(set) var updates: [Int] = []
    /// The loss of each recorded update (the mean over its samples), computed before it.
    public private(set) var losses: [Double] = []
    /// Parameter values after each recorded update, `parameterCount` per record (may be empty).
    public private(set) var parameters: [Double] = []
    /// ‖∂L/∂W^k‖ (Frobenius norm of each layer's weight gradient), `layerCount` per record.
    public private(set) var gradientNorms: [Double] = []
    public let parameterCount: Int
    public let layerCount: Int
    /// (update number at the end of the pass, mean loss of the pass).
    public private(set) var epochs: [(update: Int, loss: Double)] = []
    private var epochStride = 1
    private var epochCounter = 0

    public init(parameterCount: Int, layerCount: Int) {
        self.parameterCount = parameterCount
        self.layerCount = layerCount
    }

    public var recordsParameters: Bool { parameterCount <= Self.parameterLimit }
    public var count: Int { updates.count }

    /// Whether update number `update` should be recorded.
    @inline(__always)
    func wants(_ update: Int) -> Bool { update % stride == 0 }

    mutating func record(update: Int, loss: Double, parameters values: UnsafeBufferPointer<Double>, gradientNorms norms: [Double]) {
        if updates.count == Self.capacity { thin() }
        guard update % stride == 0 else { return }
        updates.append(update)
        losses.append(loss)
        if recordsParameters { parameters.append(contentsOf: values) }
        gradientNorms.append(contentsOf: norms)
    }

    mutating func recordEpoch(update: Int, loss: Double) {
        epochCounter += 1
        if epochs.count == Self.capacity {
            epochs = Swift.stride(from: 1, to: epochs.count, by: 2).map { epochs[$0] }
            epochStride *= 2
        }
        if epochCounter % epochStride == 0 { epochs.append((update, loss)) }
    }

    private mutating func thin() {
        stride *= 2
        let keep = updates.indices.filter { updates[$0] % stride == 0 }
        updates = keep.map { updates[$0] }
        losses = keep.map { losses[$0] }
        if recordsParameters { parameters = keep.flatMap { parameters[$0 * parameterCount ..< ($0 + 1) * parameterCount] } }
        gradientNorms = keep.flatMap { gradientNorms[$0 * layerCount ..< ($0 + 1) * layerCount] }
    }

    /// Forgets every record after update `update` (used by `undo`).
    mutating func truncate(after update: Int) {
        while let last = updates.last, last > update {
            updates.removeLast(); losses.removeLast()
            if recordsParameters { parameters.removeLast(parameterCount) }
            gradientNorms.removeLast(layerCount)
        }
        while let last = epochs.last, last.update > update { epochs.removeLast() }
    }

    /// The recorded history of parameter `index`: (update, value) pairs.
    public func history(ofParameter index: Int) -> [(update: Int, value: Double)] {
        guard recordsParameters else { return [] }
        return updates.indices.map { (updates[$0], parameters[$0 * parameterCount + index]) }
    }

    public static func == (lhs: Recorder, rhs: Recorder) -> Bool {
        lhs.updates == rhs.updates && lhs.losses.elementsEqual(rhs.losses, by: { $0.bitPattern == $1.bitPattern })
            && lhs.parameters.elementsEqual(rhs.parameters, by: { $0.bitPattern == $1.bitPattern })
            && lhs.epochs.map(\.update) == rhs.epochs.map(\.update)
    }
}
