import NNEngine

/// What `plot loss`, `plot weights` and `plot grads` draw, taken from the training record:
/// the panels, their series, titles and notes. The renderers only lay them out.
enum PlotData {
    enum LossAxis { case updates, epochs }
    enum WeightSelection: Equatable { case all, layer(Int), parameters([Parameter]) }

    /// The current run's loss history in the shape of a kept run.
    static func run(_ training: Training, name: String, notation: Notation) -> SavedRun {
        let recorder = training.recorder
        let settings = training.settings
        let mode = settings.mode == .minibatch ? "minibatch of \(settings.batchSize)" : settings.mode.rawValue
        let sizes =
            training.network.sizes.map(String.init).joined(separator: "-")
            + (training.network.residual ? " residual" : "")
        let summary =
            "\(sizes), \(mode), \(notation.eta) = \(NumberFormat()(settings.learningRate)), "
            + "\(training.updateCount) update\(training.updateCount == 1 ? "" : "s")"
        return SavedRun(
            name: name,
            epochs: recorder.epochBuckets, updates: recorder.lossBuckets,
            summary: summary, testEpochs: training.testLosses.buckets,
            gradients: (1...training.network.layerCount).map(recorder.gradientNormBuckets(layer:)),
            lastGradients: (1...training.network.layerCount).map { recorder.lastGradientNorm(layer: $0) ?? .nan })
    }

    /// The loss: of one run per update with its epoch means on top, or of several runs
    /// (kept ones and the current one) laid over each other.
    static func lossPanel(current: SavedRun?, kept: [SavedRun], axis: LossAxis?, logY: Bool) -> PlotPanel {
        var runs = kept
        if let current, !current.updates.isEmpty, !kept.contains(where: { $0.updates == current.updates }) {
            runs.append(current)
        }
        let losses = { (run: SavedRun) in PlotSeries(name: run.name, buckets: run.updates) }
        let means = { (run: SavedRun) in PlotSeries(name: run.name, buckets: run.epochs) }
        if runs.count <= 1 {
            let run = runs.first ?? SavedRun(name: "", epochs: [], updates: [], summary: "")
            let test = run.testEpochs
            if axis == .epochs {
                var series = [PlotSeries(name: "mean loss of each epoch", buckets: run.epochs)]
                if !test.isEmpty { series.append(PlotSeries(name: "test loss after each epoch", buckets: test)) }
                return PlotPanel(
                    title: "mean loss of each epoch" + (test.isEmpty ? "" : " and the test loss"), series: series,
                    xLabel: "epoch", yLabel: "loss", logY: logY)
            }
            var series = [PlotSeries(name: "loss of each update", buckets: run.updates)]
            if !run.epochs.isEmpty {
                series.append(
                    PlotSeries(name: "mean loss of each epoch (at its last update)", buckets: run.epochs, byTag: true))
            }
            if !test.isEmpty {
                series.append(PlotSeries(name: "test loss after each epoch", buckets: test, byTag: true))
            }
            let title =
                "loss of each update"
                + (run.epochs.isEmpty
                    ? ""
                    : test.isEmpty
                        ? " and mean loss of each epoch"
                        : ", mean loss of each epoch and the test loss")
            return PlotPanel(
                title: title, series: series,
                xLabel: "update", yLabel: "loss", logY: logY)
        }
        let byEpoch = axis == .epochs || (axis == nil && runs.allSatisfy { !$0.epochs.isEmpty })
        let series = runs.map { byEpoch ? means($0) : losses($0) }
        return PlotPanel(
            title: (byEpoch ? "mean loss of each epoch" : "loss of each update") + ", \(runs.count) runs",
            series: series, xLabel: byEpoch ? "epoch" : "update", yLabel: "loss", logY: logY,
            notes: runs.map { "\($0.name): \($0.summary)" })
    }

