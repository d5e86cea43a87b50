import NNEngine

extension PlotData {
    /// `plot grads` with kept runs: one panel per run (the kept ones, then this one), all on one
    /// scale, so that a layer's gradient in one run can be read against the same layer in
    /// another, e.g. a plain deep network against the same one with residual shortcuts. Every
    /// value drawn is one the recorder kept for that run; nothing is trained again.
    static func gradientRunPanels(
        current: SavedRun, kept: [SavedRun], logY: Bool, notation: Notation,
        format: NumberFormat
    ) -> [PlotPanel] {
        var runs = kept.filter { !$0.gradients.isEmpty }
        if !current.updates.isEmpty, !runs.contains(where: { $0.updates == current.updates }) { runs.append(current) }
        var panels = runs.map { run in
            let series = run.gradients.indices.map { k in
                PlotSeries(name: gradientName(k + 1, notation), buckets: run.gradients[k])
            }
            let last = run.lastGradients.indices.map { "layer \($0 + 1) \(format(run.lastGradients[$0]))" }
            return PlotPanel(
                title: "\(run.name): each layer's weight gradient size (\(run.summary))", series: series,
                xLabel: "update", yLabel: "gradient size", logY: logY,
                notes: ["\(run.name), at its last update: " + last.joined(separator: ", ")])
        }
        guard let extremes = gradientExtremes(runs) else { return panels }
        for index in panels.indices { panels[index].yRange = extremes.low.value...extremes.high.value }
        panels[panels.count - 1].notes.append(
            "every panel on one scale: the smallest size recorded is "
                + "\(format(extremes.low.value)) (\(extremes.low.run), layer \(extremes.low.layer)), the largest "
                + "\(format(extremes.high.value)) (\(extremes.high.run), layer \(extremes.high.layer))")
        return panels
    }

    typealias GradientExtreme = (value: Double, run: String, layer: Int)

    /// The smallest and largest gradient size over every update of every run, from the buckets'
    /// exact minima and maxima; nil when nothing finite was recorded.
    static func gradientExtremes(_ runs: [SavedRun]) -> (low: GradientExtreme, high: GradientExtreme)? {
        var low: GradientExtreme?, high: GradientExtreme?
        for run in runs {
            for (index, buckets) in run.gradients.enumerated() {
                for bucket in buckets where bucket.min.isFinite && bucket.max.isFinite {
                    if low == nil || bucket.min < low!.value { low = (bucket.min, run.name, index + 1) }
                    if high == nil || bucket.max > high!.value { high = (bucket.max, run.name, index + 1) }
                }
            }
        }
        guard let low, let high else { return nil }
        return (low, high)
    }
}
