import XCTest

@testable import NNShell

/// `set optimizer`, `set l1`/`l2` and `set freeze` through the shell: export and import carry
/// them, and training on from an imported file is training on from where it was written.
final class OptimizerShellTests: XCTestCase {
    func exported(_ script: String) throws -> [String: JSONValue] {
        let output = TranscriptTests.run(script + "\nexport json\n", name: "optimizer-test", ascii: true)
        XCTAssertTrue(output.hasSuffix("[exit 0]\n"), output)
        let json = String(output[output.range(of: "> export json\n", options: .backwards)!.upperBound...]).dropLast(
            "[exit 0]\n".count)
        guard case .object(let root) = try JSONValue.parse(String(json)) else { throw XCTSkip("not an object") }
        return root
    }

    static let setup = """
        net 2-3-1 act=tanh,sigmoid init=xavier seed=2
        data xor
        set mode minibatch
        set batch 3
        set l2 0.01
        set l1 0.002
        set freeze b1_2 w2_31
        """

    /// The file is written at the end of a pass, where an imported network starts too.
    func testImportCarriesTheOptimiserStateExactly() throws {
        for optimizer in ["sgd", "momentum", "rmsprop", "adam"] {
            let path = "/tmp/nnstep-optimizer-test-\(optimizer).json"
            let setup = Self.setup + "\nset optimizer \(optimizer)\nset beta1 0.8\nset alpha 0.95\nset momentum 0.7\n"
            let straight = try exported(setup + "step 4\nexport json \(path)\nstep 4")
            let resumed = try exported("data xor\nimport json \(path)\nstep 4")
            XCTAssertEqual(straight["parameters"], resumed["parameters"], optimizer)
            XCTAssertEqual(straight["optimizer"], resumed["optimizer"], optimizer)
            XCTAssertEqual(straight["frozen"], .array([.string("b1_2"), .string("w2_31")]))
            XCTAssertEqual(resumed["frozen"], straight["frozen"])
            XCTAssertEqual(resumed["l2"], .number(0.01))
            guard case .object(let opt)? = straight["optimizer"], case .object(let state)? = opt["state"] else {
                return XCTFail("no optimizer state")
            }
            XCTAssertEqual(opt["t"], .number(8))
            let keys = ["sgd": [String](), "momentum": ["v"], "rmsprop": ["s"], "adam": ["m", "v"]][optimizer]!
            XCTAssertEqual(state.keys.sorted(), keys.sorted(), optimizer)
            guard case .object(let step)? = straight["last_step"], case .number(let penalty)? = step["penalty"] else {
                return XCTFail("no penalty")
            }
            XCTAssertGreaterThan(penalty, 0)
        }
    }

    func testBadOptimiserSettingsAreRefusedAndChangeNothing() throws {
        let cases = [
            ("set optimizer adamw", "unknown optimizer 'adamw'"), ("set beta2 1", "must be at least 0 and below 1"),
            ("set l2 -0.1", "must be 0 or more"), ("set eps 0", "must be above 0"), ("set momentum 2", "from 0 to 1")
        ]
        for (command, message) in cases {
            let output = TranscriptTests.run(Self.setup + "\n" + command + "\n", name: "bad", ascii: true)
            XCTAssertTrue(output.contains(message), "\(command): \(output)")
        }
    }
}
