import Foundation
import NNEngine
import XCTest

@testable import NNShell

/// Every `plot … --svg FILE` is parsed as XML and its axes and series are checked against
/// the numbers in the session: pixels turned back into data must give the data.
final class PlotSVGTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nnstep-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Runs `setup`, then `command` (which writes `file`), and returns the session and the parsed SVG.
    func svg(_ setup: [String], _ command: String, file: String = "out.svg") throws -> (Session, XMLNode) {
        let session = PlotGoldenTests.session(ascii: false, width: 80, directory: directory.path)
        for line in setup + [command] {
            let outcome = session.evaluate(line)
            XCTAssertNil(outcome.error, "\(line): \(outcome.error?.message ?? "")")
        }
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        let root = try XCTUnwrap(XMLNode.parse(data))
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertNotNil(root.number("width")); XCTAssertNotNil(root.number("height")); XCTAssertNotNil(root["viewBox"])
        return (session, root)
    }

    /// Checks each tick: its value inside the axis, its label that value, and its place on the axis.
    func checkAxes(_ root: XMLNode, _ frame: PlotFrame, file: StaticString = #filePath, line: UInt = #line) {
        let xTicks = root.elements("g", class: "x-axis").flatMap { $0.elements("text", class: "tick") }
        let yTicks = root.elements("g", class: "y-axis").flatMap { $0.elements("text", class: "tick") }
        XCTAssertGreaterThanOrEqual(xTicks.count, 2, "x ticks", file: file, line: line)
        XCTAssertGreaterThanOrEqual(yTicks.count, 2, "y ticks", file: file, line: line)
        for tick in xTicks {
            let value = tick.number("data-value")!, x = tick.number("x")!
            XCTAssertEqual(Double(tick.text)!, value, accuracy: abs(value) * 1e-9 + 1e-12, file: file, line: line)
            XCTAssertTrue(
                value >= frame.xMin - 1e-9 && value <= frame.xMax + 1e-9, "x tick \(value) outside the axis",
                file: file, line: line)
            XCTAssertEqual(frame.dataX(x), value, accuracy: frame.xTolerance, file: file, line: line)
        }
        for tick in yTicks {
            let value = tick.number("data-value")!, y = tick.number("y")! - 4
            XCTAssertEqual(Double(tick.text)!, value, accuracy: abs(value) * 1e-9 + 1e-12, file: file, line: line)
            XCTAssertTrue(
                value >= frame.yMin * (1 - 1e-12) - 1e-12 && value <= frame.yMax * (1 + 1e-12) + 1e-12, file: file,
                line: line)
            XCTAssertEqual(frame.dataY(y), value, accuracy: frame.yTolerance(value), file: file, line: line)
        }
    }

    /// Checks that series `name` draws exactly `points`.
    func checkSeries(
        _ area: XMLNode, _ name: String, _ points: [(Double, Double)], file: StaticString = #filePath,
        line: UInt = #line
    ) {
        guard let series = area.elements("g", class: "series").first(where: { $0["data-name"] == name }),
            let frame = PlotFrame(area)
        else {
            return XCTFail("no series '\(name)'", file: file, line: line)
        }
        let drawn = series.elements("polyline").flatMap(polylinePoints)
        XCTAssertEqual(drawn.count, points.count, "points of '\(name)'", file: file, line: line)
        for ((px, py), (x, y)) in zip(drawn, points) {
            XCTAssertEqual(frame.dataX(px), x, accuracy: frame.xTolerance, file: file, line: line)
            XCTAssertEqual(frame.dataY(py), y, accuracy: frame.yTolerance(y), file: file, line: line)
        }
    }

    func legendTexts(_ root: XMLNode) -> [String] {
        root.elements("g", class: "legend").flatMap { $0.elements("text") }.map(\.text)
    }

    func testLossSVGDrawsEveryRecordedLossAndEpochMean() throws {
        let (session, root) = try svg(PlotGoldenTests.twoTwoOne + ["epoch 50"], "plot loss --svg out.svg")
        let recorder = session.state.training!.recorder
        let area = try XCTUnwrap(root.elements("g", class: "plot-area").first)
        let frame = try XCTUnwrap(PlotFrame(area))
        XCTAssertFalse(frame.logY)
        checkAxes(root, frame)
        checkSeries(area, "loss of each update", recorder.lossBuckets.map { (Double($0.first), $0.mean) })
        checkSeries(
            area, "mean loss of each epoch (at its last update)",
            recorder.epochBuckets.map { (Double($0.lastTag), $0.mean) })
        XCTAssertEqual(legendTexts(root), ["loss of each update", "mean loss of each epoch (at its last update)"])
    }

    func testLogarithmicLossSVGMapsValuesThroughTheLogarithm() throws {
        let (session, root) = try svg(PlotGoldenTests.twoTwoOne + ["epoch 50"], "plot loss epochs --log --svg out.svg")
        let area = try XCTUnwrap(root.elements("g", class: "plot-area").first)
        let frame = try XCTUnwrap(PlotFrame(area))
        XCTAssertTrue(frame.logY)
        checkAxes(root, frame)
        let epochs = session.state.training!.recorder.epochBuckets
        checkSeries(area, "mean loss of each epoch", epochs.map { (Double($0.first), $0.mean) })
    }

    func testKeptRunsShareOnePlotOneSeriesEach() throws {
        let (session, root) = try svg(
            PlotGoldenTests.gradientDescentVariants, "plot loss --svg runs.svg", file: "runs.svg")
        let area = try XCTUnwrap(root.elements("g", class: "plot-area").first)
        checkAxes(root, try XCTUnwrap(PlotFrame(area)))
        let runs = session.state.savedRuns
        XCTAssertEqual(runs.map(\.name), ["sgd", "batch"])
        for run in runs { checkSeries(area, run.name, run.epochs.map { (Double($0.first), $0.mean) }) }
        let current = session.state.training!.recorder.epochBuckets
        checkSeries(area, "this run", current.map { (Double($0.first), $0.mean) })
        XCTAssertEqual(legendTexts(root).prefix(3), ["sgd", "batch", "this run"])
        XCTAssertEqual(area.elements("g", class: "series").count, 3)
    }

    func testWeightsSVGHasOnePanelPerLayerOnOneScaleStartingFromTheInitialValues() throws {
        let (session, root) = try svg(PlotGoldenTests.twoTwoOne + ["epoch 50"], "plot weights --svg out.svg")
        let training = session.state.training!
        let panels = root.elements("g", class: "panel")
        let areas = root.elements("g", class: "plot-area")
        XCTAssertEqual(panels.count, 2)
        XCTAssertEqual(areas.count, 2)
        let frames = areas.compactMap(PlotFrame.init)
        XCTAssertEqual(Set(frames.map(\.yMin)).count, 1, "one y scale")
        XCTAssertEqual(Set(frames.map(\.yMax)).count, 1, "one y scale")
        for (k, area) in zip(1...2, areas) {
            let parameters = PlotData.layerParameters(k, training.network)
            XCTAssertEqual(
                area.elements("g", class: "series").map { $0["data-name"]! },
                parameters.map(Notation(ascii: false).parameter))
            for p in parameters {
                let index = training.network.index(of: p)!
                let history = training.recorder.parameterBuckets(index)!.map { (Double($0.first), $0.mean) }
                checkSeries(
                    area, Notation(ascii: false).parameter(p), [(0, training.initialParameters[index])] + history)
            }
        }
        for (panel, frame) in zip(panels, frames) { checkAxes(panel, frame) }
    }

    func testGradientSVGIsLogarithmicWithOneSeriesPerLayer() throws {
        let (session, root) = try svg(PlotGoldenTests.twoTwoOne + ["epoch 50"], "plot grads --svg out.svg")
        let recorder = session.state.training!.recorder
        let area = try XCTUnwrap(root.elements("g", class: "plot-area").first)
        let frame = try XCTUnwrap(PlotFrame(area))
        XCTAssertTrue(frame.logY)
        checkAxes(root, frame)
        for k in 1...2 {
            checkSeries(
                area, PlotData.gradientName(k, Notation(ascii: false)),
                recorder.gradientNormBuckets(layer: k).map { (Double($0.first), $0.mean) })
        }
    }

    func testBoundarySVGPlacesEveryRowAndTheLineWhereTheyAre() throws {
        let (session, root) = try svg(
            ["net 2-1 act=step loss=perceptron init=0.1", "data and", "step 6"], "plot boundary --svg out.svg")
        let training = session.state.training!
        let area = try XCTUnwrap(root.elements("g", class: "plot-area").first)
        let frame = try XCTUnwrap(PlotFrame(area))
        checkAxes(root, frame)
        let points = area.elements(class: "point")
        XCTAssertEqual(points.count, training.data.count)
        for (row, point) in points.enumerated() {
            let x = training.data.features(row: row).first!, y = training.data.features(row: row).last!
            XCTAssertEqual(point.number("data-x"), x)
            XCTAssertEqual(point.number("data-y"), y)
            XCTAssertEqual(point["data-class"], "\(Int(training.data.target(row: row).first!))")
            let (cx, cy) = (point.number("cx") ?? point.number("x")! + 4, point.number("cy") ?? point.number("y")! + 4)
            XCTAssertEqual(frame.dataX(cx), x, accuracy: frame.xTolerance)
            XCTAssertEqual(frame.dataY(cy), y, accuracy: frame.yTolerance(y))
        }
        let line = try XCTUnwrap(area.elements("line", class: "boundary-line").first)
        let (w1, w2, b) = (
            training.network.parameters[0], training.network.parameters[1], training.network.parameters[2]
        )
        for end in [("x1", "y1"), ("x2", "y2")] {
            let x = frame.dataX(line.number(end.0)!), y = frame.dataY(line.number(end.1)!)
            XCTAssertEqual(w1 * x + w2 * y + b, 0, accuracy: 0.01, "each end of the line is on w1·x1 + w2·x2 + b = 0")
        }
        let previous = try XCTUnwrap(area.elements("line", class: "previous-line").first, "update 6 moved the line")
        let before = try XCTUnwrap(training.lastStep?.parametersBefore)
        for end in [("x1", "y1"), ("x2", "y2")] {
            let x = frame.dataX(previous.number(end.0)!), y = frame.dataY(previous.number(end.1)!)
            XCTAssertEqual(
                before[0] * x + before[1] * y + before[2], 0, accuracy: 0.01,
                "the dashed line is the line before the update")
        }
        XCTAssertEqual(area.elements("circle", class: "highlight").count, 1)
    }

    func testBoundarySVGRegionsCoverThePlotAndFollowThePrediction() throws {
        let (session, root) = try svg(
            ["net 2-4-1 act=tanh,sigmoid init=uniform seed=5", "data xor", "set lr 0.5", "epoch 2000"],
            "plot boundary --svg out.svg")
        let network = session.state.training!.network
        let area = try XCTUnwrap(root.elements("g", class: "plot-area").first)
        let frame = try XCTUnwrap(PlotFrame(area))
        let regions = root.elements("rect").filter { $0["data-class"] != nil }
        XCTAssertFalse(regions.isEmpty)
        var widthByRow: [Double: Double] = [:]
        for rect in regions { widthByRow[rect.number("y")!, default: 0] += rect.number("width")! - 0.5 }
        for (_, width) in widthByRow { XCTAssertEqual(width, frame.width, accuracy: 0.2 * Double(regions.count)) }
        for rect in regions.filter({ $0.number("width")! > 20 }) {
            let x = frame.dataX(rect.number("x")! + rect.number("width")! / 2),
                y = frame.dataY(rect.number("y")! + rect.number("height")! / 2)
            XCTAssertEqual(rect["data-class"], network.predict([x, y])[0] >= 0.5 ? "1" : "0")
        }
    }

    func testNamesWithMarkupAreEscaped() throws {
        let (_, root) = try svg(
            PlotGoldenTests.twoTwoOne + ["epoch 5", "plot keep <a&b>'c", "reset", "set lr 0.02", "epoch 5"],
            "plot loss --svg out.svg")
        XCTAssertTrue(legendTexts(root).contains("<a&b>'c"))
    }

    func testWritingReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let session = PlotGoldenTests.session(ascii: false, width: 80, directory: directory.path)
        for line in PlotGoldenTests.twoTwoOne + ["epoch 5"] { _ = session.evaluate(line) }
        try "old".write(to: directory.appendingPathComponent("a.svg"), atomically: true, encoding: .utf8)
        XCTAssertTrue(session.evaluate("plot loss --svg a.svg").output.hasSuffix("wrote a.svg (SVG)\n"))
        XCTAssertTrue(
            try String(contentsOf: directory.appendingPathComponent("a.svg"), encoding: .utf8).hasPrefix("<?xml"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["a.svg"])
        let missing = session.evaluate("plot loss --svg nowhere/a.svg")
        XCTAssertEqual(missing.error?.message, "cannot write 'nowhere/a.svg': the directory 'nowhere' does not exist")
    }
}
