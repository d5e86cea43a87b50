import Foundation
import NNEngine
import XCTest

@testable import NNShell

/// `step --walk`: the state it leaves is exactly that of `step`, Enter/c/q at a prompt, and
/// the numbers it shows against values worked out independently.
final class WalkTests: XCTestCase {
    static func session(interactive: Bool, _ lines: [String]) -> Session {
        var options = SessionOptions()
        options.interactive = interactive
        let session = Session(options: options)
        session.clock = { 0 }
        for line in lines {
            let outcome = session.evaluate(line)
            XCTAssertNil(outcome.error, "'\(line)' failed: \(outcome.error?.message ?? "")")
        }
        return session
    }

    static let setups: [(name: String, lines: [String])] = [
        ("the course's 2-2-1", ["net 2-2-1", "data students"]),
        ("Mazur's 2-2-2 with frozen biases", ["example mazur"]),
        (
            "a 3-4-2 softmax",
            [
                "net 3-4-2 act=tanh,softmax loss=cce init=uniform seed=4",
                "data add 0.5 -1 2 -> 1 0", "data add -0.3 0.8 0.1 -> 0 1"
            ]
        ),
        ("a batch update", ["net 2-2-1 act=sigmoid init=0.5", "data xor", "set mode batch", "set lr 0.5"]),
        ("a perceptron", ["example and", "step"]),
        ("adam with an l2 penalty", ["example mazur", "set l2 0.01", "set optimizer adam", "step"]),
        (
            "momentum in minibatches",
            [
                "net 2-3-1 act=tanh init=xavier seed=5", "data xor", "set mode minibatch", "set batch 3",
                "set optimizer momentum"
            ]
        ),
        ("residual shortcuts", ["net 2-2-2-1 act=sigmoid residual=on init=xavier seed=1", "data xor"]),
        ("a wide relu layer", ["net 3-9-2 act=relu,linear init=uniform seed=2", "data add 1 2 3 -> 1 0"])
    ]

    /// Everything but `last_run` (which names the command) of `export json`.
    static func exported(_ session: Session) -> String {
        let json = session.evaluate("export json").output
        return json.components(separatedBy: "\"last_run\"")[0]
            + (json.components(separatedBy: "\"batch_size\"").last ?? "")
    }

    func testScriptWalkLeavesExactlyTheStateOfStep() {
        for setup in Self.setups {
            let walked = Self.session(interactive: false, setup.lines + ["step --walk", "walk"])
            let stepped = Self.session(interactive: false, setup.lines + ["step", "step"])
            XCTAssertEqual(Self.exported(walked), Self.exported(stepped), setup.name)
            XCTAssertEqual(
                walked.state.training?.network.parameters, stepped.state.training?.network.parameters, setup.name)
        }
    }

    func testEnterAdvancesCFinishesAndQLeavesTheNetworkUnchanged() throws {
        for setup in Self.setups {
            let session = Self.session(interactive: true, setup.lines)
            let before = Self.exported(session)
            let parameters = session.state.training?.network.parameters
            let start = session.evaluate("step --walk")
            XCTAssertTrue(start.output.contains("[1/"), setup.name)
            XCTAssertFalse(start.output.contains("[2/"), setup.name)
            XCTAssertEqual(
                session.state.training?.network.parameters, parameters, "\(setup.name): nothing moves while it waits")
            let total = try XCTUnwrap(session.state.walk?.steps.count)
            XCTAssertEqual(session.prompt, "walk [2/\(total)]> ")
            XCTAssertTrue(session.evaluate("").output.hasPrefix("[2/\(total)] "), setup.name)
            XCTAssertEqual(session.prompt, "walk [3/\(total)]> ")
            XCTAssertNotNil(session.evaluate("show weights").error, "other commands wait for the walk")
            XCTAssertEqual(
                session.evaluate("q").output, "walk abandoned: the network is as it was, and no update was made\n")
            XCTAssertEqual(Self.exported(session), before, "\(setup.name): q leaves the network as it was")
            XCTAssertEqual(session.prompt, "nnstep> ")

            _ = session.evaluate("step --walk")
            let finish = session.evaluate("c").output
            XCTAssertTrue(finish.contains("[\(total)/\(total)]") && finish.contains("done"), setup.name)
            let stepped = Self.session(interactive: false, setup.lines + ["step"])
            XCTAssertEqual(
                Self.exported(session), Self.exported(stepped), "\(setup.name): c finishes the update as 'step'")
        }
    }

