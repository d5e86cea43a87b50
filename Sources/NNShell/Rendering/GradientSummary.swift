import NNEngine

/// `show gradients` and `show deltas` on a network too large to print whole: per layer, the
/// largest entries, and the commands that show a part in full (`show gradients layer 2`,
/// `show gradients w1_*`) or everything (`--all`), as `show weights` summarises its matrices.
enum GradientSummary {
    /// Up to this many parameters (or nodes, for deltas) everything is shown without asking.
    static let fullLimit = 60
    /// The largest entries shown for each layer in a summary.
    static let largestShown = 5

    /// What part of the gradients or deltas was asked for.
    enum Part: Equatable {
        case automatic, all, layer(Int), parameters([Int])
    }

    /// Reads `[layer K | PATTERN… | --all]` after the topic.
    static func part(_ words: [Token], network: Network, topic: String) throws(ShellError) -> Part {
        guard let first = words.first else { return .automatic }
        let usage = "show \(topic) [layer K | \(topic == "deltas" ? "" : "NAME-PATTERN… | ")--all]"
        if first.text == "--all" {
            try Arguments.expectAtMost(1, words, usage: usage)
            return .all
        }
        if first.text.lowercased() == "layer" {
            try Arguments.expectAtMost(2, words, usage: usage)
            guard words.count == 2 else {
                throw ShellError.syntax("'layer' needs a layer number; usage: \(usage)", column: first.column)
            }
            return .layer(try Arguments.integer(words[1], "the layer", in: 1...network.layerCount))
        }
        guard topic == "gradients" else {
            throw ShellError.at(first, "unexpected '\(first.text)'; usage: \(usage)")
        }
        return .parameters(try ParameterPattern.indices(words, in: network))
    }

    /// Reads `[layer K] [--all]` after `show forward`.
    static func forwardPart(_ words: [Token], network: Network) throws(ShellError) -> (ClosedRange<Int>?, Bool) {
        let usage = "show forward [layer K] [--all]"
        let full = words.contains { $0.text == "--all" }
        let rest = words.filter { $0.text != "--all" }
        guard let first = rest.first else { return (nil, full) }
        guard first.text.lowercased() == "layer", rest.count == 2 else {
            throw ShellError.at(first, "unexpected '\(first.text)'; usage: \(usage)")
        }
        let k = try Arguments.integer(rest[1], "the layer", in: 1...network.layerCount)
        return (k...k, full)
    }

    /// The gradients of `part`; a summary when the network is large and nothing was chosen.
    static func gradients(
        _ record: StepRecord, network: Network, part: Part, notation: Notation, format: NumberFormat,
        stop: (() -> Bool)? = nil
    ) -> String {
        let chosen: [Parameter]
        switch part {
        case .automatic where network.parameterCount <= fullLimit, .all:
            return GradientText.render(record, network: network, notation: notation, format: format, stop: stop)
        case .automatic:
            return summary(record, network: network, notation: notation, format: format)
        case .layer(let k):
            chosen = GradientText.courseOrder(network).filter { $0.layer == k }
        case .parameters(let indices):
            let wanted = Set(indices)
            chosen = GradientText.courseOrder(network).filter { wanted.contains(network.index(of: $0)!) }
        }
        return GradientText.render(
            record, network: network, notation: notation, format: format, only: chosen, stop: stop)
    }

    /// Per layer: how many parameters, the largest |G|, and the chains of the largest few.
    static func summary(_ record: StepRecord, network: Network, notation: Notation, format: NumberFormat) -> String {
        var out = [
            "\(network.parameterCount) gradients in update \(record.update); per layer, the \(largestShown) largest |G|:"
        ]
        for k in stride(from: network.layerCount, through: 1, by: -1) {
            let indices = Array(network.weightOffsets[k]..<network.biasOffsets[k] + network.sizes[k])
            let ranked = largest(indices.map { (index: $0, magnitude: abs(record.gradient[$0])) })
            let mean = indices.reduce(0) { $0 + abs(record.gradient[$1]) } / Double(max(indices.count, 1))
            out.append("")
            out.append("layer \(k): \(indices.count) parameters, mean |G| \(format(mean))")
            for index in ranked {
                var block = GradientText.chain(
                    network.explainGradient(network.parameter(at: index), record.trace), notation: notation,
                    format: format)
                if !record.isSingleSample { block += "   (G = \(format(record.gradient[index])))" }
                out.append(block.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            }
        }
        out.append("")
        out.append(
            "'show gradients layer \(network.layerCount)' shows one layer in full, 'show gradients w1_*' the parameters whose names match, 'show gradients --all' all \(network.parameterCount)"
        )
        return out.joined(separator: "\n") + "\n"
    }

    /// The deltas of `part`; per layer the largest few when the network is large.
    static func deltas(_ record: StepRecord, network: Network, part: Part, notation: Notation, format: NumberFormat)
        -> String
    {
        let nodes = network.sizes.dropFirst().reduce(0, +)
        let all = network.explainDeltas(record.trace)
        switch part {
        case .automatic where nodes <= fullLimit, .all, .parameters:
            return GradientText.deltas(all, notation: notation, format: format)
        case .layer(let k):
            return GradientText.deltas(all.filter { $0.layer == k }, notation: notation, format: format)
        case .automatic:
            var out = [
                "\(nodes) deltas in update \(record.update); per layer, the \(largestShown) largest |δ|:".replacing(
                    "δ", with: notation.ascii ? "delta" : "δ")
            ]
            for k in stride(from: network.layerCount, through: 1, by: -1) {
                let layer = all.filter { $0.layer == k }
                let ranked = Set(largest(layer.indices.map { (index: $0, magnitude: abs(layer[$0].value)) }))
                out.append("layer \(k): \(counted(layer.count, "node"))")
                out.append(
                    GradientText.deltas(
                        layer.indices.filter(ranked.contains).map { layer[$0] }, notation: notation, format: format
                    )
                    .trimmedNewlines.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            }
            out.append("'show deltas layer 1' shows one layer in full, 'show deltas --all' all \(nodes)")
            return out.joined(separator: "\n") + "\n"
        }
    }

    /// The indices of the `largestShown` largest magnitudes, largest first (ties: lower index first).
    static func largest(_ entries: [(index: Int, magnitude: Double)]) -> [Int] {
        entries.sorted { $0.magnitude > $1.magnitude || ($0.magnitude == $1.magnitude && $0.index < $1.index) }
            .prefix(largestShown).map(\.index)
    }
}
