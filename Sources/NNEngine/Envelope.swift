/// A record of one or more series of numbers, kept in lockstep, that summarises without
/// sampling: consecutive buckets, each with its first and last index and the exact minimum,
/// maximum and mean of the values inside.
///
/// The newest `recentCapacity` values are always buckets of their own, so `undo` can take back
/// any of them exactly. Older values fold into at most `oldCapacity` shared buckets of one
/// width w; when they would need more, the oldest pairs merge into buckets of width 2w, one
/// pair per new bucket, until every bucket has the new width. So there are never more than
/// 4,096 buckets and never fewer than min(count, 2,048); every value is its own bucket while
/// there are at most 4,096; an append is a copy and a few comparisons, allocation-free once
/// the buffers have grown.
public struct Envelope: Sendable {
    public struct Bucket: Sendable, Equatable {
        /// The 1-based indices of the first and last value inside.
        public var first: Int, last: Int
        /// A number kept with the first and the last value (for epochs: the update that ended it).
        public var firstTag: Int, lastTag: Int
        public var min: Double, max: Double, mean: Double
        public var count: Int { last - first + 1 }

        public init(first: Int, last: Int, firstTag: Int, lastTag: Int, min: Double, max: Double, mean: Double) {
            self.first = first; self.last = last; self.firstTag = firstTag; self.lastTag = lastTag
            self.min = min; self.max = max; self.mean = mean
        }
    }

    public static let recentCapacity = 2048
    public static let oldCapacity = 2048
    /// Values past the newest `recentCapacity` wait in the ring until this many have gathered,
    /// then fold together: they count as folded already (see `settled`).
    static let foldBatch = 256
    public let seriesCount: Int
    /// How many values have been appended (and not truncated).
    public private(set) var count = 0
    /// The newest values, each its tag then one number per series, in a ring of
    /// `recentCapacity + foldBatch` slots holding `stored` values from `ringStart`.
    var ring: [Double] = []
    var ringStart = 0
    var stored = 0
    /// The shared buckets, `oldStride` numbers each (first, last, first tag, last tag, then
    /// the minima, maxima and sums). Merged buckets (width 2w) fill slots 0..<merged; the
    /// unmerged ones (width w, the last possibly part-filled) are slots head..<end.
    var old: [Double] = []
    var merged = 0, head = 0, end = 0
    public private(set) var width = 1

    public init(seriesCount: Int) { self.seriesCount = seriesCount }

    static var ringCapacity: Int { recentCapacity + foldBatch }
    var ringStride: Int { seriesCount + 1 }
    var oldStride: Int { 4 + 3 * seriesCount }
    var oldCount: Int { merged + end - head }
    /// The values that are buckets of their own.
    public var recentCount: Int { stored - pending }
    /// The oldest `pending` values in the ring count as folded already and wait to be.
    var pending = 0

    /// The same record with every waiting value folded in.
    var settled: Envelope {
        guard pending > 0 else { return self }
        var copy = self
        copy.foldPending()
        return copy
    }

