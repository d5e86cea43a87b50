/// The `lessons` list and the greeting's offer to resume.
enum LessonListing {
    /// Every lesson with the learner's progress, and an offer to carry on an unfinished one.
    static func render(_ state: inout SessionState, context: CommandContext) -> String {
        var lines: [String] = []
        if let warning = state.lessonProgress.load(from: context.stateDirectory) { lines.append(warning) }
        let library = LessonLibrary(context: context)
        let entries = library.entries
        guard !entries.isEmpty else {
            return (lines + ["No lessons found: \(library.available(entries))."]).joined(separator: "\n") + "\n"
        }
        lines.append("The lessons (type 'load N' to start lesson N):")
        var table = TextTable(header: ["", "lesson", "progress"])
        table.leftAligned = [1, 2]
        table.rows = entries.map { entry in
            let progress = state.lessonProgress[entry.key]
            let mark =
                progress.map {
                    $0.finished ? "done" : $0.page <= 1 ? "started" : "left at page \($0.page) of \($0.pages)"
                } ?? ""
            return [entry.number.map(String.init) ?? "-", LessonFile.title(entry.path) ?? entry.key, mark]
        }
        lines.append(String(table.render().split(separator: "\n").dropFirst().joined(separator: "\n")))
        if let offer = resumeOffer(state.lessonProgress, entries: entries) { lines.append(offer) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "You left lesson 8 (…) at page 5 of 12; 'load 8' carries on from there." for the last unfinished lesson.
    static func resumeOffer(_ book: LessonProgressBook, entries: [LessonLibrary.Entry]) -> String? {
        let current = state(of: book, entries: entries)
        guard let (entry, progress) = current.last else { return nil }
        let name = entry.number.map(String.init) ?? entry.key
        let offer =
            "You left lesson \(name) (\(progress.title)) at page \(progress.page) of \(progress.pages); 'load \(name)' carries on from there."
        return Reflow.fill(offer, width: 78).joined(separator: "\n")
    }

    static func state(of book: LessonProgressBook, entries: [LessonLibrary.Entry]) -> [(
        LessonLibrary.Entry, LessonProgress.Entry
    )] {
        entries.compactMap { entry in
            guard let progress = book[entry.key], !progress.finished, progress.page > 1 else { return nil }
            return (entry, progress)
        }
    }
}

extension Session {
    /// A line for the greeting when a lesson was left unfinished (and any warning about the
    /// progress file); empty otherwise.
    public var lessonGreeting: String {
        let context = self.context
        var lines: [String] = []
        if let warning = state.lessonProgress.load(from: context.stateDirectory) { lines.append(warning) }
        let entries = LessonLibrary(context: context).entries
        if let offer = LessonListing.resumeOffer(state.lessonProgress, entries: entries) { lines.append(offer) }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
