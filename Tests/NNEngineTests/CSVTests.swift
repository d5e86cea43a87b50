import XCTest

@testable import NNEngine

/// CSV files as people have them: quoting, separators, classes from words, and one message
/// per kind of mistake with its line and column.
final class CSVTests: XCTestCase {
    private func rows(_ data: DataSet) -> [[Double]] {
        (0..<data.count).map { Array(data.features(row: $0)) + Array(data.target(row: $0)) }
    }

    func testDefaultsTheTargetToTheLastColumn() throws {
        let data = try CSV.parse("x1, x2, y\n1, 2, 3\n-1.5e3, .5, 0\n", name: "points", targets: nil)
        XCTAssertEqual(data.name, "points")
        XCTAssertEqual(data.featureNames, ["x1", "x2"])
        XCTAssertEqual(data.targetNames, ["y"])
        XCTAssertEqual(rows(data), [[1, 2, 3], [-1500, 0.5, 0]])
        XCTAssertEqual(data.classNames, [])
    }

    func testReadsCRLFLoneCRAndSkipsBlankLines() throws {
        XCTAssertEqual(
            rows(try CSV.parse("a,b\r\n\r\n1,2\r\n  \r\n3,4\r\n", name: "crlf", targets: nil)), [[1, 2], [3, 4]])
        XCTAssertEqual(rows(try CSV.parse("a,b\r1,2\r3,4", name: "cr", targets: nil)), [[1, 2], [3, 4]])
        XCTAssertEqual(rows(try CSV.parse("\u{FEFF}a,b\n1,2", name: "bom", targets: nil)), [[1, 2]])
    }

    func testSelectsTargetsByNameOrColumnNumberInTheOrderGiven() throws {
        let text = "a,b,c,d\n1,2,3,4\n"
        let byName = try CSV.parse(text, name: "t", targets: ["d", "b"])
        XCTAssertEqual(byName.featureNames, ["a", "c"])
        XCTAssertEqual(byName.targetNames, ["d", "b"])
        XCTAssertEqual(byName.inputs, [1, 3])
        XCTAssertEqual(byName.targets, [4, 2])
        let byNumber = try CSV.parse(text, name: "t", targets: ["1"])
        XCTAssertEqual(byNumber.featureNames, ["b", "c", "d"])
        XCTAssertEqual(byNumber.targets, [1])
    }

    func testQuotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let text = "\"sepal, length\",\"say \"\"hi\"\"\",\"y\"\n\"1.5\", \" 2 \" ,\"a,\nb\"\n3,4,\"c\"\"d\"\n"
        let data = try CSV.parse(text, name: "q", targets: nil)
        XCTAssertEqual(data.featureNames, ["sepal, length", "say \"hi\""])
        XCTAssertEqual(data.inputs, [1.5, 2, 3, 4])
        XCTAssertEqual(data.classNames, ["a,\nb", "c\"d"])
        XCTAssertEqual(data.targets, [0, 1])
    }

    func testSeparatorIsDetectedFromTheHeaderOrGiven() throws {
        XCTAssertEqual(rows(try CSV.parse("a;b;c\n1.5;2;3\n", name: "s", targets: ["a"])), [[2, 3, 1.5]])
        XCTAssertEqual(rows(try CSV.parse("a\tb\n1\t2\n", name: "t", targets: nil)), [[1, 2]])
        XCTAssertEqual(rows(try CSV.parse("\"a;b\",c,d\n1,2,3\n", name: "quoted", targets: nil)), [[1, 2, 3]])
        XCTAssertEqual(rows(try CSV.parse("sep=;\na;b\n1;2\n", name: "excel", targets: nil)), [[1, 2]])
        XCTAssertEqual(rows(try CSV.parse("a,b;c\n1,2;3\n", name: "given", targets: nil, separator: .comma)).count, 1)
        XCTAssertEqual(rows(try CSV.parse("a b\tc\n1 \t2\n", name: "tab", targets: nil, separator: .tab)), [[1, 2]])
        XCTAssertEqual(CSVSeparator(name: "tab"), .tab)
        XCTAssertEqual(CSVSeparator(name: ";"), .semicolon)
        XCTAssertNil(CSVSeparator(name: "|"))
    }

    func testWordsInTheTargetBecomeSortedClasses() throws {
        let text = "x,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n"
        let data = try CSV.parse(text, name: "iris", targets: nil)
        XCTAssertEqual(data.classNames, ["setosa", "versicolor", "virginica"])
        XCTAssertEqual(data.targets, [2, 0, 1, 0])
        let oneHot = try XCTUnwrap(data.oneHotEncoded(classes: 3))
        XCTAssertEqual(oneHot.targetNames, ["species=setosa", "species=versicolor", "species=virginica"])
        XCTAssertEqual(Array(oneHot.target(row: 0)), [0, 0, 1])
        XCTAssertEqual(oneHot.classNames, data.classNames)
        let twoClasses = try CSV.parse("x,label\n1,yes\n2,no\n3,1\n", name: "b", targets: nil)
        XCTAssertEqual(twoClasses.classNames, ["1", "no", "yes"], "once a column is words, every value is a name")
        XCTAssertEqual(twoClasses.targets, [2, 1, 0])
    }

    func testAManyMegabyteFileReadsEveryNumber() throws {
        var text = "a,b,c\n"
        var expected: [Double] = []
        for row in 0..<20_000 {
            let values = [Double(row) * 0.25, -Double(row) / 3, Double(row % 7) * 1e-5]
            text += values.map { $0.description }.joined(separator: ",") + "\n"
            expected += values
        }
        let data = try CSV.parse(text, name: "big", targets: ["c"])
        XCTAssertEqual(data.count, 20_000)
        XCTAssertEqual(data.targets.count, 20_000)
        XCTAssertEqual(data.inputs[2 * 12345 + 1].bitPattern, expected[3 * 12345 + 1].bitPattern)
        XCTAssertEqual(data.targets[19_999], expected[3 * 19_999 + 2])
    }

    func testAnIrisLikeFileLoadsAndTrains() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NNShellTests/Transcripts/data/iris-like.csv")
        let raw = try CSV.parse(String(contentsOf: url, encoding: .utf8), name: "iris", targets: nil)
        XCTAssertEqual(raw.featureNames, ["sepal.length", "sepal.width", "petal.length", "petal.width"])
        XCTAssertEqual(raw.classNames, ["Setosa", "Versicolor", "Virginica"])
        XCTAssertEqual(Array(raw.features(row: 0)), [5.1, 3.5, 1.4, 0.2])
        let data = try XCTUnwrap(raw.standardized().0.oneHotEncoded(classes: 3))
        var network = Network(sizes: [4, 6, 3], activations: [.sigmoid, .softmax], loss: .cce)
        Initializer.xavier.initialize(&network, seed: 4)
        var training = Training(network: network, data: data)
        let before = training.network.meanLoss(on: data)
        _ = try training.run(.passes(300))
        let after = training.network.meanLoss(on: data)
        XCTAssertLessThan(after, before / 50, "the mean loss falls from \(before) to \(after)")
        let predictions = training.network.predictions(data.inputs)
        let correct = (0..<data.count).filter { row in
            let scores = predictions[row * 3..<row * 3 + 3]
            return scores.indices.max { scores[$0] < scores[$1] }! - row * 3 == Int(raw.targets[row])
        }.count
        XCTAssertEqual(correct, 30)
    }
}
