import NNEngine
import XCTest

@testable import NNShell

/// A run with known spikes: one row in four costs (−5 − ŷ)² while the others cost (1 − ŷ)², for
/// 20,000 sgd updates in row order. Thinning every 16th update would draw the same row each
/// time; the envelopes must show both the spikes and the floor in every column.
final class PlotSpikeTests: XCTestCase {
    static let setup = [
        "net 1-1 init=0", "data add 1 -> 1", "data add 1 -> 1", "data add 1 -> 1", "data add 1 -> -5",
        "set lr 0.001", "epoch 5000"
    ]

    func session() -> Session {
        let session = PlotGoldenTests.session(ascii: false, width: 80)
        for line in Self.setup { XCTAssertNil(session.evaluate(line).error, line) }
        return session
    }

    /// Every update's loss, worked out again by a plain loop over the same rows (ŷ = w + b).
    func bruteForceLosses() -> [Double] {
        var w = 0.0, b = 0.0, losses: [Double] = []
        let rows: [Double] = [1, 1, 1, -5]
        for update in 0..<20_000 {
            let y = rows[update % 4], e = y - (w + b)
            losses.append(e * e)
            w += 0.001 * 2 * e
            b += 0.001 * 2 * e
        }
        return losses
    }

    func testEveryColumnShowsTheSpikeAndTheFloor() throws {
        let session = session()
        let training = try XCTUnwrap(session.state.training)
        let brute = bruteForceLosses()
        let buckets = training.recorder.lossBuckets
        XCTAssertEqual(buckets.last?.last, 20_000)
        XCTAssertEqual(buckets.map(\.max).max()!, brute.max()!, accuracy: 1e-9, "the record keeps the true maximum")
        let panel = PlotData.lossPanel(
            current: PlotData.run(training, name: "this run", notation: Notation(ascii: false)),
            kept: [], axis: .updates, logY: false)
        let axes = try XCTUnwrap(panel.axes(xTicks: 5, yTicks: 5))
        XCTAssertGreaterThanOrEqual(axes.y.high, brute.max()!, "the axis covers the true extremes")
        let place = { (x: Double) in Int((x / 20_000 * 151).rounded()) }
        let columns = PlotColumns.gather(panel.series[0].spans) { place($0) }
        XCTAssertGreaterThan(columns.count, 100)
        // The same columns from the brute-force losses: each bucket's updates go to its middle's column.
        var expected: [Int: [Double]] = [:]
        for b in buckets {
            expected[place(Double(b.first + b.last) / 2), default: []] += brute[(b.first - 1)...(b.last - 1)]
        }
        for column in columns {
            let values = try XCTUnwrap(expected[column.column])
            XCTAssertEqual(column.high, values.max()!, accuracy: 1e-9)
            XCTAssertEqual(column.low, values.min()!, accuracy: 1e-9)
            XCTAssertEqual(column.mean, values.reduce(0, +) / Double(values.count), accuracy: 1e-9)
            XCTAssertEqual(column.count, values.count)
        }
        for column in columns.dropFirst(10) {
            // After the start the spike row costs about (−5 + 0.5)² = 20.25 and the others (1 + 0.5)² = 2.25.
            XCTAssertGreaterThan(column.high, 20, "column \(column.column) shows the spike")
            XCTAssertLessThan(column.low, 2.5, "column \(column.column) shows the floor")
        }
        let picture = session.evaluate("plot loss updates").output
        XCTAssertTrue(picture.contains("each column: up to"), picture)
        // The row of the plot at 20 is drawn across the width, not only where a sample fell.
        let row20 = try XCTUnwrap(picture.split(separator: "\n").first { $0.hasPrefix("20 ┤") })
        XCTAssertGreaterThan(row20.filter { $0 != " " }.count, 60, String(row20))
    }

    func testTheSVGDrawsEachSharedBucketsRange() throws {
        let directory = NSTemporaryDirectory() + "nnstep-spikes-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = PlotGoldenTests.session(ascii: false, width: 80, directory: directory)
        for line in Self.setup { XCTAssertNil(session.evaluate(line).error, line) }
        XCTAssertNil(session.evaluate("plot loss updates --svg spikes.svg").error)
        let svg = try String(contentsOfFile: directory + "/spikes.svg", encoding: .utf8)
        let ranges = svg.components(separatedBy: "class=\"range\"").count - 1
        let shared = session.state.training!.recorder.lossBuckets.filter { $0.count > 1 }.count
        XCTAssertGreaterThan(shared, 1000)
        XCTAssertGreaterThanOrEqual(ranges, shared, "one range line per shared bucket")
        XCTAssertTrue(svg.contains("is drawn from its minimum to its maximum"))
        XCTAssertFalse(svg.contains("\u{1B}["), "no terminal escape codes in a file")
    }
}
