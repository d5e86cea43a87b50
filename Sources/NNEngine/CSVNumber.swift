/// Decimal numbers read straight from bytes, rounded exactly as `Double(String)` rounds them.
///
/// The syntax is `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`: no hexadecimal,
/// no `nan` or `inf`, no spaces inside. Short numbers take Clinger's fast path: when the
/// significant digits form an integer w < 2⁵³ and the power of ten p satisfies |p| ≤ 22, both w
/// and 10^|p| are exact Doubles, so one correctly rounded multiplication or division gives the
/// correctly rounded result. Anything else (more digits, larger exponents) is handed to
/// `Double(String)` itself, so every input gets the same Double as `Double(String)` would give.
enum CSVNumber {
    /// What a scan found: a value, or why there is none.
    enum Scan: Equatable {
        /// A number; `end` is the index just after its last byte.
        case number(Double, end: Int)
        /// The bytes from the start do not begin a decimal number (or stop partway through one).
        case notANumber
    }

    /// Exact powers of ten 10⁰ … 10²², the largest range in which every power is a Double.
    static let powers: [Double] = (0...22).map { exactPower($0) }

    private static func exactPower(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<n { value *= 10 }
        return value
    }

    /// Scans one number that starts at `start` and ends before `end` or at the first byte that
    /// cannot continue it. The caller checks that what follows is a separator or a line end.
    @inline(__always)
    static func scan(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Scan {
        var i = start
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0  // digits in the mantissa after leading zeros
        var exponent = 0  // power of ten to apply to the mantissa
        var digits = 0  // every digit seen, before and after the point
        var exact = true  // false when a digit did not fit in the mantissa
        while i < end, bytes[i] &- 48 < 10 {
            accumulate(bytes[i], &mantissa, &significant, &exact, &exponent, fractional: false)
            i += 1; digits += 1
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, bytes[i] &- 48 < 10 {
                accumulate(bytes[i], &mantissa, &significant, &exact, &exponent, fractional: true)
                i += 1; digits += 1
            }
        }
        guard digits > 0 else { return .notANumber }
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
            guard let (power, after) = scanExponent(bytes, from: i + 1, to: end) else { return .notANumber }
            exponent += power
            i = after
        }
        if exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let magnitude = exponent >= 0 ? Double(mantissa) * powers[exponent] : Double(mantissa) / powers[-exponent]
            return .number(negative ? -magnitude : magnitude, end: i)
        }
        return fallback(bytes, from: start, to: i)
    }

    /// Adds one digit to the mantissa while it has room for 19; a later non-zero digit makes the
    /// result inexact (so the slow path decides), a later zero only scales it.
    @inline(__always)
    private static func accumulate(
        _ byte: UInt8, _ mantissa: inout UInt64, _ significant: inout Int,
        _ exact: inout Bool, _ exponent: inout Int, fractional: Bool
    ) {
        let digit = UInt64(byte &- 48)
        if significant == 0 && digit == 0 {
            if fractional { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa &* 10 &+ digit
            significant += 1
            if fractional { exponent -= 1 }
        } else {
            if digit != 0 { exact = false }
            if !fractional { exponent += 1 }
        }
    }

    /// The exponent after `e`: an optional sign and at least one digit, saturated far beyond
    /// any Double's range so that a long exponent cannot overflow.
    @inline(__always)
    private static func scanExponent(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (Int, Int)? {
        var i = start
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        let first = i
        var value = 0
        while i < end, bytes[i] &- 48 < 10 {
            if value < 100_000 { value = value * 10 + Int(bytes[i] &- 48) }
            i += 1
        }
        return i == first ? nil : (negative ? -value : value, i)
    }

    /// The rare case: let `Double(String)` round it (the syntax is already checked).
    private static func fallback(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Scan {
        let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
        guard let value = Double(text) else { return .notANumber }
        return .number(value, end: end)
    }
}
