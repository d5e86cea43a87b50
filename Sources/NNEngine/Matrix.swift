/// Small dense products on row-major buffers, blocked for SIMD registers.
enum Matrix {
    typealias Vector = SIMD8<Double>

    @inline(__always) static func load(_ p: UnsafePointer<Double>) -> Vector {
        UnsafeRawPointer(p).loadUnaligned(as: Vector.self)
    }

    @inline(__always) static func store(_ v: Vector, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vector.self)
    }

    /// Z (rows×columns) = A (rows×inner) · W (inner×columns) + bias (broadcast to every row).
    static func multiplyAdd(
        _ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, bias: UnsafePointer<Double>,
        into z: UnsafeMutablePointer<Double>, rows: Int, inner: Int, columns: Int
    ) {
        var s = 0
        while s + 4 <= rows {
            let a0 = a + s * inner, a1 = a0 + inner, a2 = a1 + inner, a3 = a2 + inner
            var j = 0
            while j + 8 <= columns {
                let b = load(bias + j)
                var z0 = b, z1 = b, z2 = b, z3 = b
                for i in 0..<inner {
                    let row = load(w + i * columns + j)
                    z0 += row * a0[i]; z1 += row * a1[i]; z2 += row * a2[i]; z3 += row * a3[i]
                }
                store(z0, z + s * columns + j); store(z1, z + (s + 1) * columns + j)
                store(z2, z + (s + 2) * columns + j); store(z3, z + (s + 3) * columns + j)
                j += 8
            }
            for r in s..<(s + 4) where j < columns {
                scalarRow(a + r * inner, w, bias, z + r * columns, inner, columns, from: j)
            }
            s += 4
        }
        for r in s..<rows { scalarRow(a + r * inner, w, bias, z + r * columns, inner, columns, from: 0) }
    }

    @inline(__always)
    private static func scalarRow(
        _ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ bias: UnsafePointer<Double>,
        _ z: UnsafeMutablePointer<Double>, _ inner: Int, _ columns: Int, from start: Int
    ) {
        for j in start..<columns { z[j] = bias[j] }
        for i in 0..<inner {
            let ai = a[i], row = w + i * columns
            for j in start..<columns { z[j] += ai * row[j] }
        }
    }

    /// G (left×right) (+)= scale · Aᵀ·D and gb (+)= scale · Σ_rows D, for A (rows×left), D (rows×right).
    static func accumulateTransposedProduct(
        _ a: UnsafePointer<Double>, _ d: UnsafePointer<Double>,
        into g: UnsafeMutablePointer<Double>, biasInto gb: UnsafeMutablePointer<Double>,
        rows: Int, left: Int, right: Int, scale: Double, accumulate: Bool
    ) {
        var i = 0
        while i < left {
            let block = min(4, left - i)
            var j = 0
            while j + 8 <= right {
                var g0 = Vector(), g1 = Vector(), g2 = Vector(), g3 = Vector()
                for s in 0..<rows {
                    let ds = load(d + s * right + j), ar = a + s * left + i
                    g0 += ds * ar[0]
                    if block > 1 { g1 += ds * ar[1] }
                    if block > 2 { g2 += ds * ar[2] }
                    if block > 3 { g3 += ds * ar[3] }
                }
                func put(_ t: Int, _ sum: Vector) {
                    let target = g + (i + t) * right + j
                    store(accumulate ? load(target) + sum * scale : sum * scale, target)
                }
                put(0, g0)
                if block > 1 { put(1, g1) }
                if block > 2 { put(2, g2) }
                if block > 3 { put(3, g3) }
                j += 8
            }
            for t in 0..<block where j < right {
                for jj in j..<right {
                    var sum = 0.0
                    for s in 0..<rows { sum += a[s * left + i + t] * d[s * right + jj] }
                    let target = g + (i + t) * right + jj
                    target.pointee = accumulate ? target.pointee + sum * scale : sum * scale
                }
            }
            i += block
        }
        for j in 0..<right {
            var sum = 0.0
            for s in 0..<rows { sum += d[s * right + j] }
            gb[j] = accumulate ? gb[j] + sum * scale : sum * scale
        }
    }

    /// E (rows×columns) = D (rows×inner) · Wᵀ, for W (columns×inner): E[s][i] = Σ_j W[i][j]·D[s][j].
    static func multiplyTransposed(
        _ d: UnsafePointer<Double>, _ w: UnsafePointer<Double>, into e: UnsafeMutablePointer<Double>,
        rows: Int, inner: Int, columns: Int
    ) {
        for s in 0..<rows {
            let ds = d + s * inner, es = e + s * columns
            for i in 0..<columns {
                let row = w + i * inner
                var j = 0
                var acc = Vector()
                while j + 8 <= inner { acc += load(row + j) * load(ds + j); j += 8 }
                var sum = acc.sum()
                while j < inner { sum += row[j] * ds[j]; j += 1 }
                es[i] = sum
            }
        }
    }

    /// Whether every p − η·g is finite: (v − v) is 0 for a finite v and NaN otherwise, so
    /// the sum of those is 0 exactly when all are finite. Written with vectors and no early
    /// exit, so it runs at the speed of memory.
    @inline(__always)
    static func stepIsFinite(_ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>, eta: Double, count: Int) -> Bool {
        var acc = Vector()
        var i = 0
        while i + 8 <= count {
            let v = load(p + i) - load(g + i) * eta
            acc += v - v
            i += 8
        }
        var tail = 0.0
        while i < count { let v = p[i] - g[i] * eta; tail += v - v; i += 1 }
        return acc.sum() + tail == 0
    }

    /// p ← p − η·g.
    @inline(__always)
    static func step(_ p: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, eta: Double, count: Int) {
        var i = 0
        while i + 8 <= count { store(load(p + i) - load(g + i) * eta, p + i); i += 8 }
        while i < count { p[i] -= g[i] * eta; i += 1 }
    }
}
