import Foundation
import XCTest

/// Replays inputs the fuzzers kept through the same entries the libFuzzer targets run
/// (`FuzzEntry.swift` is linked from `Fuzz/Sources/FuzzEntry/`). Each input must come back
/// normally (a trap would end the test run) and every error it produced must be a message
/// a learner can read: one non-empty line.
///
/// By default this replays every input in `Fuzz/Crashes/TARGET/` (each once crashed or hung)
/// and a fixed sample of one in `sampleEvery` of `Fuzz/Corpus/TARGET/`; `make fuzz-replay`
/// (NNSTEP_FUZZ_FULL=1) replays the whole corpus.
final class FuzzCorpusTests: XCTestCase {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")
    static let sampleEvery = 16
    static var full: Bool { ProcessInfo.processInfo.environment["NNSTEP_FUZZ_FULL"] != nil }

    override class func tearDown() { FuzzEntry.removeScratch() }

    func testCommandInputsComeBackWithOneLineMessages() throws { try replay(.command) }
    func testCSVInputsComeBackWithOneLineMessages() throws { try replay(.csv) }
    func testJSONInputsComeBackWithOneLineMessages() throws { try replay(.json) }
    func testLessonInputsComeBackWithOneLineMessages() throws { try replay(.lesson) }

    func replay(_ target: FuzzEntry.Target) throws {
        let corpus = inputs(in: "Corpus", target)
        let sample =
            Self.full ? corpus : corpus.enumerated().filter { $0.offset % Self.sampleEvery == 0 }.map(\.element)
        XCTAssertGreaterThanOrEqual(corpus.count, 100, "the corpus of Fuzz/Corpus/\(target.rawValue) went missing")
        var messages = 0
        for file in inputs(in: "Crashes", target) + sample {
            let bytes = try XCTUnwrap(FuzzEntry.contents(of: file.path), "cannot read \(file.path)")
            for message in FuzzEntry.run(target, bytes) {
                messages += 1
                let text = message.hasSuffix("\n") ? String(message.dropLast()) : message
                XCTAssertFalse(text.isEmpty, "\(file.lastPathComponent): an empty error message")
                XCTAssertFalse(text.contains("\n"), "\(file.lastPathComponent): a message of several lines:\n\(text)")
            }
        }
        // The corpus is mostly bad input: most of it must be answered with a message.
        XCTAssertGreaterThan(messages, sample.count / 4, "\(target.rawValue): hardly any input was refused")
    }

    /// The files of one folder, in name order, without hidden ones such as `.gitkeep`.
    func inputs(in kind: String, _ target: FuzzEntry.Target) -> [URL] {
        let folder = Self.fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
