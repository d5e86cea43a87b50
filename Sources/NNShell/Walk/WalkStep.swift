import NNEngine

/// One sub-step of a walked update: one number and how it is made, or a piece of text.
///
/// An equation reads `name = forms… = numbers = value`; the walk shows it whole, predict
/// mode first asks `name = forms… = ?` and, after a miss, names the numbers it is made of.
struct WalkStep: Sendable {
    /// What is computed: `z₁₁`, `δ₂₁`, `∂L/∂w²₁₁`, or a heading such as `the sample`.
    var name: String
    /// The symbolic right-hand sides, in order (`w¹₁₁·x_i1 + w¹₂₁·x_i2 + b₁₁`).
    var forms: [String] = []
    /// The same with the numbers put in, or nil when there is nothing to put in.
    var numbers: String?
    /// The engine's value; nil for a step without one number (the sample, the moves).
    var value: Double?
    /// Lines after the equation: notes, flags, a table.
    var notes: [String] = []
    /// What kind of number this is, for the score: "the δ of a sigmoid".
    var kind = ""

    /// The whole sub-step, its first line after `prefix` and the rest indented to match.
    func rendered(prefix: String, format: NumberFormat) -> String {
        var lines: [String] = []
        if let value {
            lines = Self.equation(
                name, forms + (numbers.map { [$0] } ?? []) + [format(value)], indent: prefix.displayWidth)
        } else {
            lines = [name]
        }
        let pad = String(repeating: " ", count: prefix.displayWidth)
        let body = [prefix + lines[0]] + lines.dropFirst().map { pad + $0 } + notes.map { pad + $0 }
        return body.joined(separator: "\n") + "\n"
    }

    /// `name = a = b = c` on one line when it fits 80 columns, else one `=` a line, aligned.
    static func equation(_ name: String, _ sides: [String], indent: Int) -> [String] {
        let line = ([name] + sides).joined(separator: " = ")
        if line.displayWidth + indent <= 80 || sides.count < 2 { return [line] }
        let pad = String(repeating: " ", count: name.displayWidth)
        return ["\(name) = \(sides[0])"] + sides.dropFirst().map { "\(pad) = \($0)" }
    }

    /// The question predict mode asks: the forms, and `?` for the value.
    var question: String {
        (([name] + forms) + ["?"]).joined(separator: " = ")
    }
}

/// A walk in progress: the sub-steps of one update, how far it has got, and the update's
/// result, kept aside until the walk finishes (so `q` leaves the network as it was).
struct WalkSession: Sendable {
    var steps: [WalkStep]
    /// Sub-steps already shown.
    var shown = 0
    /// The training state after the update, and the `last_run` record that goes with it.
    var after: Training
    var lastRun: LastRun
    /// True when each number is asked for before it is shown.
    var predicting: Bool
    var format: NumberFormat
    /// Predictions judged so far, and the kinds of number missed, in order of first miss.
    var asked = 0
    var right = 0
    var misses: [(kind: String, count: Int)] = []

    var isFinished: Bool { shown >= steps.count }

    /// `[3/21] ` for sub-step `index` (0-based).
    func prefix(_ index: Int) -> String { "[\(index + 1)/\(steps.count)] " }

    /// The prompt while it waits: `walk [4/21]> ` or, when a number is asked, `predict [4/21]> `.
    var prompt: String {
        let next = "[\(min(shown + 1, steps.count))/\(steps.count)]"
        return (awaitsPrediction ? "predict " : "walk ") + next + "> "
    }

    /// True when the next sub-step has a number and predict mode is on.
    var awaitsPrediction: Bool { predicting && !isFinished && steps[shown].value != nil }

    mutating func recordMiss(_ kind: String) {
        if let index = misses.firstIndex(where: { $0.kind == kind }) {
            misses[index].count += 1
        } else {
            misses.append((kind: kind, count: 1))
        }
    }

    /// "11 of 14 right; you missed the δ of a sigmoid twice".
    var score: String {
        guard asked > 0 else { return "no predictions were judged" }
        var text = "\(right) of \(asked) right"
        if let most = misses.max(by: { $0.count < $1.count }) {
            let times = most.count == 1 ? "once" : most.count == 2 ? "twice" : "\(most.count) times"
            text += "; you missed \(most.kind) \(times)"
        }
        return text
    }
}
