/// e^x, written so the compiler can vectorise loops that call it (no library call, no
/// branches), accurate to about one unit in the last place.
///
/// x = n·ln2 + r with |r| ≤ ln2/2 (Cody–Waite: ln2 split in two parts), e^r by its Taylor
/// series to r¹³/13! (truncation error below 2e-16 relative), then scaled by 2ⁿ through the
/// exponent bits. Below −708 the result is 0, above 709.78 it is +∞, and NaN stays NaN.
@inline(__always)
func fastExp(_ x: Double) -> Double {
    let clamped = x.isNaN ? 0 : min(max(x, -708.0), 709.78)
    let n = (clamped * 1.4426950408889634).rounded(.toNearestOrEven)
    let r = (clamped - n * 0.6931471803691238) - n * 1.9082149292705877e-10
    var p = 1.0 / 6227020800.0
    p = p * r + 1.0 / 479001600.0
    p = p * r + 1.0 / 39916800.0
    p = p * r + 1.0 / 3628800.0
    p = p * r + 1.0 / 362880.0
    p = p * r + 1.0 / 40320.0
    p = p * r + 1.0 / 5040.0
    p = p * r + 1.0 / 720.0
    p = p * r + 1.0 / 120.0
    p = p * r + 1.0 / 24.0
    p = p * r + 1.0 / 6.0
    p = p * r + 0.5
    p = p * r + 1.0
    p = p * r + 1.0
    // 2^n for n in [−1022, 1023]; two halves so that n near the ends does not overflow the bits.
    let half = Int64(n) >> 1
    let scaleA = Double(bitPattern: UInt64(bitPattern: (half + 1023) << 52))
    let scaleB = Double(bitPattern: UInt64(bitPattern: (Int64(n) - half + 1023) << 52))
    let result = p * scaleA * scaleB
    if x.isNaN { return x }
    return x > 709.78 ? .infinity : (x < -745.2 ? 0 : result)
}
