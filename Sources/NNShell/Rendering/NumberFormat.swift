
/// How numbers appear on screen: rounded to `digits` decimals, trailing zeros dropped,
/// scientific notation for very large or very small magnitudes. Full precision (the
/// shortest text that reads back as the same Double) is `full(_:)`.
public struct NumberFormat: Sendable, Equatable {
    public var digits: Int

    public init(digits: Int = 4) { self.digits = digits }

    public func callAsFunction(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
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
