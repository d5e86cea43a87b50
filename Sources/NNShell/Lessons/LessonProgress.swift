import Foundation

/// What the learner has done in each lesson, keyed by the lesson file's name without
/// `.lesson`: the page last reached and whether the lesson was finished.
struct LessonProgress: Codable, Equatable, Sendable {
    struct Entry: Codable, Equatable, Sendable {
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
/// and written back (to a temporary file, then renamed over it) after every change.
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
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        if let data = FileManager.default.contents(atPath: path),
           let decoded = try? JSONDecoder().decode(LessonProgress.self, from: data) {
            progress = decoded
            return nil
        }
        var aside = path + ".damaged"
        var counter = 1
        while FileManager.default.fileExists(atPath: aside) {
            counter += 1
            aside = path + ".damaged.\(counter)"
        }
        guard rename(path, aside) == 0 else {
            writable = false
            return "warning: the lesson progress file \(path) cannot be read and cannot be moved aside; progress is kept in memory only"
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
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return "warning: cannot create \(directory) to save lesson progress; it is kept in memory only"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(progress), let text = String(data: data, encoding: .utf8) else { return nil }
        let path = directory + "/" + Self.fileName
        do { try FileAccess.writeAtomically(text + "\n", to: path, shown: path) } catch {
            return "warning: lesson progress not saved: \(error.message)"
        }
        return nil
    }
}

extension SessionOptions {
    /// Where progress belongs by the XDG rules: `$XDG_STATE_HOME/nnstep`, else
    /// `$HOME/.local/state/nnstep`; nil when neither variable is set.
    public static func defaultStateDirectory(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/nnstep" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/nnstep" }
        return nil
    }
}
