/// e^x for eight lanes at once, with no library call and no branch, accurate to about one
/// unit in the last place.
///
/// x = n·ln2 + r with |r| ≤ ln2/2 (Cody–Waite: ln2 split in two parts), e^r by its Taylor
/// series to r¹³/13! (truncation error below 2e-16 relative; evaluated by Estrin's scheme), then scaled by 2ⁿ through the
/// exponent bits (in two halves, so n near ±1022 does not overflow them). Below −708 the
/// result is e^−708 ≈ 3e−308 and below −745 it is 0; above 709.78 it is +∞; NaN stays NaN.
@inline(__always)
func fastExp(_ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias V = SIMD8<Double>
    let isNaN = x .!= x
    var clamped = x
    clamped.replace(with: -708, where: x .< -708)
    clamped.replace(with: 709.78, where: x .> 709.78)
    clamped.replace(with: 0, where: isNaN)
    let n = (clamped * 1.4426950408889634).rounded(.toNearestOrEven)
    let r = (clamped - n * 0.6931471803691238) - n * 1.9082149292705877e-10
    // Estrin's scheme: the same polynomial as Horner's, in four short dependent steps
    // instead of thirteen, so the eight lanes finish sooner.
    let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
    let q0 = 1.0 + r, q1 = 0.5 + r * (1.0 / 6.0)
    let q2 = 1.0 / 24.0 + r * (1.0 / 120.0), q3 = 1.0 / 720.0 + r * (1.0 / 5040.0)
    let q4 = 1.0 / 40320.0 + r * (1.0 / 362880.0), q5 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0)
    let q6 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0)
    let s0 = q0 + q1 * r2, s1 = q2 + q3 * r2, s2 = q4 + q5 * r2
    let t0 = s0 + s1 * r4, t1 = s2 + q6 * r4
    let p = t0 + t1 * r8
    // n is a whole number in [−1021, 1024]: read it off the bits of n + 1.5·2⁵².
    let magic = V(repeating: 6755399441055744.0)
    let whole = unsafeBitCast(n + magic, to: SIMD8<Int64>.self) &- unsafeBitCast(magic, to: SIMD8<Int64>.self)
    let half = whole &>> 1
    let scaleA = unsafeBitCast((half &+ 1023) &<< 52, to: V.self)
    let scaleB = unsafeBitCast((whole &- half &+ 1023) &<< 52, to: V.self)
    var result = p * scaleA * scaleB
    result.replace(with: .infinity, where: x .> 709.78)
    result.replace(with: 0, where: x .< -745.2)
    result.replace(with: x, where: isNaN)
    return result
}

/// e^x for one value: lane 0 of the eight-lane version, so scalar and vector results agree
/// bit for bit.
@inline(__always)
func fastExp(_ x: Double) -> Double {
    fastExp(SIMD8(repeating: x))[0]
}

/// σ(z) = 1/(1+e^−z) for eight lanes.
@inline(__always)
func fastSigmoid(_ z: SIMD8<Double>) -> SIMD8<Double> {
    1.0 / (1.0 + fastExp(-z))
}
