/// The session as the learner saw it: each line, the prompt it was typed at, what it printed
/// and, for a picture (`plot …`), the same picture as SVG. `review --html` renders it.
struct Transcript: Sendable {
    struct Entry: Sendable {
        var prompt: String
        var line: String
        var output: String
        var error: String?
        /// The pictures it drew (a `plot` line, or the lesson's plots after Enter), as SVG.
        var pictures: [String] = []
    }

    /// Older entries are dropped past these, so a long session stays small.
    static let entryLimit = 400
    static let outputLimit = 16_000
    static let pictureLimit = 24

    private(set) var entries: [Entry] = []

    /// True while more pictures may be kept.
    var takesPictures: Bool { entries.reduce(0) { $0 + $1.pictures.count } < Self.pictureLimit }

    mutating func record(prompt: String, line: String, outcome: Outcome, pictures: [String]) {
        var output = outcome.output
        if output.count > Self.outputLimit { output = String(output.prefix(Self.outputLimit)) + "\n…\n" }
        entries.append(
            Entry(prompt: prompt, line: line, output: output, error: outcome.error?.message, pictures: pictures))
        if entries.count > Self.entryLimit { entries.removeFirst(entries.count - Self.entryLimit) }
    }
}

extension Transcript {
    /// For a `plot` line that draws a picture, the same picture as SVG, drawn again on a copy
    /// of `state` with `--svg -`; nil for any other line.
    static func picture(of line: String, _ state: SessionState, _ context: CommandContext) -> String? {
        let words = (try? Token.split(line)) ?? []
        guard words.first.flatMap({ Command.named($0.text) })?.name == "plot", words.count >= 2,
            ["loss", "weights", "weight", "params", "grads", "gradients", "grad", "boundary", "regions"]
                .contains(words[1].text.lowercased())
        else { return nil }
        var copy = state
        let svg = try? Command.dispatch(Token.withoutComment(line) + " --svg -", &copy, context).0
        return svg.flatMap { $0.hasPrefix("<") ? $0 : nil }
    }
}