    func testEnterReachesTheEndOneSubStepAtATime() {
        let session = Self.session(interactive: true, ["net 2-2-1", "data students"])
        _ = session.evaluate("step --walk")
        var count = 1
        while session.state.walk != nil {
            let output = session.evaluate("").output
            count += 1
            XCTAssertTrue(output.hasPrefix("[\(count)/18] "), output)
        }
        XCTAssertEqual(count, 18)
        XCTAssertEqual(session.state.training?.updateCount, 1)
    }

    /// The nine gradients of the course's 2-2-1 appear in the walk with the hand-worked values:
    /// δ₂₁ = −2(1.8 − 167) = 330.4, then δ times O₁₁ = 83.5 or x = (80, 3.5) or 1.
    func testTheNineTextbookGradientsAppearAsTheWalkReachesThem() {
        let session = Self.session(interactive: true, ["net 2-2-1", "data students"])
        _ = session.evaluate("step --walk")
        let steps = session.state.walk!.steps
        let expected: [(String, Double)] = [
            ("∂L/∂w²₁₁", 330.4 * 83.5), ("∂L/∂w²₂₁", 330.4 * 83.5), ("∂L/∂b₂₁", 330.4),
            ("∂L/∂w¹₁₁", 330.4 * 80), ("∂L/∂w¹₂₁", 330.4 * 3.5), ("∂L/∂b₁₁", 330.4),
            ("∂L/∂w¹₁₂", 330.4 * 80), ("∂L/∂w¹₂₂", 330.4 * 3.5), ("∂L/∂b₁₂", 330.4)
        ]
        let gradients = steps.filter { $0.name.hasPrefix("∂L/∂") }
        XCTAssertEqual(gradients.map(\.name), expected.map(\.0))
        for (step, (name, value)) in zip(gradients, expected) {
            XCTAssertEqual(step.value!, value, accuracy: 1e-9, name)
        }
        let deltas = steps.filter { $0.name.hasPrefix("δ") }
        XCTAssertEqual(deltas.map(\.name), ["δ₂₁", "δ₁₁", "δ₁₂"])
        XCTAssertEqual(deltas[0].value!, -2 * (1.8 - 167), accuracy: 1e-9)
        // Each gradient comes after the δ it reuses.
        let firstGradient = steps.firstIndex { $0.name.hasPrefix("∂L/∂") }!
        XCTAssertTrue(steps.lastIndex { $0.name.hasPrefix("δ") }! < firstGradient)
    }

    /// `predict next` judges against the next update's values and changes nothing.
    func testPredictNextJudgesTheNextUpdateAndChangesNothing() {
        let session = Self.session(interactive: false, ["example students"])
        let before = Self.exported(session)
        let cases: [(line: String, right: Bool)] = [
            ("predict next loss 27291.0", true),  // (1.8 − 167)² = 27291.04
            ("predict next loss 27300", false),
            ("predict next w2_11 -2757.84", true),  // 1 − 0.1·330.4·83.5
            ("predict next grad w1_21 1156.4", true),  // 330.4·3.5
            ("predict next O1_1 83.5", true),  // 80 + 3.5
            ("predict next z1_2 83.6", false),
            ("predict next yhat 167", true)
        ]
        for c in cases {
            let outcome = session.evaluate(c.line)
            XCTAssertNil(outcome.error, c.line)
            XCTAssertEqual(outcome.output.hasPrefix("right:"), c.right, "\(c.line): \(outcome.output)")
        }
        XCTAssertTrue(session.evaluate("predict next loss 3e4").output.hasPrefix("right:"), "3e4 claims 25000…35000")
        XCTAssertTrue(session.evaluate("predict next w2_11 -3e3").output.hasPrefix("right:"), "-2757.84 rounds to -3e3")
        XCTAssertTrue(session.evaluate("predict next w2_11 -2.8e3").output.hasPrefix("right:"))
        XCTAssertTrue(session.evaluate("predict next w2_11 -2.7e3").output.hasPrefix("not quite:"))
        XCTAssertNotNil(session.evaluate("predict next loss abc").error)
        XCTAssertEqual(Self.exported(session), before, "predict changes nothing")
    }