    /// Appends one value per series: `fill` writes `seriesCount` numbers into the buffer.
    @inline(__always)
    public mutating func append(tag: Int, _ fill: (UnsafeMutablePointer<Double>) -> Void) {
        let stride = ringStride, capacity = Self.ringCapacity
        if stored == capacity { foldPending() }
        if ring.isEmpty { ring = [Double](repeating: 0, count: capacity * stride) }
        var slot = ringStart + stored
        if slot >= capacity { slot -= capacity }
        ring.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress! + slot * stride
            p[0] = Double(tag)
            fill(p + 1)
        }
        stored += 1
        count += 1
        if stored - pending > Self.recentCapacity { pending += 1 }
    }

    /// Folds the values waiting beyond the newest `recentCapacity` into the shared buckets.
    mutating func foldPending() {
        let n = pending
        guard n > 0 else { return }
        // Room for every slot this batch can reach (never more than 2 × oldCapacity + 2 slots).
        let slots = min(end + n + 1, 2 * Self.oldCapacity + 2)
        let size = slots * oldStride
        if old.count < size { old.append(contentsOf: repeatElement(0, count: size - old.count)) }
        var state = FoldState(merged: merged, head: head, end: end, width: width, s: seriesCount)
        let firstIndex = count - stored + 1, start = ringStart, capacity = Self.ringCapacity, stride = ringStride
        ring.withUnsafeBufferPointer { r in
            old.withUnsafeMutableBufferPointer { o in
                var k = 0
                while k < n {
                    let slot = (start + k) % capacity
                    // Most values only widen the last bucket: do those in a tight run.
                    let run = min(n - k, capacity - slot, state.room(o.baseAddress!))
                    if run > 0 {
                        let values = r.baseAddress! + slot * stride
                        state.extend(o.baseAddress!, first: firstIndex + k, values: values, count: run)
                        k += run
                    } else {
                        state.fold(index: firstIndex + k, values: r.baseAddress! + slot * stride, into: o.baseAddress!)
                        k += 1
                    }
                }
            }
        }
        (merged, head, end, width) = (state.merged, state.head, state.end, state.width)
        ringStart = (ringStart + n) % capacity
        stored -= n
        pending = 0
    }

    /// The tag of the newest value that has folded into a shared bucket (nil when none has):
    /// truncation can go back no further than to it.
    public var newestFoldedTag: Int? {
        if pending > 0 { return Int(ring[((ringStart + pending - 1) % Self.ringCapacity) * ringStride]) }
        let slot = end > head ? end - 1 : merged - 1
        return slot < 0 ? nil : Int(old[slot * oldStride + 3])
    }

    /// Forgets the newest values while their tag is above `tag`, as far as they are buckets of
    /// their own. Returns false when a value above `tag` has already folded into a shared bucket.
    @discardableResult
    public mutating func truncate(whereTagAbove tag: Int) -> Bool {
        while recentCount > 0, Int(ring[ringSlot(recentCount - 1)]) > tag {
            stored -= 1
            count -= 1
        }
        return (newestFoldedTag ?? Int.min) <= tag
    }

    private func oldBucket(_ slot: Int, series: Int) -> Bucket {
        let b = slot * oldStride, first = Int(old[b]), last = Int(old[b + 1])
        let low = old[b + 4 + series], high = old[b + 4 + seriesCount + series]
        let mean = old[b + 4 + 2 * seriesCount + series] / Double(last - first + 1)
        return Bucket(
            first: first, last: last, firstTag: Int(old[b + 2]), lastTag: Int(old[b + 3]), min: low, max: high,
            mean: mean)
    }

    /// Where the `r`-th value of its own (0 = the oldest) starts in the ring.
    private func ringSlot(_ r: Int) -> Int { ((ringStart + pending + r) % Self.ringCapacity) * ringStride }

    /// The buckets of series `series`, oldest first.
    public func buckets(series: Int) -> [Bucket] {
        guard pending == 0 else { return settled.buckets(series: series) }
        var result: [Bucket] = []
        result.reserveCapacity(oldCount + recentCount)
        for slot in 0..<merged { result.append(oldBucket(slot, series: series)) }
        for slot in head..<end { result.append(oldBucket(slot, series: series)) }
        let firstRecent = count - recentCount + 1
        for r in 0..<recentCount {
            let p = ringSlot(r), v = ring[p + 1 + series], tag = Int(ring[p])
            let index = firstRecent + r
            result.append(Bucket(first: index, last: index, firstTag: tag, lastTag: tag, min: v, max: v, mean: v))
        }
        return result
    }

    /// Value `index` (1-based) of `series` when it is a bucket of its own, else nil.
    public func value(at index: Int, series: Int) -> Double? {
        guard index >= 1, index <= count else { return nil }
        let firstRecent = count - recentCount + 1
        if index >= firstRecent { return ring[ringSlot(index - firstRecent) + 1 + series] }
        let bucket = settled.buckets(series: series).first { $0.last >= index }
        guard let bucket, bucket.count == 1 else { return nil }
        return bucket.mean
    }

    /// The newest values of `series` (at most `limit`), oldest first, as (tag, value).
    public func recent(series: Int, limit: Int) -> [(tag: Int, value: Double)] {
        (recentCount - min(limit, recentCount)..<recentCount).map { r in
            (Int(ring[ringSlot(r)]), ring[ringSlot(r) + 1 + series])
        }
    }

    /// The newest value of `series`.
    public func last(series: Int) -> Double? { recentCount == 0 ? nil : ring[ringSlot(recentCount - 1) + 1 + series] }
}

extension Envelope: Equatable {
    public static func == (lhs: Envelope, rhs: Envelope) -> Bool {
        guard lhs.seriesCount == rhs.seriesCount, lhs.count == rhs.count else { return false }
        return (0..<lhs.seriesCount).allSatisfy { s in
            lhs.buckets(series: s).elementsEqual(rhs.buckets(series: s)) {
                $0.first == $1.first && $0.last == $1.last && $0.firstTag == $1.firstTag && $0.lastTag == $1.lastTag
                    && $0.min.bitPattern == $1.min.bitPattern && $0.max.bitPattern == $1.max.bitPattern
                    && $0.mean.bitPattern == $1.mean.bitPattern
            }
        }
    }
}
