/// The shared buckets' bookkeeping while a batch of values folds in, on raw memory: each
/// bucket is `4 + 3s` numbers (first, last, first tag, last tag, s minima, s maxima, s sums).
struct FoldState {
    var merged: Int, head: Int, end: Int, width: Int
    let s: Int
    var stride: Int { 4 + 3 * s }
    var count: Int { merged + end - head }

    /// Folds value `index`, `values` being its tag then one number per series.
    @inline(__always)
    mutating func fold(index: Int, values v: UnsafePointer<Double>, into o: UnsafeMutablePointer<Double>) {
        while true {
            if end > head {
                let b = o + (end - 1) * stride
                if Int(b[1]) - Int(b[0]) + 1 < width { extend(b, index: index, values: v); return }
            }
            if count < Envelope.oldCapacity {
                let b = o + end * stride
                b[0] = Double(index); b[1] = Double(index); b[2] = v[0]; b[3] = v[0]
                for j in 0..<s { b[4 + j] = v[1 + j]; b[4 + s + j] = v[1 + j]; b[4 + 2 * s + j] = v[1 + j] }
                end += 1
                return
            }
            if end - head < 2 { widen(o); continue }
            mergePair(o)
        }
    }

    /// How many more values the last unmerged bucket takes before it is full.
    @inline(__always)
    func room(_ o: UnsafeMutablePointer<Double>) -> Int {
        guard end > head else { return 0 }
        let b = o + (end - 1) * stride
        return width - (Int(b[1]) - Int(b[0]) + 1)
    }

    /// Adds `count` consecutive values, from index `first`, to the last unmerged bucket (which has the room).
    @inline(__always)
    func extend(_ o: UnsafeMutablePointer<Double>, first: Int, values v: UnsafePointer<Double>, count: Int) {
        let b = o + (end - 1) * stride, rowStride = s + 1
        let low = b + 4, high = b + 4 + s, sum = b + 4 + 2 * s
        for r in 0..<count {
            let x = v + r * rowStride + 1
            for j in 0..<s {
                low[j] = Swift.min(low[j], x[j])
                high[j] = Swift.max(high[j], x[j])
                sum[j] += x[j]
            }
        }
        b[1] = Double(first + count - 1)
        b[3] = v[(count - 1) * rowStride]
    }

    @inline(__always)
    func extend(_ b: UnsafeMutablePointer<Double>, index: Int, values v: UnsafePointer<Double>) {
        b[1] = Double(index); b[3] = v[0]
        let low = b + 4, high = b + 4 + s, sum = b + 4 + 2 * s, x = v + 1
        for j in 0..<s {
            low[j] = x[j] < low[j] ? x[j] : low[j]
            high[j] = x[j] > high[j] ? x[j] : high[j]
            sum[j] += x[j]
        }
    }

    /// Merges the two oldest unmerged buckets into the next merged slot.
    mutating func mergePair(_ o: UnsafeMutablePointer<Double>) {
        let x = o + head * stride, y = x + stride, t = o + merged * stride
        let first = x[0], firstTag = x[2], last = y[1], lastTag = y[3]
        for j in 0..<s {
            let l1 = x[4 + j], l2 = y[4 + j], h1 = x[4 + s + j], h2 = y[4 + s + j]
            let sum = x[4 + 2 * s + j] + y[4 + 2 * s + j]
            t[4 + j] = l2 < l1 ? l2 : l1
            t[4 + s + j] = h2 > h1 ? h2 : h1
            t[4 + 2 * s + j] = sum
        }
        t[0] = first; t[1] = last; t[2] = firstTag; t[3] = lastTag
        merged += 1
        head += 2
    }

    /// Every pair has merged: the width doubles and the merged buckets become the unmerged ones.
    mutating func widen(_ o: UnsafeMutablePointer<Double>) {
        if head > merged { (o + merged * stride).update(from: o + head * stride, count: (end - head) * stride) }
        end = merged + end - head
        merged = 0
        head = 0
        width *= 2
    }
}
