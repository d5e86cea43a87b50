/// What the learner has done in each lesson, keyed by the lesson file's name without
/// `.lesson`: the page last reached and whether the lesson was finished.
struct LessonProgress: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var title: String
        /// The page last reached, from 1.
        var page: Int
        var pages: Int
        var finished: Bool
    }
    var version = 1
    var lessons: [String: Entry] = [:]
}

/// The session's copy of the progress, read once from `progress.json` in the state directory
/// and written back after every change: under a lock (`progress.json.lock`) the file is read
/// again and merged, so two sessions at once lose nothing, then replaced through `FileWriter`.
/// With no state directory it lives in memory only. A damaged file is moved aside with a
/// warning; progress then starts afresh. Nothing here is ever fatal.
struct LessonProgressBook: Sendable {
    static let fileName = "progress.json"

    var progress = LessonProgress()
    var loaded = false
    /// False when a damaged file could not be moved aside: then it is not overwritten either.
    var writable = true

    subscript(key: String) -> LessonProgress.Entry? { progress.lessons[key] }

    /// The lesson left unfinished most recently (the last one written), if any.
    var unfinished: [(key: String, entry: LessonProgress.Entry)] {
        progress.lessons.filter { !$0.value.finished }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Reads the file the first time it is needed; returns a one-line warning when it was damaged.
    mutating func load(from directory: String?) -> String? {
        guard !loaded else { return nil }
        loaded = true
        guard let directory else { return nil }
        let path = directory + "/" + Self.fileName
        guard System.kind(path) != .missing else { return nil }
        if let decoded = Self.read(path) {
            progress = decoded
            return nil
        }
        var aside = path + ".damaged"
        var counter = 1
        while System.kind(aside) != .missing {
            counter += 1
            aside = path + ".damaged.\(counter)"
        }
        guard System.move(path, to: aside) == nil else {
            writable = false
            return
                "warning: the lesson progress file \(path) cannot be read and cannot be moved aside; progress is kept in memory only"
        }
        return "warning: the lesson progress file was damaged; it was moved to \(aside) and progress starts afresh"
    }

    /// Records one lesson's progress and saves; returns a one-line warning when saving failed.
    mutating func record(_ key: String, _ entry: LessonProgress.Entry, directory: String?) -> String? {
        var entry = entry
        if let old = progress.lessons[key], old.finished { entry.finished = true }
        guard progress.lessons[key] != entry else { return nil }
        progress.lessons[key] = entry
        guard let directory, writable else { return nil }
        guard System.makeDirectories(directory) else {
            return "warning: cannot create \(directory) to save lesson progress; it is kept in memory only"
        }
        let path = directory + "/" + Self.fileName
        return FileLock.withLock(path) { () -> String? in
            merge(Self.read(path))
            var entry = entry
            if progress.lessons[key]?.finished == true { entry.finished = true }
            progress.lessons[key] = entry
            do throws(ShellError) { try FileAccess.writeAtomically(progress.json, to: path, shown: path) } catch {
                return "warning: lesson progress not saved: \(error.message)"
            }
            return nil
        }
    }

    /// The progress in the file now, or nil when it is missing or damaged.
    static func read(_ path: String) -> LessonProgress? {
        guard let text = try? FileAccess.readText(path, shown: path, kind: .state) else { return nil }
        return LessonProgress(json: text)
    }

    /// Takes in what another session wrote: its lessons, and "finished" wherever either says so.
    mutating func merge(_ other: LessonProgress?) {
        guard let other else { return }
        for (key, theirs) in other.lessons {
            var entry = theirs
            if progress.lessons[key]?.finished == true { entry.finished = true }
            progress.lessons[key] = entry
        }
    }
}

extension LessonProgress {
    /// `{"version": 1, "lessons": {"08-nine-gradients": {"title": …, "page": 3, "pages": 11, "finished": false}}}`
    var json: String {
        var lessonsObject = JSONObject()
        for key in lessons.keys.sorted() {
            let entry = lessons[key]!
            let object = JSONObject([
                ("title", .string(entry.title)), ("page", .raw(String(entry.page))),
                ("pages", .raw(String(entry.pages))), ("finished", .raw(entry.finished ? "true" : "false"))
            ])
            lessonsObject[key] = .raw(object.render(indent: 2))
        }
        return JSONObject([("version", .raw(String(version))), ("lessons", .raw(lessonsObject.render(indent: 1)))])
            .render(indent: 0) + "\n"
    }

    /// Reads what `json` wrote; nil for anything else.
    init?(json text: String) {
        guard case .object(let root)? = try? JSONValue.parse(text), case .object(let lessons)? = root["lessons"] else {
            return nil
        }
        for (key, value) in lessons {
            guard case .object(let entry) = value, case .string(let title)? = entry["title"],
                case .number(let page)? = entry["page"], case .number(let pages)? = entry["pages"],
                case .bool(let finished)? = entry["finished"], let p = Int(exactly: page), let n = Int(exactly: pages)
            else { return nil }
            self.lessons[key] = Entry(title: title, page: p, pages: n, finished: finished)
        }
    }
}
