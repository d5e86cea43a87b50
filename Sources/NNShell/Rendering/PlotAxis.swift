import Glibc

/// One axis of a plot: the interval it shows, linear or logarithmic, and its ticks.
///
/// Linear ticks step by 1, 2 or 5 times a power of ten; the interval may be widened to the
/// ticks around the data so that both ends carry a label. Logarithmic ticks are powers of ten
/// (every one, or every second or third when there are many), with 2 and 5 between them
/// when the data spans two decades or less. `fraction(_:)` maps a value to 0…1 along the axis.
struct PlotAxis: Sendable, Equatable {
    enum Scale: String, Sendable { case linear, log }

    let scale: Scale
    let low: Double
    let high: Double
    let ticks: [Double]
    /// The distance between linear ticks (0 for a logarithmic axis).
    let step: Double

    /// Where `value` lies between `low` (0) and `high` (1); nil for a non-finite value, or a
    /// value ≤ 0 on a logarithmic axis.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear: return (value - low) / (high - low)
        case .log: return value > 0 ? (log10(value) - log10(low)) / (log10(high) - log10(low)) : nil
        }
    }

    /// A linear axis over `low…high` with about `tickCount` ticks, never closer than
    /// `minimumStep` (1 for counts such as updates). With `widen`, the interval grows to the
    /// nearest ticks outside the data.
    static func linear(_ low: Double, _ high: Double, tickCount: Int, widen: Bool = true, minimumStep: Double = 0)
        -> PlotAxis
    {
        var (low, high) = (low, high)
        if high <= low {
            let pad = low == 0 ? 1 : abs(low) * 0.5
            (low, high) = (low - pad, high + pad)
        }
        let step = max(niceStep((high - low) / Double(max(tickCount - 1, 1))), minimumStep)
        if widen {
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
        }
        let first = (low / step).rounded(.up), last = (high / step).rounded(.down)
        // i/(1/step) is the correctly rounded decimal (0.6, not 0.6000000000000001).
        let inverse = (1 / step).rounded()
        let tick = { (i: Double) -> Double in i == 0 ? 0 : step < 1 ? i / inverse : i * step }
        let ticks = first <= last ? Swift.stride(from: first, through: last, by: 1).map(tick) : []
        return PlotAxis(scale: .linear, low: low, high: high, ticks: ticks, step: step)
    }

    /// A logarithmic axis over the positive interval `low…high`, widened to the ticks around it.
    static func logarithmic(_ low: Double, _ high: Double, tickCount: Int) -> PlotAxis {
        precondition(low > 0 && high > 0, "A logarithmic axis needs positive values.")
        let lowDecade = log10(low).rounded(.down), highDecade = max(log10(high).rounded(.up), lowDecade + 1)
        let decades = Int(highDecade - lowDecade)
        if decades <= 2 {
            let candidates = (Int(lowDecade)...Int(highDecade)).flatMap { e in
                [1.0, 2, 5].map { $0 * pow(10, Double(e)) }
            }
            let below = candidates.last { $0 <= low * (1 + 1e-12) } ?? candidates[0]
            let above = candidates.first { $0 >= high * (1 - 1e-12) } ?? candidates[candidates.count - 1]
            return PlotAxis(
                scale: .log, low: below, high: above, ticks: candidates.filter { $0 >= below && $0 <= above }, step: 0)
        }
        let every = max(1, Int((Double(decades) / Double(max(tickCount - 1, 1))).rounded(.up)))
        let ticks = Swift.stride(from: Int(lowDecade), through: Int(highDecade), by: every).map { pow(10, Double($0)) }
        return PlotAxis(scale: .log, low: pow(10, lowDecade), high: pow(10, highDecade), ticks: ticks, step: 0)
    }

    /// 1, 2 or 5 times a power of ten, the nearest to `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, log10(raw).rounded(.down))
        let residual = raw / magnitude
        let nice: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
        return nice * magnitude
    }

    /// A tick's label: as many decimals as the step needs ("0.25", "100"), or `2e-5` when the
    /// numbers are very large or very small.
    func label(_ value: Double) -> String {
        if value == 0 { return "0" }
        switch scale {
        case .linear:
            let largest = max(abs(low), abs(high))
            if largest >= 1e6 || step < 1e-4 {
                let exponent = Int(log10(largest).rounded(.down))
                let stepExponent = Int(log10(step).rounded(.down))
                return Self.scientific(value, exponent: exponent, decimals: max(0, exponent - stepExponent))
            }
            let decimals = max(0, -Int(log10(step).rounded(.down)))
            return Self.trimMinusZero(System.format("%.\(decimals)f", value))
        case .log:
            let exponent = Int(log10(value).rounded(.down))
            if (-4...5).contains(exponent) {
                return Self.trimMinusZero(System.format("%.\(max(0, -exponent))f", value))
            }
            return Self.scientific(value, exponent: exponent, decimals: 0)
        }
    }

    static func scientific(_ value: Double, exponent: Int, decimals: Int) -> String {
        let mantissa = value / pow(10, Double(exponent))
        return trimMinusZero(System.format("%.\(decimals)f", mantissa)) + "e\(exponent)"
    }

    static func trimMinusZero(_ text: String) -> String {
        text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." } ? String(text.dropFirst()) : text
    }
}
