import Foundation
import XCTest

/// Replays every input the fuzzers kept, in `Fuzz/Corpus/TARGET/` and `Fuzz/Crashes/TARGET/`,
/// through the same entries the libFuzzer targets run (`FuzzEntry.swift` is linked from
/// `Fuzz/Sources/FuzzEntry/`). An input that once crashed must now come back normally.
final class FuzzCorpusTests: XCTestCase {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    override class func tearDown() { FuzzEntry.removeScratch() }

    func testTheCommandCorpusAndCrashesRunWithoutATrap() throws { try replay(.command) }
    func testTheCSVCorpusAndCrashesRunWithoutATrap() throws { try replay(.csv) }
    func testTheJSONCorpusAndCrashesRunWithoutATrap() throws { try replay(.json) }
    func testTheLessonCorpusAndCrashesRunWithoutATrap() throws { try replay(.lesson) }

    func replay(_ target: FuzzEntry.Target) throws {
        let corpus = inputs(in: "Corpus", target)
        XCTAssertFalse(corpus.isEmpty, "no inputs in Fuzz/Corpus/\(target.rawValue)")
        for file in corpus + inputs(in: "Crashes", target) {
            let bytes = try XCTUnwrap(FuzzEntry.contents(of: file.path), "cannot read \(file.path)")
            FuzzEntry.run(target, bytes)
        }
    }

    /// The files of one folder, in name order, without hidden ones such as `.gitkeep`.
    func inputs(in kind: String, _ target: FuzzEntry.Target) -> [URL] {
        let folder = Self.fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
