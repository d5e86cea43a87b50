import XCTest

@testable import NNEngine

/// Built-in data sets, CSV parsing and the data transforms, against values worked out by hand.
final class DataTests: XCTestCase {
    private func rows(_ data: DataSet) -> [[Double]] {
        (0..<data.count).map { Array(data.features(row: $0)) + Array(data.target(row: $0)) }
    }

    // MARK: Built-in tables

    func testStudentsAreTheThreeCourseRows() throws {
        let data = try XCTUnwrap(BuiltinData.make("students", seed: 0))
        XCTAssertEqual(data.featureNames, ["iq", "gpa"])
        XCTAssertEqual(data.targetNames, ["salary"])
        XCTAssertEqual(rows(data), [[80, 3.5, 1.8], [60, 4, 2.5], [70, 3.2, 2]])
    }

    func testPlacementIsTheFourCourseRows() throws {
        let data = try XCTUnwrap(BuiltinData.make("placement", seed: 0))
        XCTAssertEqual(data.featureNames, ["cgpa", "resume_score"])
        XCTAssertEqual(data.targetNames, ["salary"])
        XCTAssertEqual(rows(data), [[8, 8, 4], [7, 9, 5], [6, 10, 6], [5, 12, 7]])
    }

    func testLogicGatesAreTheirTruthTables() throws {
        let expected: [String: [Double]] = ["and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "xor": [0, 1, 1, 0]]
        for (name, outputs) in expected {
            let data = try XCTUnwrap(BuiltinData.make(name, seed: 0), name)
            XCTAssertEqual(data.featureNames, ["x1", "x2"], name)
            XCTAssertEqual(data.targetNames, ["y"], name)
            XCTAssertEqual(data.inputs, [0, 0, 0, 1, 1, 0, 1, 1], name)
            XCTAssertEqual(data.targets, outputs, name)
        }
    }

    func testTablesIgnoreSeedAndCount() {
        XCTAssertEqual(BuiltinData.make("xor", seed: 1, count: 50), BuiltinData.make("xor", seed: 2))
    }

    func testUnknownNameAndBadCountGiveNil() {
        XCTAssertNil(BuiltinData.make("iris", seed: 0))
        XCTAssertNil(BuiltinData.make("moons", seed: 0, count: 0))
    }

    func testEveryListedNameMakesADataSet() {
        for name in BuiltinData.names {
            XCTAssertNotNil(BuiltinData.make(name, seed: 7), name)
        }
    }

    // MARK: Generators

    func testGeneratorsRepeatForASeedAndDifferForAnother() throws {
        for name in ["line", "circles", "moons", "spiral"] {
            let first = try XCTUnwrap(BuiltinData.make(name, seed: 42), name)
            XCTAssertEqual(first, BuiltinData.make(name, seed: 42), name)
            XCTAssertNotEqual(first.inputs, BuiltinData.make(name, seed: 43)?.inputs, name)
        }
    }

    func testGeneratorsHaveDefaultCountsAlternatingLabelsAndBoundedFeatures() throws {
        for (name, rowCount) in [("line", 20), ("circles", 100), ("moons", 100), ("spiral", 100)] {
            let data = try XCTUnwrap(BuiltinData.make(name, seed: 5), name)
            XCTAssertEqual(data.count, rowCount, name)
            XCTAssertEqual(data.featureNames, ["x1", "x2"], name)
            XCTAssertEqual(data.targets, (0..<rowCount).map { Double($0 % 2) }, name)
            XCTAssertTrue(data.inputs.allSatisfy { abs($0) <= 1.6 }, name)
        }
        XCTAssertEqual(BuiltinData.make("spiral", seed: 5, count: 7)?.count, 7)
    }

    func testLinePointsAreOnTheirSideOutsideTheMargin() throws {
        let data = try XCTUnwrap(BuiltinData.make("line", seed: 9, count: 200))
        for row in 0..<data.count {
            let x = data.features(row: row)
            let distance = (x[x.startIndex + 1] - 0.5 * x[x.startIndex] - 0.1) / 1.25.squareRoot()
            XCTAssertGreaterThanOrEqual(data.targets[row] == 1 ? distance : -distance, 0.2)
        }
    }

    func testCirclesInnerRingIsInsideOuterRing() throws {
        let data = try XCTUnwrap(BuiltinData.make("circles", seed: 3, count: 400))
        var radii: [[Double]] = [[], []]
        for row in 0..<data.count {
            let x = Array(data.features(row: row))
            radii[Int(data.targets[row])].append((x[0] * x[0] + x[1] * x[1]).squareRoot())
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        XCTAssertEqual(mean(radii[0]), 1.0, accuracy: 0.05)
        XCTAssertEqual(mean(radii[1]), 0.5, accuracy: 0.05)
    }
}

// MARK: - Transforms

extension DataTests {
    func testStandardizedUsesThePopulationStd() throws {
        // Column [1, 2, 3]: mean 2, std √((1 + 0 + 1)/3) = √(2/3). Column [5, 5, 5] is constant.
        let data = DataSet(
            name: "s", featureNames: ["a", "c"], targetNames: ["y"],
            inputs: [1, 5, 2, 5, 3, 5], targets: [7, 8, 9])
        let (scaled, means, stds) = data.standardized()
        let std = (2.0 / 3.0).squareRoot()
        XCTAssertEqual(means, [2, 5])
        XCTAssertEqual(stds[0], std, accuracy: 1e-15)
        XCTAssertEqual(stds[1], 1)
        let expected = [-1 / std, 0, 0, 0, 1 / std, 0]
        for (value, want) in zip(scaled.inputs, expected) { XCTAssertEqual(value, want, accuracy: 1e-12) }
        XCTAssertEqual(scaled.targets, [7, 8, 9])
    }

    func testStandardizedStudents() throws {
        // iq [80, 60, 70]: mean 70, std √((100 + 100 + 0)/3) = √(200/3).
        // gpa [3.5, 4, 3.2]: mean 10.7/3; deviations −0.2/3, 1.3/3, −1.1/3, whose squares sum to
        // 2.94/9, so the variance is 2.94/27 = 0.98/9 and the std √0.98 / 3 ≈ 0.32998.
        let (scaled, means, stds) = try XCTUnwrap(BuiltinData.make("students", seed: 0)).standardized()
        XCTAssertEqual(means[0], 70, accuracy: 1e-12)
        XCTAssertEqual(stds[0], (200.0 / 3.0).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(means[1], 10.7 / 3, accuracy: 1e-12)
        XCTAssertEqual(stds[1], 0.98.squareRoot() / 3, accuracy: 1e-12)
        XCTAssertEqual(scaled.inputs[0], 10 / (200.0 / 3.0).squareRoot(), accuracy: 1e-12)
    }

    func testStandardizedEmptyDataSetIsUnchanged() {
        let data = DataSet(name: "e", featureNames: ["a", "b"], targetNames: ["y"])
        let (scaled, means, stds) = data.standardized()
        XCTAssertEqual(scaled, data)
        XCTAssertEqual(means, [0, 0])
        XCTAssertEqual(stds, [1, 1])
    }

    func testOneHotEncodedSplitsClassLabels() throws {
        let data = DataSet(
            name: "c", featureNames: ["x"], targetNames: ["label"],
            inputs: [0.1, 0.2, 0.3], targets: [2, 0, 1])
        let encoded = try XCTUnwrap(data.oneHotEncoded(classes: 3))
        XCTAssertEqual(encoded.targetNames, ["label=0", "label=1", "label=2"])
        XCTAssertEqual(encoded.targets, [0, 0, 1, 1, 0, 0, 0, 1, 0])
        XCTAssertEqual(encoded.inputs, data.inputs)
    }

    func testOneHotEncodedRefusesWhatIsNotAClassLabel() {
        let labels = DataSet(name: "c", featureNames: ["x"], targetNames: ["y"], inputs: [0, 1], targets: [0, 1])
        XCTAssertNil(labels.oneHotEncoded(classes: 0), "no classes")
        let labelTooLarge = DataSet(name: "c", featureNames: ["x"], targetNames: ["y"], inputs: [0], targets: [3])
        XCTAssertNil(labelTooLarge.oneHotEncoded(classes: 3), "a label of 3 with 3 classes")
        let fraction = DataSet(name: "c", featureNames: ["x"], targetNames: ["y"], inputs: [0], targets: [0.5])
        XCTAssertNil(fraction.oneHotEncoded(classes: 2), "a fractional label")
        let negative = DataSet(name: "c", featureNames: ["x"], targetNames: ["y"], inputs: [0], targets: [-1])
        XCTAssertNil(negative.oneHotEncoded(classes: 2), "a negative label")
        let twoTargets = DataSet(name: "c", featureNames: ["x"], targetNames: ["y", "z"], inputs: [0], targets: [0, 1])
        XCTAssertNil(twoTargets.oneHotEncoded(classes: 2), "two target columns")
    }
}
