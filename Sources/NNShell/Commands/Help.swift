extension Command {
    static let help = Command(
        name: "help",
        aliases: ["?"],
        usage: "help [COMMAND|TERM]",
        summary: "list the commands, or explain one (or a term)",
        details:
            "With no argument, lists every command with one line. 'help step' gives its usage, options and an example; 'help sigmoid' (or 'what is sigmoid') explains a term of the course, with its formula and the lesson that teaches it.",
        examples: ["help", "help net", "help chain rule"],
        complete: { previous, partial, _ in
            previous.isEmpty ? (Command.all.map(\.name) + Glossary.names).filter { $0.hasPrefix(partial) } : []
        },
        run: runHelp
    )

    static let quit = Command(
        name: "quit",
        aliases: ["exit", "q"],
        usage: "quit",
        summary: "leave nnstep (Ctrl-D does the same)",
        details: "Leaves nnstep. Lesson progress is saved as you go.",
        examples: ["quit"],
        run: { invocation, state throws(ShellError) in
            try invocation.expectAtMost(0)
            return farewell(state.lesson, saved: invocation.context.stateDirectory != nil)
        }
    )

    /// What `quit` says in the middle of a lesson: where the learner is, and how to come back.
    static func farewell(_ lesson: LessonSession?, saved: Bool) -> String {
        guard let lesson, !lesson.finished else { return "" }
        let name = lesson.number.map(String.init) ?? lesson.key
        let place = "page \(lesson.page + 1) of \(lesson.lesson.pages.count)"
        let text =
            saved
            ? "Your progress is saved: \(lesson.label) at \(place). To carry on, start nnstep and type 'load \(name)'."
            : "Leaving \(lesson.label) at \(place). Progress is saved only at the prompt; "
                + "'load \(name)' there starts it."
        return Reflow.fill(text, width: 78).joined(separator: "\n") + "\n"
    }

    @Sendable static func runHelp(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError) -> String {
        try invocation.expectAtMost(4)
        if invocation.arguments.count > 1 {
            let term = invocation.arguments.map(\.text).joined(separator: " ")
            guard let entry = Glossary.find(term) else {
                throw ShellError.at(invocation.arguments[0], Glossary.unknown(term))
            }
            return Glossary.render(entry)
        }
        if let name = invocation.arguments.first {
            guard let command = Command.named(name.text) else {
                let term = invocation.arguments.map(\.text).joined(separator: " ")
                if let entry = Glossary.find(term) { return Glossary.render(entry) }
                throw ShellError.at(name, Glossary.unknown(term))
            }
            let width = min(invocation.context.width, 80)
            let usage = TextWrap.usage(command.usage, width: width).joined(separator: "\n")
            let details = TextWrap.details(command.details, width: width).joined(separator: "\n")
            var text =
                "usage: \(usage.dropFirst(7))\n\n\(command.summary)\n\n\(details)\n\nexample\(command.examples.count > 1 ? "s" : ""):\n"
            text += command.examples.map { "  " + $0 }.joined(separator: "\n") + "\n"
            if !command.aliases.isEmpty { text += "also: \(command.aliases.joined(separator: ", "))\n" }
            if let entry = Glossary.find(name.text) { text += "\nthe term:\n" + Glossary.render(entry) }
            return text
        }
        let width = Command.all.map(\.name.count).max()!
        var lines = ["commands (type 'help NAME' for more):"]
        for command in Command.all {
            lines.append("  " + command.name.padded(to: width) + "  " + command.summary)
        }
        lines.append("names: w2_11 is the weight from node 1 of layer 1 into node 1 of layer 2;")
        lines.append("       b1_2 is the bias of node 2 in layer 1, and O1_2 is that node's output.")
        return lines.joined(separator: "\n") + "\n"
    }
}
