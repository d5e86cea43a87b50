import XCTest

@testable import NNShell

/// Golden pictures: every plot and `show net` at width 80 (and one at 60), in Unicode and in
/// ASCII, from fixed seeds and a fixed clock. Each case's output must equal
/// `PlotGoldens/NAME.txt` (`NAME.ascii.txt` for ASCII) exactly; `NNSTEP_RECORD=1 swift test`
/// re-records them, and a failure shows a line diff.
final class PlotGoldenTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "PlotGoldens")

    /// name, setup lines, the picture commands whose output is compared, and the width.
    static let cases: [(name: String, setup: [String], pictures: [String], width: Int)] = [
        ("loss", twoTwoOne + ["epoch 50"], ["plot loss", "plot loss epochs --log"], 80),
        ("loss-narrow", twoTwoOne + ["epoch 50"], ["plot loss"], 60),
        ("loss-runs", gradientDescentVariants, ["plot loss", "plot loss updates", "plot runs"], 80),
        ("weights", twoTwoOne + ["epoch 50"], ["plot weights", "plot weights 2", "plot weights w1_11 w2_11 b2_1"], 80),
        (
            "weights-many",
            [
                "net 2-16-1 act=tanh,linear init=xavier seed=3", "data placement", "data normalize", "set lr 0.01",
                "epoch 20"
            ],
            ["plot weights 1"], 80
        ),
        ("grads", twoTwoOne + ["epoch 50"], ["plot grads", "plot grads --linear"], 80),
        ("grads-runs", plainAgainstResidual, ["plot grads"], 80),
        (
            "boundary-perceptron", ["net 2-1 act=step loss=perceptron init=0.1", "data and", "step 6"],
            ["plot boundary"], 80
        ),
        (
            "boundary-perceptron-still", ["net 2-1 act=step loss=perceptron init=0.1", "data and", "step 5"],
            ["plot boundary"], 80
        ),
        (
            "boundary-line", ["net 2-1 act=sigmoid loss=bce init=0", "data line", "set lr 0.5", "epoch 30"],
            ["plot boundary"], 80
        ),
        (
            "boundary-regions",
            ["net 2-4-1 act=tanh,sigmoid init=uniform seed=5", "data xor", "set lr 0.5", "epoch 2000"],
            ["plot boundary"], 80
        ),
        (
            "boundary-moons",
            ["net 2-8-1 act=tanh,sigmoid loss=bce init=xavier seed=1", "data moons", "set lr 0.3", "epoch 200"],
            ["plot boundary"], 80
        ),
        ("net", twoTwoOne + ["epoch 50", "set w1_12 -0.3"], ["show net"], 80),
        ("net-three", ["net 2-3-1 act=sigmoid,linear init=xavier seed=4"], ["show net"], 80),
        ("net-deep", ["net 2-2-2-1 init=xavier seed=4"], ["show net"], 80),
        ("net-residual", ["net 2-2-2-1 init=xavier seed=4 residual=on"], ["show net"], 80),
        ("net-residual-deep", ["net 2-8-8-8-8-1 act=sigmoid init=xavier seed=1 residual=on"], ["show net"], 80),
        ("net-large", ["net 2-16-16-1 init=xavier seed=2"], ["show net"], 80)
    ]

    static let twoTwoOne = ["net 2-2-1 act=sigmoid,linear init=0.5", "data placement", "set lr 0.01"]

    /// The course's experiment: the same data and start trained by sgd, batch and minibatch.
    static let gradientDescentVariants =
        twoTwoOne + [
            "set mode sgd", "epoch 30", "plot keep sgd", "reset",
            "set mode batch", "epoch 30", "plot keep batch", "reset",
            "set mode minibatch", "set batch 2", "epoch 30"
        ]

    /// The same deep sigmoid network trained plain, kept, then with residual shortcuts.
    static let plainAgainstResidual = [
        "net 2-8-8-8-8-1 act=sigmoid init=xavier seed=1", "data moons", "set mode batch", "set lr 0.5", "epoch 60",
        "plot keep plain", "net 2-8-8-8-8-1 act=sigmoid init=xavier seed=1 residual=on", "epoch 60"
    ]

    /// A fresh session with a fixed clock.
    static func session(ascii: Bool, width: Int, colour: Bool = false, directory: String? = nil) -> Session {
        var options = SessionOptions()
        options.ascii = ascii
        options.color = colour
        options.width = width
        let session = Session(options: options)
        let clock = FakeClock()
        session.clock = { clock.tick() }
        session.directory = directory
        return session
    }

    /// Runs the setup, then returns each picture command's output under a `> command` line.
    static func pictures(setup: [String], pictures: [String], ascii: Bool, width: Int, colour: Bool = false) -> String {
        let session = session(ascii: ascii, width: width, colour: colour)
        for line in setup {
            let outcome = session.evaluate(line)
            XCTAssertNil(outcome.error, "\(line): \(outcome.error?.message ?? "")")
        }
        return pictures.map { line in
            let outcome = session.evaluate(line)
            return "> \(line)\n" + outcome.output + (outcome.error.map { "! \($0.message)\n" } ?? "")
        }.joined(separator: "\n")
    }

    func testEveryPictureMatchesItsGolden() throws {
        if Golden.isRecording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        }
        for test in Self.cases {
            for ascii in [false, true] {
                let actual = Self.pictures(setup: test.setup, pictures: test.pictures, ascii: ascii, width: test.width)
                let url = Self.folder.appendingPathComponent(test.name + (ascii ? ".ascii" : "") + ".txt")
                Self.assertFits(actual, width: test.width, ascii: ascii, name: test.name)
                Golden.assertMatches(actual, url)
            }
        }
    }

    func testColourPicturesMatchTheirGoldensAndPlainTextWhenStripped() throws {
        let setup = Self.gradientDescentVariants
        let coloured = Self.pictures(
            setup: setup, pictures: ["plot loss", "show net"], ascii: false, width: 80, colour: true)
        let plain = Self.pictures(setup: setup, pictures: ["plot loss", "show net"], ascii: false, width: 80)
        XCTAssertTrue(coloured.contains("\u{1B}["), "colour was asked for")
        XCTAssertEqual(Self.stripColour(coloured), plain, TranscriptTests.diff(plain, Self.stripColour(coloured)))
        let url = Self.folder.appendingPathComponent("colour.txt")
        Golden.assertMatches(coloured, url)
    }

    /// Every line fits the width; ASCII output is ASCII.
    static func assertFits(_ text: String, width: Int, ascii: Bool, name: String) {
        for line in stripColour(text).split(separator: "\n", omittingEmptySubsequences: false)
        where !line.hasPrefix("> ") {
            XCTAssertLessThanOrEqual(String(line).displayWidth, width, "\(name): too wide: \(line)")
            if ascii { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), "\(name): not ASCII: \(line)") }
        }
    }

    static func stripColour(_ text: String) -> String {
        var result = "", skipping = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { skipping = true; continue }
            if skipping { if scalar == "m" { skipping = false }; continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
