import NNEngine

extension Command {
    static let epoch = Command(
        name: "epoch",
        usage: "epoch [N] [--watch]",
        summary: "make N passes over the data and show each pass's mean loss",
        details: """
            One epoch is one pass over every row, with updates as the mode says (sgd: one per
            row; batch: one per pass; minibatch: one per 'batch' rows). The mean loss of a pass
            is the mean of the per-sample losses, each computed just before its update.
            Prints each pass's mean loss (the first and last few, and a plot, when there are
            many), the time the training loop took and the updates per second.
            Ctrl-C stops a long run and keeps the updates already made.
            With --watch, a live view redraws about ten times a second: the epoch, η, the
            loss curves (training and test) and, for two inputs, the boundary. Space pauses
            and resumes; q or Ctrl-C stops and keeps the updates. Off a terminal only the
            last view is printed.
            """,
        examples: ["epoch", "epoch 100", "epoch 500 --watch"],
        run: runEpoch
    )

    static let epochLimit = 100_000_000

    @Sendable static func runEpoch(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        if let watch = invocation.arguments.firstIndex(where: { $0.text.lowercased() == "--watch" }) {
            var words = invocation.arguments
            words.remove(at: watch)
            try invocation.expectAtMost(1, words)
            let count =
                try words.first.map { token throws(ShellError) in
                    try Arguments.integer(token, "the number of epochs", in: 1...epochLimit)
                } ?? 1
            return try runEpochWatch(count, invocation, &state)
        }
        try invocation.expectAtMost(1)
        let count =
            try invocation.arguments.first.map { token throws(ShellError) in
                try Arguments.integer(token, "the number of epochs", in: 1...epochLimit)
            } ?? 1
        var training = try state.requireTraining()
        let firstEpoch = training.cursor.pass + 1
        let startUpdate = training.updateCount
        let result = try TrainingRunner.runCommand(.passes(count), total: count, &training, invocation, &state)
        let notation = invocation.notationFor(state)
        let format = state.format
        let report = result.report
        var lines: [String] = []
        let shown = shownEpochs(
            report.firstEpochLosses, report.lastEpochLosses, count: report.epochCount, from: firstEpoch)
        let tests = shownEpochs(
            report.firstTestLosses, report.lastTestLosses, count: report.epochCount, from: firstEpoch)
        for (position, entry) in shown.enumerated() {
            if position > 0, entry.0 != shown[position - 1].0 + 1 { lines.append("  …") }
            let test = tests.count == shown.count ? "  test loss \(format(tests[position].1))" : ""
            lines.append("epoch \(entry.0)  mean loss \(format(entry.1))\(test)")
        }
        if report.epochCount > 12 {
            let points = training.recorder.epochBuckets.filter { $0.lastTag > startUpdate }.map {
                (Double($0.last), $0.mean)
            }
            var series = [PlotSeries(name: "mean loss of each epoch", points: points)]
            let testPoints = training.testLosses.buckets.filter { $0.lastTag > startUpdate }.map {
                (Double($0.last), $0.mean)
            }
            if !testPoints.isEmpty { series.append(PlotSeries(name: "test loss", points: testPoints)) }
            lines.append(
                LinePlot.render(
                    series: series,
                    xLabel: "epoch", yLabel: "loss", width: invocation.context.width, height: 10,
                    ascii: invocation.context.ascii,
                    format: format
                ).trimmedNewlines)
        }
        let rate = result.seconds > 0 ? Double(result.report.updates) / result.seconds : 0
        let epochs = report.epochCount == 0 ? "no epoch finished" : counted(report.epochCount, "epoch")
        lines.append(
            "\(epochs), \(counted(result.report.updates, "update")) in \(formatSeconds(result.seconds)) s (\(formatRate(rate)) updates/s)"
        )
        if let divergence = result.report.divergence {
            lines.append(
                TrainingRunner.divergenceMessage(divergence, notation: notation, format: format, data: training.data)
                    .trimmedNewlines)
        }
        if result.report.interrupted {
            lines.append("interrupted after \(counted(result.report.updates, "update")); they are kept")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first and last few epochs of a run with their values, numbered from `first`.
    static func shownEpochs(_ firsts: [Double], _ lasts: [Double], count: Int, from first: Int) -> [(Int, Double)] {
        count <= firsts.count + lasts.count
            ? (firsts + lasts.suffix(max(0, count - firsts.count))).enumerated().map { (first + $0.offset, $0.element) }
            : firsts.enumerated().map { (first + $0.offset, $0.element) }
                + lasts.enumerated().map { (first + count - lasts.count + $0.offset, $0.element) }
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds >= 1 ? System.format("%.2f", seconds) : System.format("%.6f", seconds)
    }

    static func formatRate(_ rate: Double) -> String {
        let whole = Int(rate.rounded())
        var digits = Array(String(whole))
        var result = ""
        while digits.count > 3 { result = "," + String(digits.suffix(3)) + result; digits.removeLast(3) }
        return String(digits) + result
    }
}
