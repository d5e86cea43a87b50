/// A lesson file's text made ready for the parser: `@include FILE` lines replaced by the
/// file's lines (shared setups, shared pages), a byte-order mark dropped, and tabs at the
/// start of a line expanded to the next multiple of four columns, as editors show them.
/// Each line remembers where it came from, so problems point into the right file.
struct LessonSource {
    /// The text after inclusion, one entry a line.
    var lines: [String] = []
    /// For each line: the file (nil for the lesson itself) and its line number there.
    var origins: [(file: String?, line: Int)] = []
    /// Problems with the `@include` lines themselves, and notes (BOM, tabs) for `--check`.
    var issues: [LessonIssue] = []
    var notes: [LessonIssue] = []

    static let maximumDepth = 8

    /// Reads `text` (the lesson at `directory`), following `@include` lines.
    init(
        _ text: String, directory: String,
        read: (String) -> String? = { try? FileAccess.readText($0, shown: $0, kind: .lesson) }
    ) {
        append(text, file: nil, directory: directory, depth: 0, read: read)
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .first { $0.element.prefix { $0 == " " || $0 == "\t" }.contains("\t") }
            .map {
                notes.append(
                    LessonIssue(
                        location: SourceLocation(line: $0.offset + 1, column: 1),
                        message:
                            "warning: this line is indented with a tab; nnstep counts a tab as up to 4 columns, but an editor may show "
                            + "it wider, so indent lesson lines with spaces to be sure a hint or a continuation lines up as it looks"
                    ))
            }
    }

    /// The text the parser reads.
    var text: String { lines.joined(separator: "\n") }

    private mutating func append(
        _ text: String, file: String?, directory: String, depth: Int, read: (String) -> String?
    ) {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") {
            body = body.dropFirst()
            if depth == 0 {
                notes.append(
                    LessonIssue(
                        location: SourceLocation(line: 1, column: 1),
                        message:
                            "warning: the file starts with an invisible byte-order mark (U+FEFF) that some editors add; it is ignored, "
                            + "but save the file as UTF-8 without a BOM"))
            }
        }
        let rows = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, row) in rows.enumerated() {
            let line = String(row.hasSuffix("\r") ? row.dropLast() : row)
            if line.hasPrefix("@include") {
                include(line, at: (file, index + 1), directory: directory, depth: depth, read: read)
                continue
            }
            lines.append(Self.expandingTabs(line))
            origins.append((file, index + 1))
        }
    }

    private mutating func include(
        _ line: String, at origin: (file: String?, line: Int), directory: String, depth: Int,
        read: (String) -> String?
    ) {
        let name = String(line.dropFirst("@include".count)).trimmed
        func problem(_ message: String) {
            // A problem inside an included file is reported at the lesson's own @include line.
            issues.append(
                LessonIssue(location: SourceLocation(line: origin.line, column: 1), message: message, file: origin.file)
            )
        }
        guard !name.isEmpty else {
            return problem("'@include' needs a file name, like '@include shared/students-setup.txt'")
        }
        guard depth < Self.maximumDepth else {
            return problem("'@include \(name)': files include each other more than \(Self.maximumDepth) deep")
        }
        let path = name.hasPrefix("/") ? name : (directory.isEmpty ? name : directory + "/" + name)
        guard let text = read(path) else {
            return problem("cannot read the included file '\(name)' (looked for \(path))")
        }
        append(text, file: path, directory: Path.parent(path), depth: depth + 1, read: read)
    }

    /// Leading tabs become spaces up to the next multiple of four columns.
    static func expandingTabs(_ line: String) -> String {
        guard line.first == "\t" || (line.first == " " && line.prefix { $0 == " " || $0 == "\t" }.contains("\t")) else {
            return line
        }
        var column = 0, rest = Substring(line)
        while let first = rest.first, first == " " || first == "\t" {
            column = first == "\t" ? (column / 4 + 1) * 4 : column + 1
            rest = rest.dropFirst()
        }
        return String(repeating: " ", count: column) + rest
    }

    /// `issue` moved to the file and line it came from.
    func located(_ issue: LessonIssue) -> LessonIssue {
        guard issue.file == nil, issue.location.line >= 1, issue.location.line <= origins.count else { return issue }
        let origin = origins[issue.location.line - 1]
        var moved = issue
        moved.location.line = origin.line
        moved.file = origin.file
        return moved
    }
}
