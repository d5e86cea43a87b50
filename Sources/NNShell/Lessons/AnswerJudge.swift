/// Judges a typed number by the digits typed: it is right when the engine's value rounds to
/// it at the precision it was typed with.
///
/// `0.298` claims three decimals, so it is right for any value in [0.2975, 0.2985]; `3.51e-5`
/// claims two decimals of the mantissa, so [3.505e-5, 3.515e-5]. At least three significant
/// digits must be typed (`0.3` says too little to judge) unless the typed number is exactly the
/// value (`0`, `2`). Lessons (answers without `within:`) and the walk's predictions both use it.
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
              parts.contains(where: { !$0.isEmpty }), let value = Double(text.trimmed) else { return nil }
        let decimals = parts.count == 2 ? parts[1].count : 0
        let digits = parts.joined().drop { $0 == "0" }.count
        return Reading(value: value, significantDigits: digits,
                       halfUnit: 0.5 * NumberFormat.powerOfTen(exponent - decimals))
    }

    /// The verdict on `typed` for the engine's `expected` value.
    public static func judge(_ typed: String, expected: Double) -> Verdict {
        guard let reading = read(typed) else {
            return .unreadable("a number with at least \(minimumDigits) significant digits, like 0.298 or -2.50")
        }
        if reading.value == expected { return .right }
        if reading.significantDigits < minimumDigits { return .tooFewDigits(reading.significantDigits) }
        // A little slack for the binary representation of both numbers.
        let slack = 1e-12 * max(abs(expected), abs(reading.value))
        if abs(expected - reading.value) <= reading.halfUnit + slack { return .right }
        let signWrong = expected != 0 && reading.value != 0 && (expected < 0) != (reading.value < 0)
        return .wrong(tooHigh: reading.value > expected, signWrong: signWrong)
    }

    /// A short phrase for a miss: `too high`, `too low, and the sign is wrong`.
    public static func describe(_ verdict: Verdict) -> String {
        switch verdict {
        case .right: return "right"
        case .wrong(let high, let sign): return (high ? "too high" : "too low") + (sign ? ", and the sign is wrong" : "")
        case .unreadable(let what): return "expected " + what
        case .tooFewDigits(let n):
            return "\(n == 1 ? "one significant digit is" : "\(n) significant digits are") too few to judge; "
                + "type at least \(minimumDigits), like 0.298"
        }
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
