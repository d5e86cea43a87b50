import XCTest

@testable import NNShell

/// The benchmark workloads, run through the shell as a user would, must end at the same
/// loss as the peers (numpy from scratch, PyTorch, micrograd) to 1e-9 relative. The
/// expected values are the peers' published results in Benchmarks/README.md.
final class BenchmarkAgreementTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func run(_ lines: [String]) throws -> Double {
        let session = Session(options: SessionOptions())
        session.directory = Self.root
        for line in lines {
            let outcome = session.evaluate(line)
            XCTAssertNil(outcome.error, "\(line): \(outcome.error?.message ?? "")")
        }
        let training = try XCTUnwrap(session.state.training)
        return training.network.meanLoss(on: training.data)
    }

    func testTinyMatchesThePeers() throws {
        let loss = try run(["net 2-2-1 init=0.1", "data placement", "set lr 0.001", "epoch 10000"])
        XCTAssertEqual(loss, 0.0304784501, accuracy: 0.0304784501 * 1e-9 + 5e-11)
    }

    func testDigitsMatchesThePeers() throws {
        let loss = try run([
            "import json Benchmarks/data/digits_net.json", "data load Benchmarks/data/digits.csv",
            "set mode minibatch", "set batch 32", "set lr 0.5", "epoch 20"
        ])
        XCTAssertEqual(loss, 0.1053431640, accuracy: 0.1053431640 * 1e-9 + 5e-11)
    }

    func testDeepMatchesThePeers() throws {
        let loss = try run([
            "import json Benchmarks/data/deep_net.json", "data load Benchmarks/data/xor100.csv",
            "set lr 0.1", "step 2000"
        ])
        XCTAssertEqual(loss, 0.2496360353, accuracy: 0.2496360353 * 1e-9 + 5e-11)
    }
}