    /// Each parameter's value from the start (update 0) over the recorded updates: one panel
    /// per layer on one shared scale, or one panel for a layer or a list of names.
    static func weightPanels(_ training: Training, selection: WeightSelection, notation: Notation, format: NumberFormat)
        -> [PlotPanel]
    {
        let network = training.network
        let groups: [(title: String, parameters: [Parameter], layer: Int?)]
        switch selection {
        case .all:
            groups = (1...network.layerCount).map { k in (layerTitle(k, network), layerParameters(k, network), k) }
        case .layer(let k):
            groups = [(layerTitle(k, network), layerParameters(k, network), k)]
        case .parameters(let list):
            groups = [(list.map(notation.parameter).joined(separator: ", ") + " over the updates", list, nil)]
        }
        let recorder = training.recorder
        var panels = groups.map { group -> PlotPanel in
            // Before the first update there is no history to draw, only a starting point.
            guard recorder.count > 0 else {
                return PlotPanel(title: group.title, series: [], xLabel: "update", yLabel: "value")
            }
            let followed = group.parameters.filter { recorder.isTracked(network.index(of: $0)!) }
            let series = followed.map { p -> PlotSeries in
                let index = network.index(of: p)!
                let start = training.initialParameters[index]
                let before = Envelope.Bucket(
                    first: 0, last: 0, firstTag: 0, lastTag: 0, min: start, max: start, mean: start)
                return PlotSeries(
                    name: notation.parameter(p), buckets: [before] + (recorder.parameterBuckets(index) ?? []))
            }
            var notes: [String] = []
            if followed.count < group.parameters.count {
                notes.append(
                    "showing the \(followed.count) of these \(group.parameters.count) parameters that training follows (an even sample of each layer)"
                )
            }
            if let move = largestMove(training, among: group.parameters) {
                let among = followed.count < group.parameters.count ? " (of all \(group.parameters.count))" : ""
                notes.append(
                    "largest move since the start\(among): \(notation.parameter(move.parameter)) by \(format(move.by))")
            }
            let bundle = series.count > PlotStyle.distinctLimit ? "\(series.count) parameters" : nil
            if bundle != nil {
                notes.append(
                    "too many to tell apart; name a few, like 'plot weights "
                        + followed.prefix(2).map(\.asciiName).joined(separator: " ") + "'")
            }
            return PlotPanel(
                title: group.title, series: series, xLabel: "update", yLabel: "value", bundleLabel: bundle, notes: notes
            )
        }
        // One scale for every panel, so that a layer that hardly moves looks flat.
        let values = panels.flatMap {
            $0.series.flatMap { s in s.points.map(\.1) + s.spans.flatMap { [$0.low, $0.high] } }
        }
        .filter(\.isFinite)
        if panels.count > 1, let low = values.min(), let high = values.max() {
            for index in panels.indices { panels[index].yRange = low...high }
        }
        return panels
    }

    static func layerTitle(_ k: Int, _ network: Network) -> String {
        "layer \(k) (\(network.activations[k - 1].rawValue)): weights and biases over the updates"
    }

    static func layerParameters(_ k: Int, _ network: Network) -> [Parameter] {
        (network.weightOffsets[k]..<network.biasOffsets[k] + network.sizes[k]).map(network.parameter(at:))
    }

    /// The parameter among `parameters` that moved furthest from its starting value, over
    /// all of them (the current values against the initial ones), and by how much.
    static func largestMove(_ training: Training, among parameters: [Parameter]) -> (parameter: Parameter, by: Double)?
    {
        guard training.updateCount > 0 else { return nil }
        var best: (parameter: Parameter, by: Double)?
        for p in parameters {
            let index = training.network.index(of: p)!
            let move = abs(training.network.parameters[index] - training.initialParameters[index])
            if best == nil || move > best!.by || move.isNaN { best = (p, move) }
        }
        return best
    }

    static func largestMove(_ training: Training, layer k: Int) -> (parameter: Parameter, by: Double)? {
        largestMove(training, among: layerParameters(k, training.network))
    }

    /// ‖∂L/∂Wᵏ‖ of each layer at each recorded update, on a logarithmic scale by default.
    static func gradientPanel(_ training: Training, logY: Bool, notation: Notation, format: NumberFormat) -> PlotPanel {
        let recorder = training.recorder, layers = training.network.layerCount
        let series = (1...layers).map { k in
            PlotSeries(name: gradientName(k, notation), buckets: recorder.gradientNormBuckets(layer: k))
        }
        var notes: [String] = []
        if recorder.count > 0 {
            let latest = (1...layers).map { "layer \($0) \(format(recorder.lastGradientNorm(layer: $0) ?? .nan))" }
            notes.append("at update \(training.updateCount): " + latest.joined(separator: ", "))
        }
        return PlotPanel(
            title: "size of each layer's weight gradient (its Frobenius norm) at each update", series: series,
            xLabel: "update", yLabel: "gradient size", logY: logY, notes: notes)
    }

    static func gradientName(_ k: Int, _ notation: Notation) -> String {
        notation.ascii ? "layer \(k): |dL/dW\(k)|" : "layer \(k): ‖∂L/∂W" + Notation.sup(k) + "‖"
    }
}
