/// docs/REFERENCE.md, generated from the command declarations so that it can never drift:
/// every command with its usage, summary, details, examples and aliases, in `help`'s order.
/// `ReferenceDocTests` fails when the committed file differs from this text.
extension Command {
    static func referenceDocument() -> String {
        var text = """
            # nnstep command reference

            Generated from the command declarations in `Sources/NNShell/Commands/` (the same text
            `help NAME` prints); do not edit by hand. `NNSTEP_RECORD=1 swift test --filter
            ReferenceDocTests` regenerates it. The contract that other tools rely on is
            [`COMMANDS.md`](COMMANDS.md); this file lists everything nnstep accepts.

            | command | what it does |
            |---|---|

            """
        for command in all { text += "| [`\(command.name)`](#\(command.name)) | \(escaped(command.summary)) |\n" }
        for command in all {
            text +=
                "\n## \(command.name)\n\n```\n\(command.usage)\n```\n\n\(command.summary.prefix(1).uppercased() + command.summary.dropFirst()).\n\n"
            text += "```\n\(command.details)\n```\n\n"
            text +=
                "Example\(command.examples.count > 1 ? "s" : ""): "
                + command.examples.map { "`\($0)`" }.joined(separator: ", ") + "\n"
            if !command.aliases.isEmpty {
                text += "\nAlso: " + command.aliases.map { "`\($0)`" }.joined(separator: ", ") + "\n"
            }
            if !command.subcommands.isEmpty {
                text +=
                    "\nWords after `\(command.name)`: " + command.subcommands.map { "`\($0)`" }.joined(separator: ", ")
                    + "\n"
            }
        }
        return text
    }

    private static func escaped(_ cell: String) -> String {
        cell.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
