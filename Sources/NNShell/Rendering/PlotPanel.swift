import Glibc
import NNEngine

/// One named series of (x, y) points. Non-finite points break the line.
///
/// A series read from a record also keeps its buckets (`spans`): where a column of the plot
/// covers several values, the renderers draw their range from minimum to maximum and the
/// mean; `points` are then the buckets' means.
struct PlotSeries: Sendable {
    var name: String
    var points: [(Double, Double)]
    var spans: [PlotSpan] = []

    init(name: String, points: [(Double, Double)]) {
        self.name = name
        self.points = points
    }

    /// A series from envelope buckets; x runs over their indices, or with `byTag` over their tags.
    init(name: String, buckets: [Envelope.Bucket], byTag: Bool = false) {
        self.name = name
        spans = buckets.map { b in
            PlotSpan(
                x0: Double(byTag ? b.firstTag : b.first), x1: Double(byTag ? b.lastTag : b.last),
                low: b.min, high: b.max, mean: b.mean, count: b.count)
        }
        points = spans.map { ($0.x1 == $0.x0 ? $0.x0 : ($0.x0 + $0.x1) / 2, $0.mean) }
    }
}

/// One bucket of a recorded series: the x values it covers and the exact minimum, maximum
/// and mean of the `count` values inside.
struct PlotSpan: Sendable, Equatable {
    var x0: Double, x1: Double
    var low: Double, high: Double, mean: Double
    var count: Int
}

/// One plot: series over shared axes, with a title, axis names and a legend. The terminal
/// renderer (`LinePlot`) and the SVG renderer (`SVGLinePlot`) draw the same panel.
struct PlotPanel: Sendable {
    var title: String?
    var series: [PlotSeries]
    var xLabel: String
    var yLabel: String
    /// Asks for a logarithmic y axis; honoured only when every value is positive.
    var logY = false
    /// Fixes the y interval, for panels that must be compared on one scale.
    var yRange: ClosedRange<Double>?
    /// The legend's single entry when the series are too many to name one by one.
    var bundleLabel: String?
    /// Lines printed under the legend.
    var notes: [String] = []

    init(
        title: String? = nil, series: [PlotSeries], xLabel: String, yLabel: String, logY: Bool = false,
        yRange: ClosedRange<Double>? = nil, bundleLabel: String? = nil, notes: [String] = []
    ) {
        self.title = title
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logY = logY
        self.yRange = yRange
        self.bundleLabel = bundleLabel
        self.notes = notes
    }

    /// Every point, and every bucket's extremes, so that the axes cover the true range.
    private var finitePoints: [(Double, Double)] {
        series.flatMap { s in s.points + s.spans.flatMap { [($0.x0, $0.low), ($0.x1, $0.high)] } }
            .filter { $0.0.isFinite && $0.1.isFinite }
    }

    /// True when the y axis is logarithmic: asked for, and every value is positive.
    var usesLogY: Bool {
        logY && !finitePoints.isEmpty && finitePoints.allSatisfy { $0.1 > 0 }
            && (yRange.map { $0.lowerBound > 0 } ?? true)
    }

    /// Why a logarithmic axis was asked for but not used, if so.
    var logFallbackNote: String? {
        logY && !usesLogY && !finitePoints.isEmpty
            ? "(the y scale is linear: some values are 0 or negative and have no logarithm)" : nil
    }

    /// Shows every series one by one in the legend, each with its own marker.
    var namesSeries: Bool { series.count <= PlotStyle.distinctLimit && bundleLabel == nil || series.count == 1 }

    /// Places markers along the lines so that series can be told apart without colour.
    var usesMarkers: Bool { namesSeries && series.count > 1 }

    /// The axes for this panel, or nil when there is nothing finite to draw.
    func axes(xTicks: Int, yTicks: Int) -> (x: PlotAxis, y: PlotAxis)? {
        let points = finitePoints
        guard let first = points.first else { return nil }
        var minX = first.0, maxX = first.0, minY = first.1, maxY = first.1
        for (x, y) in points {
            minX = min(minX, x); maxX = max(maxX, x)
            minY = min(minY, y); maxY = max(maxY, y)
        }
        if let yRange { minY = min(minY, yRange.lowerBound); maxY = max(maxY, yRange.upperBound) }
        let counts = points.allSatisfy { $0.0 == $0.0.rounded() }
        let xAxis = PlotAxis.linear(minX, maxX, tickCount: xTicks, minimumStep: counts ? 1 : 0)
        let yAxis =
            usesLogY
            ? PlotAxis.logarithmic(minY, maxY, tickCount: yTicks) : PlotAxis.linear(minY, maxY, tickCount: yTicks)
        return (xAxis, yAxis)
    }

    /// Indices of the points of series `index` that carry a marker: every point when there are
    /// few, otherwise `spaced` evenly spaced ones, shifted per series so markers do not pile up.
    func markerIndices(series index: Int, everyPointBelow limit: Int, spaced: Int = 6) -> [Int] {
        let count = series[index].points.count
        guard count > 0 else { return [] }
        if count <= limit { return Array(0..<count) }
        let phase = (Double(index) + 0.5) / Double(series.count)
        return (0..<spaced).map { m in Int(((Double(m) + phase) / Double(spaced) * Double(count - 1)).rounded()) }
    }
}
