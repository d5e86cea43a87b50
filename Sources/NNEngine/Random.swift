import Glibc

/// SplitMix64: a small, fast, seedable generator that gives the same numbers on every machine.
///
/// Every random number nnstep shows (initial weights, generated data sets, shuffled row
/// orders) comes from this generator, so a seed fully determines a lesson's numbers.
/// Reference: Steele, Lea and Flood, "Fast splittable pseudorandom number generators" (2014).
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in [0, 1), built from the top 53 bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A double uniform in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * nextUnit()
    }

    /// A standard normal draw (Box-Muller), deterministic for a given state.
    public mutating func normal() -> Double {
        let u1 = 1.0 - nextUnit()  // (0, 1]
        let u2 = nextUnit()
        return (-2.0 * _log(u1)).squareRoot() * _cos(2.0 * Double.pi * u2)
    }

    /// An index uniform in 0..<n (n > 0), without modulo bias worth noticing for small n.
    public mutating func index(below n: Int) -> Int {
        precondition(n > 0, "index(below:) needs a positive bound.")
        return Int((next() >> 11) % UInt64(n))
    }
}

@inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
