import NNEngine

/// A textbook case built in one command: the lines that build it, where it comes from, and
/// what to try.
struct TextbookExample: Sendable {
    let name: String
    let summary: String
    let source: String
    /// Commands that build it, run as if typed.
    let commands: [String]
    let next: String
}

extension TextbookExample {
    static let all: [TextbookExample] = [
        TextbookExample(
            name: "mazur", summary: "Mazur's 2-2-2 sigmoid network, one row, biases frozen",
            source: "Matt Mazur, \"A Step by Step Backpropagation Example\" (2015)",
            commands: [
                "net 2-2-2 act=sigmoid loss=mse init=0",
                "set w1_11 0.15", "set w1_21 0.20", "set w1_12 0.25", "set w1_22 0.30",
                "set w2_11 0.40", "set w2_21 0.45", "set w2_12 0.50", "set w2_22 0.55",
                "set b1_1 0.35", "set b1_2 0.35", "set b2_1 0.60", "set b2_2 0.60",
                "data clear", "data add 0.05 0.10 -> 0.01 0.99", "set lr 0.5", "set freeze b*"
            ],
            next: "'step --walk' follows his post number by number;\n      'epoch 10000' reaches his 3.5e-5"),
        TextbookExample(
            name: "students", summary: "the course's 2-2-1 linear network on the students table",
            source: "the course notes' worked example\n        (iq, gpa -> salary; w = 1, b = 0, η = 0.1)",
            commands: ["net 2-2-1 act=linear loss=mse init=1", "data students", "set lr 0.1"],
            next: "'step' gives the nine textbook gradients;\n      'show gradients' writes each chain out"),
        TextbookExample(
            name: "placement", summary: "the course's 2-2-1 regression on the placement table",
            source: "the course notes' regression table (cgpa, resume score -> salary), as lesson 9 trains it",
            commands: ["net 2-2-1 act=linear loss=mse init=0.1", "data placement", "set lr 0.001"],
            next: "'epoch 100' and 'plot loss' show the mean loss falling"),
        TextbookExample(
            name: "and", summary: "a perceptron learning AND by the perceptron trick",
            source: "Rosenblatt's perceptron rule, as the course's perceptron topic uses it",
            commands: ["net 2-1 act=step loss=perceptron init=0", "data and", "set lr 0.1"],
            next: "'step' moves the line only on a misclassified point;\n      'epoch 10' then 'plot boundary'"),
        TextbookExample(
            name: "or", summary: "a perceptron learning OR by the perceptron trick",
            source: "Rosenblatt's perceptron rule, as the course's perceptron topic uses it",
            commands: ["net 2-1 act=step loss=perceptron init=0", "data or", "set lr 0.1"],
            next: "'epoch 10' then 'plot boundary'"),
        TextbookExample(
            name: "xor", summary: "a 2-2-1 sigmoid network that learns XOR",
            source: "Rumelhart, Hinton and Williams (1986): one hidden layer solves XOR",
            commands: ["net 2-2-1 act=sigmoid loss=bce init=uniform seed=2", "data xor", "set lr 1"],
            next: "'epoch 2000' solves it (every row on the right side of 0.5);\n      'plot boundary' shows how"),
        TextbookExample(
            name: "vanishing", summary: "a deep sigmoid network whose early gradients vanish",
            source:
                "Hochreiter (1991), Glorot and Bengio (2010):\n        each sigmoid layer multiplies the gradient by σ′ ≤ 1/4",
            commands: ["net 2-4-4-4-4-4-4-1 act=sigmoid loss=mse init=uniform seed=3", "data xor", "set lr 0.5"],
            next:
                "'step' then 'show deltas': δ shrinks layer by layer towards the input;\n      'plot grads' after 'epoch 20'"
        )
    ]

    static func named(_ name: String) -> TextbookExample? { all.first { $0.name == name.lowercased() } }
}

extension Command {
    static let example = Command(
        name: "example",
        usage: "example NAME",
        summary: "build a textbook case exactly: network, parameters, data, η",
        details: """
            Builds a worked example from a textbook or the course, exactly: the network, every
            parameter, the data, the learning rate and any frozen parameters, and names where it
            comes from. 'examples' lists them: \(TextbookExample.all.map(\.name).joined(separator: ", ")).
            """,
        examples: ["example mazur", "example students", "examples"],
        subcommands: TextbookExample.all.map(\.name),
        complete: { previous, partial, _ in
            previous.isEmpty ? TextbookExample.all.map(\.name).filter { $0.hasPrefix(partial) } : []
        },
        run: runExample
    )

    static let examples = Command(
        name: "examples",
        usage: "examples",
        summary: "list the built-in textbook examples",
        details: "Lists the examples 'example NAME' builds, with their sources.",
        examples: ["examples"],
        run: { invocation, _ throws(ShellError) in
            try Arguments.expectAtMost(0, invocation.arguments, usage: "examples")
            var table = TextTable(header: ["example", "what it is"])
            table.rows = TextbookExample.all.map { [$0.name, $0.summary] }
            table.leftAligned = [0, 1]
            return table.render() + "'example NAME' builds one; each names its source\n"
        }
    )

    @Sendable static func runExample(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String
    {
        guard let token = invocation.arguments.first else {
            throw Command.example.usageError(
                nil, "'example' needs a name: \(TextbookExample.all.map(\.name).joined(separator: ", "))")
        }
        try Arguments.expectAtMost(1, invocation.arguments, usage: "example NAME")
        guard let example = TextbookExample.named(token.text) else {
            let names = TextbookExample.all.map(\.name)
            let hint =
                nearest(token.text.lowercased(), in: names).map { "; did you mean '\($0)'?" }
                ?? "; expected one of \(names.joined(separator: ", "))"
            throw ShellError.at(token, "no example named '\(token.text)'" + hint)
        }
        var built = state
        for line in example.commands { _ = try LessonPlayer.execute(line, &built, invocation.context) }
        built.savedRuns = state.savedRuns
        state = built
        var text = "example \(example.name): \(example.summary)\nsource: \(example.source)\n"
        text += builtWith(example.commands.filter { !$0.hasPrefix("set w") && !$0.hasPrefix("set b") })
        if example.name == "mazur" { text += MazurNames.table(notation: invocation.notationFor(state)) }
        return text + "next: \(example.next)\n"
    }

    /// "built with: net …; data …", broken after a "; " so that no line is wider than 80 columns.
    static func builtWith(_ commands: [String]) -> String {
        let indent = "           "
        var lines: [String] = [], line = "built with:"
        for (n, command) in commands.enumerated() {
            let piece = command + (n < commands.count - 1 ? ";" : "")
            if n > 0, line != indent, line.displayWidth + 1 + piece.displayWidth > 80 {
                lines.append(line)
                line = indent
            }
            line += " " + piece
        }
        return (lines + [line]).joined(separator: "\n") + "\n"
    }
}
