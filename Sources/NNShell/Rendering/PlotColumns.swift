/// A recorded series gathered into the columns of a plot: where one column covers several
/// values, it keeps their exact minimum, maximum and mean, so that nothing is sampled and a
/// single spike still reaches its height.
struct PlotColumn: Equatable {
    var column: Int
    var low: Double, high: Double
    /// The mean of the values in the column (the buckets' means weighted by their counts).
    var mean: Double
    var count: Int
}

enum PlotColumns {
    /// The buckets of `spans` by column: `column(x)` gives the column of an x value, or nil
    /// when it is off the axis. A bucket goes to the column of its middle.
    static func gather(_ spans: [PlotSpan], column: (Double) -> Int?) -> [PlotColumn] {
        var result: [PlotColumn] = []
        var sum = 0.0
        for span in spans where span.low.isFinite && span.high.isFinite && span.mean.isFinite {
            guard let c = column((span.x0 + span.x1) / 2) else { continue }
            if let last = result.last, last.column == c {
                sum += span.mean * Double(span.count)
                let count = last.count + span.count
                let low = min(last.low, span.low), high = max(last.high, span.high)
                result[result.count - 1] = PlotColumn(
                    column: c, low: low, high: high, mean: sum / Double(count), count: count)
            } else {
                sum = span.mean * Double(span.count)
                result.append(PlotColumn(column: c, low: span.low, high: span.high, mean: span.mean, count: span.count))
            }
        }
        return result
    }

    /// The caption for a panel whose columns cover several values each, or nil when each
    /// column holds at most one value.
    static func caption(_ columns: [[PlotColumn]], unit: String) -> String? {
        guard let most = columns.flatMap({ $0.map(\.count) }).max(), most > 1 else { return nil }
        return "each column: up to \(most) \(unit)s, drawn from their minimum to their maximum (dotted) "
            + "with their mean (solid)"
    }
}
