/// Decides whether a number the learner typed is the engine's, for lesson questions and for
/// `set predict on` alike, so both judge the same way.
///
/// A plain number is judged by the digits typed: it is right when the engine's value rounds
/// to it at the precision it was typed (`0.372` means 0.3715 … 0.3725), and it must have at
/// least three significant digits unless it is the value exactly (a count like `6`, or `0.25`).
/// Arithmetic (`-2*(1.8-167)`) is right within one unit of its fourth significant digit.
/// A teacher's `within:` replaces both rules.
enum AnswerJudge {
    /// A teacher's explicit tolerance (`within: 0.01`, `within: 1%`, `within: 0`).
    enum Tolerance: Sendable, Equatable {
        case absolute(Double)
        case relative(Double)

        func accepts(_ typed: Double, _ expected: Double) -> Bool {
            let gap = abs(typed - expected)
            switch self {
            case .absolute(let d): return gap <= d * (1 + 1e-9) + 1e-12 * abs(expected)
            case .relative(let r): return gap <= r * abs(expected) * (1 + 1e-9)
            }
        }
    }

    enum Verdict: Equatable {
        case right
        /// Wrong; `direction` says how (` (too high)`, ` (the size is right, but the sign is wrong)`).
        case wrong(direction: String)
        /// A plain number with fewer than three significant digits that is not the value exactly.
        case tooFewDigits(Int)
        /// Not a number (or it uses names).
        case unreadable
    }

    /// What the learner typed, read: its value, and for a plain number the decimals and
    /// significant digits written.
    struct Typed: Equatable {
        var value: Double
        /// Decimal places typed (`0.370` → 3; `1.2e-3` → 4); nil for arithmetic.
        var decimals: Int?
        var significant: Int
    }

    /// Judges `text` against `expected`.
    static func judge(_ text: String, expected: Double, within: Tolerance? = nil) -> Verdict {
        guard let typed = read(text) else { return .unreadable }
        return judge(typed, expected: expected, within: within)
    }

    static func judge(_ typed: Typed, expected: Double, within: Tolerance? = nil) -> Verdict {
        guard typed.value.isFinite, expected.isFinite else { return typed.value == expected ? .right : .wrong(direction: "") }
        if accepts(typed, expected, within) { return .right }
        if within == nil, typed.decimals != nil, typed.significant < 3 { return .tooFewDigits(typed.significant) }
        return .wrong(direction: direction(typed, expected, within))
    }

    /// True when `typed` is close enough to `expected` under `within`, or by its digits.
    static func accepts(_ typed: Typed, _ expected: Double, _ within: Tolerance?) -> Bool {
        if let within { return within.accepts(typed.value, expected) }
        if isExact(typed.value, expected) { return true }
        guard let decimals = typed.decimals else {
            guard expected != 0 else { return abs(typed.value) < 1e-12 }
            let unit = NumberFormat.powerOfTen(Int((abs(expected)).log10Floor) - 3)
            return abs(typed.value - expected) <= unit * (1 + 1e-9)
        }
        guard typed.significant >= 3 else { return false }
        return abs(typed.value - expected) <= 0.5 * NumberFormat.powerOfTen(-decimals) * (1 + 1e-9)
    }

    /// Equal up to floating-point noise.
    static func isExact(_ typed: Double, _ expected: Double) -> Bool {
        abs(typed - expected) <= 1e-9 * max(abs(expected), 1e-3)
    }

    /// Too high or too low, and whether only the sign is wrong.
    static func direction(_ typed: Typed, _ expected: Double, _ within: Tolerance?) -> String {
        guard typed.value.isFinite else { return "" }
        if typed.value != 0, expected != 0, (typed.value < 0) != (expected < 0) {
            var negated = typed
            negated.value = -typed.value
            if accepts(negated, expected, within) { return " (the size is right, but the sign is wrong)" }
            return typed.value > expected ? " (too high, and the sign is wrong)" : " (too low, and the sign is wrong)"
        }
        return typed.value > expected ? " (too high)" : " (too low)"
    }

    /// The one-line reply to a typed answer that is not judged right or wrong.
    static func notice(_ verdict: Verdict, typed: String) -> String? {
        switch verdict {
        case .tooFewDigits(let count):
            let written = count == 1 ? "one significant digit" : "\(count) significant digits"
            return "'\(typed)' has \(written); type at least three (like 0.123 or 12.3), so the answer shows your working."
        case .unreadable:
            return "'\(typed)' is not a number; type a number like 0.25 (arithmetic like 2*(5-1.8) is fine)."
        case .right, .wrong: return nil
        }
    }

    // MARK: Reading

    /// A plain number (`-0.0370`, `1.2e-3`) with its digits, or arithmetic without names; nil otherwise.
    static func read(_ text: String) -> Typed? {
        let trimmed = text.trimmed
        if let plain = plainNumber(trimmed) { return plain }
        guard let expression = try? ExpressionParser.parse(trimmed), !expression.isLive,
              let value = try? LiveScope(state: SessionState(), kept: [:]).evaluate(expression) else { return nil }
        return Typed(value: value, decimals: nil, significant: 4)
    }

    /// `[+-]digits[.digits][e[+-]digits]`, read with the digits it shows.
    static func plainNumber(_ text: String) -> Typed? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let power = Int(body[body.index(after: e)...]) else { return nil }
            exponent = power
            body = body[..<e]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.contains(where: { !$0.isEmpty }), let value = Double(text) else { return nil }
        let fraction = parts.count == 2 ? parts[1].count : 0
        let digits = parts.joined().drop { $0 == "0" }
        return Typed(value: value, decimals: fraction - exponent, significant: digits.count)
    }

    /// The engine's value written so that this judge accepts it: the session's digits, and
    /// more when they would show fewer than four significant digits (for answers files).
    static func typable(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite, value != 0 else { return NumberFormat.full(value) }
        let places = max(digits, 3 - Int(abs(value).log10Floor))
        var text = System.format("%.\(places)f", value)
        while text.contains("."), text.hasSuffix("0"), let shorter = Double(String(text.dropLast())),
              isExact(shorter, value) || plainNumber(String(text.dropLast()))!.significant >= 4 {
            text.removeLast()
        }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
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
