/// Judges a typed number by the digits typed: it is right when the engine's value rounds to
/// it at the precision it was typed with.
///
/// `0.298` claims three decimals, so it is right for any value in [0.2975, 0.2985]; `3.51e-5`
/// claims two decimals of the mantissa, so [3.505e-5, 3.515e-5]. At least three significant
/// digits must be typed (`0.3` says too little to judge) unless the typed number is exactly the
/// value (`0`, `2`). Arithmetic (`-2*(1.8-167)`, in lessons) is right within one unit of the
/// value's fourth significant digit. A lesson's `within:` replaces both rules. Lessons and the
/// walk's predictions both use it.
public enum AnswerJudge {
    public enum Verdict: Equatable, Sendable {
        case right
        /// Wrong, with how far off and in which direction.
        case wrong(tooHigh: Bool, signWrong: Bool)
        /// Not a number the judge can read: `what` says what was expected.
        case unreadable(String)
        /// Too few significant digits to judge (fewer than `minimumDigits`).
        case tooFewDigits(Int)
    }

    /// A teacher's explicit tolerance (`within: 0.01`, `within: 1%`, `within: 0`).
    public enum Tolerance: Sendable, Equatable {
        case absolute(Double)
        case relative(Double)

        public func accepts(_ typed: Double, _ expected: Double) -> Bool {
            let gap = abs(typed - expected)
            switch self {
            case .absolute(let d): return gap <= d * (1 + 1e-9) + 1e-12 * abs(expected)
            case .relative(let r): return gap <= r * abs(expected) * (1 + 1e-9)
            }
        }
    }

    /// Significant digits an answer needs.
    public static let minimumDigits = 3

    /// What a typed decimal claims: its value, its significant digits, and the half-width of
    /// the interval it stands for (half a unit in its last place).
    public struct Reading: Equatable, Sendable {
        public let value: Double
        public let significantDigits: Int
        public let halfUnit: Double
    }

    /// Reads `0.298`, `-2.5`, `.5`, `3.51e-5`, `1E3`; nil for anything else.
    public static func read(_ text: String) -> Reading? {
        var body = Substring(text.trimmed)
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let power = Int(body[body.index(after: e)...]), abs(power) < 400 else { return nil }
            exponent = power
            body = body[..<e]
        }
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
            parts.contains(where: { !$0.isEmpty }), let value = Double(text.trimmed), value.isFinite
        else { return nil }
        let decimals = parts.count == 2 ? parts[1].count : 0
        let digits = parts.joined().drop { $0 == "0" }.count
        return Reading(
            value: value, significantDigits: digits,
            halfUnit: 0.5 * NumberFormat.powerOfTen(exponent - decimals))
    }

    /// The verdict on `typed` for the engine's `expected` value; fewer than `minimum`
    /// significant digits are not judged.
    public static func judge(_ typed: String, expected: Double, minimum: Int = minimumDigits) -> Verdict {
        guard let reading = read(typed) else {
            return .unreadable("a number with at least \(minimumDigits) significant digits, like 0.298 or -2.50")
        }
        return judge(reading, expected: expected, within: nil, minimum: minimum)
    }

    /// As `judge(_:expected:)`, and arithmetic without names is read too; `within` replaces
    /// the digit rules.
    static func judge(_ typed: String, expected: Double, within: Tolerance?) -> Verdict {
        if let reading = read(typed) { return judge(reading, expected: expected, within: within) }
        guard let value = arithmetic(typed) else {
            return .unreadable("a number like 0.298, or arithmetic like 2*(5-1.8)")
        }
        let fourthDigit = expected == 0 ? 1e-12 : NumberFormat.powerOfTen(Int(abs(expected).log10Floor) - 3)
        let right = within.map { $0.accepts(value, expected) } ?? (abs(value - expected) <= fourthDigit * (1 + 1e-9))
        return right ? .right : miss(value, expected)
    }

    static func judge(_ reading: Reading, expected: Double, within: Tolerance?, minimum: Int = minimumDigits) -> Verdict
    {
        if let within { return within.accepts(reading.value, expected) ? .right : miss(reading.value, expected) }
        if isExact(reading.value, expected) { return .right }
        // A little slack for the binary representation of both numbers.
        let slack = 1e-12 * max(abs(expected), abs(reading.value))
        let rounds = abs(expected - reading.value) <= reading.halfUnit + slack
        // Too few digits only when they are right as far as they go: `0.37` for 0.372 asks
        // for more, but `0` for −1.5 is simply wrong.
        if reading.significantDigits < minimum {
            return rounds ? .tooFewDigits(reading.significantDigits) : miss(reading.value, expected)
        }
        return rounds ? .right : miss(reading.value, expected)
    }

    static func miss(_ value: Double, _ expected: Double) -> Verdict {
        .wrong(tooHigh: value > expected, signWrong: expected != 0 && value != 0 && (expected < 0) != (value < 0))
    }

    /// Equal up to floating-point noise.
    static func isExact(_ typed: Double, _ expected: Double) -> Bool {
        typed == expected || abs(typed - expected) <= 1e-9 * max(abs(expected), 1e-3)
    }

    /// The value of arithmetic that uses no live names (`-2*(1.8-167)`), or nil.
    static func arithmetic(_ text: String) -> Double? {
        guard let expression = try? ExpressionParser.parse(text.trimmed), !expression.isLive,
            let value = try? LiveScope(state: SessionState(), kept: [:]).evaluate(expression), value.isFinite
        else { return nil }
        return value
    }

    /// A short phrase for a miss: `too high`, `too low, and the sign is wrong`.
    public static func describe(_ verdict: Verdict) -> String {
        switch verdict {
        case .right: return "right"
        case .wrong(let high, let sign):
            return (high ? "too high" : "too low") + (sign ? ", and the sign is wrong" : "")
        case .unreadable(let what): return "expected " + what
        case .tooFewDigits(let n):
            return "\(n == 1 ? "one significant digit is" : "\(n) significant digits are") too few to judge; "
                + "type at least \(minimumDigits), like 0.298"
        }
    }

    /// The engine's value written so that this judge accepts it: the session's digits, and
    /// more when they would show fewer than four significant digits (for answers files).
    static func typable(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite, value != 0 else { return NumberFormat.full(value) }
        let places = max(digits, 3 - Int(abs(value).log10Floor))
        var text = System.format("%.\(places)f", value)
        while text.contains("."), text.hasSuffix("0") {
            let shorter = String(text.dropLast())
            guard let reading = read(shorter), isExact(reading.value, value) || reading.significantDigits >= 4 else {
                break
            }
            text = shorter
        }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension Double {
    /// ⌊log₁₀ x⌋ for x > 0, exact at powers of ten.
    var log10Floor: Double {
        var power = 0.0, x = self
        while x >= 10 { x /= 10; power += 1 }
        while x < 1 { x *= 10; power -= 1 }
        return power
    }
}