    /// The 3-4-2 softmax walk against a plain forward pass written here: z = Σ w·a + b, tanh,
    /// softmax, L = −ln ŷ_y, and for softmax with cce δ₂ⱼ = ŷⱼ − yⱼ.
    func testTheSoftmaxWalkAgreesWithAPlainComputation() throws {
        let session = Self.session(interactive: true, Self.setups[2].lines)
        _ = session.evaluate("step --walk")
        let steps = try XCTUnwrap(session.state.walk?.steps)
        let network = session.state.training!.network
        func value(_ name: String) -> Double { steps.first { $0.name == name }!.value! }
        let x = [0.5, -1, 2], y = [1.0, 0]
        let hidden = (1...4).map { j in
            Foundation.tanh((1...3).reduce(network.bias(1, j)) { $0 + network.weight(1, $1, j) * x[$1 - 1] })
        }
        let z2 = (1...2).map { j in
            (1...4).reduce(network.bias(2, j)) { $0 + network.weight(2, $1, j) * hidden[$1 - 1] }
        }
        let exps = z2.map { Foundation.exp($0) }
        let yhat = exps.map { $0 / exps.reduce(0, +) }
        for j in 1...4 { XCTAssertEqual(value("O₁\(Notation.sub(String(j)))"), hidden[j - 1], accuracy: 1e-12) }
        XCTAssertEqual(value("ŷ₁ = O₂₁"), yhat[0], accuracy: 1e-12)
        XCTAssertEqual(value("L"), -Foundation.log(yhat[0]), accuracy: 1e-12)
        XCTAssertEqual(value("δ₂₁"), yhat[0] - y[0], accuracy: 1e-12)
        XCTAssertEqual(value("δ₂₂"), yhat[1] - y[1], accuracy: 1e-12)
        XCTAssertEqual(value("∂L/∂w²₁₁"), (yhat[0] - y[0]) * hidden[0], accuracy: 1e-12)
    }

    /// At a prompt in predict mode: a number is judged, Enter shows the number unjudged, too
    /// few digits ask again, and the score counts only what was judged.
    func testPredictAtAPromptJudgesNumbersAndCountsTheScore() {
        let session = Self.session(interactive: true, ["example students", "set predict on"])
        XCTAssertTrue(
            session.evaluate("step --walk").output.hasSuffix("[2/18] z₁₁ = w¹₁₁·x_i1 + w¹₂₁·x_i2 + b₁₁ = ?\n"))
        XCTAssertEqual(session.prompt, "predict [2/18]> ")
        XCTAssertTrue(session.evaluate("80+3.5").output.hasPrefix("right: 80+3.5\n[2/18] z₁₁"), "arithmetic is read")
        XCTAssertTrue(session.evaluate("84").output.hasPrefix("'84': 2 significant digits are too few"))
        XCTAssertEqual(session.prompt, "predict [3/18]> ", "too few digits: the same number waits")
        XCTAssertTrue(
            session.evaluate("84.0").output.hasPrefix("not quite: you typed 84.0 (too high);\nit is made of 1·80"))
        XCTAssertTrue(session.evaluate("").output.hasPrefix("[4/18] z₂₁ = w²₁₁·O₁₁"), "Enter shows it unjudged")
        let end = session.evaluate("c").output
        XCTAssertTrue(end.hasSuffix("score: 1 of 2 right; you missed a weighted sum z once\n"), end)
        XCTAssertNil(session.state.walk)
        XCTAssertEqual(session.state.training?.updateCount, 1)
    }

    /// Mistakes get one line saying what was expected, and change nothing.
    func testMistakesAreOneLineAndChangeNothing() {
        let cases: [(name: String, setup: [String], line: String, message: String)] = [
            ("a walk needs a network", [], "walk", "no network yet"),
            ("a walk needs data", ["net 2-2-1"], "step --walk", "no data"),
            ("an unknown flag is named", ["example students"], "step --walk --fast", "unexpected '--fast'"),
            ("predict needs 'next'", ["example students"], "predict loss 3", "'predict' is followed by 'next'"),
            (
                "predict needs a guess", ["example students"], "predict next loss",
                "needs what to predict and your guess"
            ),
            ("predict names an unknown node", ["example students"], "predict next O3_1 2.00", "no node 'O3_1'"),
            ("a graph needs an update", ["example students"], "show graph", "no update yet to draw"),
            ("a graph's parameter must exist", ["example students", "step"], "show graph w3_11", "w3_11"),
            (
                "an SVG needs a writable place", ["example students", "step"],
                "show graph --svg /nonexistent/dir/g.svg", "g.svg"
            ),
            ("an example must exist", [], "example mazor", "did you mean 'mazur'?"),
            ("digits must be fixed or nothing", [], "set digits 3 wide", "expected 'fixed' or nothing"),
            ("predict is on or off", [], "set predict maybe", "expected on or off")
        ]
        for c in cases {
            let session = Self.session(interactive: false, c.setup)
            let before = Self.exported(session)
            let outcome = session.evaluate(c.line)
            guard let error = outcome.error else { XCTFail("\(c.name): no error"); continue }
            XCTAssertTrue(error.message.contains(c.message), "\(c.name): \(error.message)")
            XCTAssertFalse(error.message.contains("\n"), c.name)
            XCTAssertEqual(Self.exported(session), before, "\(c.name): the session changed")
        }
    }
}
