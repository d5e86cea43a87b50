import XCTest

@testable import NNEngine

/// `data split` is seeded and disjoint, training never reads the test rows, and the feature
/// crosses are their formulas.
final class SplitFeatureTests: XCTestCase {
    private func numbered(_ n: Int) -> DataSet {
        DataSet(
            name: "n", featureNames: ["x1", "x2"], targetNames: ["y"],
            inputs: (0..<n).flatMap { [Double($0), Double($0) / 10] }, targets: (0..<n).map { Double($0 % 2) })
    }

    func testTheSplitIsSeededDisjointAndCoversEveryRow() {
        let split = DataSplit(testFraction: 0.3, seed: 11)
        let rows = split.testRows(rows: 100)
        XCTAssertEqual(rows.count, 30)
        XCTAssertEqual(rows, split.testRows(rows: 100))
        XCTAssertNotEqual(rows, DataSplit(testFraction: 0.3, seed: 12).testRows(rows: 100))
        XCTAssertEqual(rows, rows.sorted())
        let (train, test) = split.split(numbered(100))
        let trainIDs = (0..<train.count).map { Int(train.features(row: $0).first!) }
        let testIDs = (0..<test.count).map { Int(test.features(row: $0).first!) }
        XCTAssertEqual(testIDs, rows)
        XCTAssertTrue(Set(trainIDs).isDisjoint(with: testIDs))
        XCTAssertEqual(Set(trainIDs + testIDs), Set(0..<100))
        XCTAssertEqual(trainIDs, trainIDs.sorted(), "training rows keep file order")
    }

    func testTheTestCountRoundsAndLeavesBothSidesRows() {
        XCTAssertEqual(DataSplit(testFraction: 0.25, seed: 0).testCount(rows: 10), 3)  // 2.5 rounds away from 0
        XCTAssertEqual(DataSplit(testFraction: 0.01, seed: 0).testCount(rows: 10), 1)
        XCTAssertEqual(DataSplit(testFraction: 0.99, seed: 0).testCount(rows: 10), 9)
        XCTAssertEqual(DataSplit(testFraction: 0.5, seed: 0).testCount(rows: 1), 0)
    }

    func testTrainingNeverReadsTheTestRowsAndRecordsTheirLoss() throws {
        let data = try XCTUnwrap(BuiltinData.make("circles", seed: 2, count: 40))
        let (train, test) = DataSplit(testFraction: 0.25, seed: 5).split(data)
        var network = Network(sizes: [2, 3, 1], activations: [.tanh, .sigmoid], loss: .bce)
        Initializer.xavier.initialize(&network, seed: 3)
        var alone = Training(network: network, data: train)
        var withTest = Training(network: network, data: train)
        withTest.replaceData(train, test: test)
        let report = try withTest.run(.passes(4))
        _ = try alone.run(.passes(4))
        XCTAssertEqual(withTest.network.parameters, alone.network.parameters, "the test rows change nothing")
        XCTAssertEqual(withTest.testLosses.buckets.map(\.last), [1, 2, 3, 4])
        XCTAssertEqual(withTest.testLosses.buckets.last?.mean, withTest.network.meanLoss(on: test))
        XCTAssertEqual(report.lastTestLosses.count, 4)
        // Each epoch's test loss is the mean loss over the test rows after that epoch's last update.
        var replay = Training(network: network, data: train)
        for epoch in 1...4 {
            _ = try replay.run(.passes(1))
            XCTAssertEqual(withTest.testLosses.loss(epoch: epoch), replay.network.meanLoss(on: test), "epoch \(epoch)")
        }
        withTest.undo(45)  // 30 training rows: back to update 75, inside epoch 3
        XCTAssertEqual(withTest.testLosses.buckets.map(\.last), [1, 2], "undo forgets the epochs it takes back")
    }

    func testCrossesAreTheirFormulas() throws {
        let data = DataSet(
            name: "p", featureNames: ["a", "b"], targetNames: ["y"], inputs: [0.5, -2, 3, 0.25], targets: [1, 0])
        let crosses = ["x1^2", "x2^2", "x1*x2", "sin(x1)", "cos(x2)", "X2*x1"].map { FeatureCross($0)! }
        let crossed = data.withFeatures(crosses)
        XCTAssertEqual(crossed.featureNames, ["a", "b", "x1^2", "x2^2", "x1*x2", "sin(x1)", "cos(x2)", "x2*x1"])
        for row in 0..<2 {
            let a = data.inputs[2 * row], b = data.inputs[2 * row + 1]
            XCTAssertEqual(
                Array(crossed.features(row: row)),
                [a, b, a * a, b * b, a * b, Foundation.sin(a), Foundation.cos(b), b * a])
        }
        XCTAssertEqual(crossed.targets, data.targets)
        XCTAssertEqual(FeatureCross("x2*x2"), .square(1))
        for bad in ["x0^2", "x1^3", "y1^2", "sin x1", "x1*", "tan(x1)", "x1**x2", "x-1^2"] {
            XCTAssertNil(FeatureCross(bad), bad)
        }
    }
}
