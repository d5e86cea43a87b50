/// How numbers appear on screen: rounded to `digits` decimals, trailing zeros dropped,
/// scientific notation for very large or very small magnitudes. Full precision (the
/// shortest text that reads back as the same Double) is `full(_:)`.
///
/// With `fixed` (`set digits N fixed`) every number has exactly `digits` decimals, trailing
/// zeros kept and no scientific notation below 1e15, so right-aligned columns line up on the
/// decimal point: 0.0100, 0.3500, −2.0000. A value that rounds to zero shows no sign.
public struct NumberFormat: Sendable, Equatable {
    public var digits: Int
    public var fixed: Bool

    public init(digits: Int = 4, fixed: Bool = false) {
        self.digits = digits
        self.fixed = fixed
    }

    public func callAsFunction(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if fixed { return fixedText(value) }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 0.5 * Self.powerOfTen(-digits) {
            return System.format("%.\(max(digits - 1, 1))e", value)
        }
        var text = System.format("%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Exactly `digits` decimals; "-0.000" becomes "0.000".
    private func fixedText(_ value: Double) -> String {
        if abs(value) >= 1e15 { return System.format("%.\(digits)e", value) }
        let text = System.format("%.\(digits)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    static func powerOfTen(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(n) { value *= 10 }
        return n < 0 ? 1 / value : value
    }

    /// The shortest decimal that reads back as exactly `value`.
    public static func full(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
