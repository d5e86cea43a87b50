import XCTest

@testable import NNEngine

/// The records against brute force: every value kept separately, then each bucket's
/// minimum, maximum and mean worked out from the values it covers.
final class EnvelopeTests: XCTestCase {
    /// Checks the contract's shape and every bucket's numbers against `values`.
    func check(
        _ buckets: [Envelope.Bucket], against values: [Double], file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertLessThanOrEqual(buckets.count, 4096, file: file, line: line)
        XCTAssertGreaterThanOrEqual(buckets.count, min(values.count, 2048), file: file, line: line)
        if values.count <= 2048 {
            XCTAssertEqual(buckets.count, values.count, "every value its own bucket", file: file, line: line)
        }
        var next = 1
        for b in buckets {
            XCTAssertEqual(b.first, next, "consecutive", file: file, line: line)
            XCTAssertGreaterThanOrEqual(b.last, b.first, file: file, line: line)
            let inside = values[(b.first - 1)...(b.last - 1)]
            XCTAssertEqual(b.min, inside.min()!, file: file, line: line)
            XCTAssertEqual(b.max, inside.max()!, file: file, line: line)
            let mean = inside.reduce(0, +) / Double(inside.count)
            XCTAssertEqual(b.mean, mean, accuracy: 1e-12 * max(1, abs(mean)), file: file, line: line)
            next = b.last + 1
        }
        XCTAssertEqual(next, values.count + 1, "covers every value", file: file, line: line)
    }

    /// A bumpy series with a spike every 997 values.
    func series(_ n: Int, phase: Double = 0) -> [Double] {
        (0..<n).map { i -> Double in
            let spike: Double = i % 997 == 500 ? 40 : 0
            return sin(Double(i) * 0.37 + phase) + spike
        }
    }

    func envelope(_ values: [[Double]]) -> Envelope {
        var e = Envelope(seriesCount: values.count)
        for i in values[0].indices {
            e.append(tag: i + 1) { slot in for s in values.indices { slot[s] = values[s][i] } }
        }
        return e
    }

    func testBucketsMatchBruteForceAtEveryLength() {
        for n in [1, 10, 2048, 2049, 4096, 4097, 6000, 100_000] {
            let values = [series(n), series(n, phase: 1).map { $0 * 3 }]
            let e = envelope(values)
            XCTAssertEqual(e.count, n)
            for s in 0..<2 { check(e.buckets(series: s), against: values[s]) }
        }
    }

    func testTheNewestValuesStayOnTheirOwnAndTruncateExactly() {
        let values = series(100_000)
        var e = envelope([values])
        XCTAssertEqual(e.recentCount, 2048)
        XCTAssertEqual(e.value(at: 100_000, series: 0), values[99_999])
        XCTAssertNil(e.value(at: 1, series: 0), "the first value is inside a shared bucket by now")
        XCTAssertTrue(e.truncate(whereTagAbove: 98_000))
        XCTAssertEqual(e.count, 98_000)
        check(e.buckets(series: 0), against: Array(values.prefix(98_000)))
        XCTAssertFalse(e.truncate(whereTagAbove: 10), "shared buckets cannot be cut")
        XCTAssertEqual(e.count, 97_952)
    }

    /// The training loop records every update: the loss of each, as the loop's observer sees it.
    func testTrainingRecordsEveryUpdateAndEveryEpoch() throws {
        for n in [10, 2048, 2049, 100_000] {
            var training = placement()
            var losses: [Double] = []
            _ = try training.run(.updates(n), observeEvery: 1, explain: false) {
                losses.append($0.lastLoss); return true
            }
            XCTAssertEqual(losses.count, n)
            check(training.recorder.lossBuckets, against: losses)
            // sgd over 4 rows in order: an epoch's mean is the mean of 4 consecutive losses.
            let epochs = stride(from: 0, to: n - n % 4, by: 4).map { i -> Double in
                let sum: Double = losses[i] + losses[i + 1] + losses[i + 2] + losses[i + 3]
                return sum / 4
            }
            check(training.recorder.epochBuckets, against: epochs)
            XCTAssertEqual(
                training.recorder.epochBuckets.last?.lastTag, n - n % 4, "tagged with the update that ended it")
        }
    }

    func testUndoShortensTheRecordAndTheNextEpochMeanIsExact() throws {
        var long = placement(), short = placement()
        _ = try long.run(.updates(10_000))
        _ = try short.run(.updates(8_201))
        XCTAssertEqual(long.undo(1_799), 1_799)
        XCTAssertEqual(long.recorder.count, 8_201)
        XCTAssertEqual(long.recorder.epochCount, 2_050)
        _ = try long.run(.updates(5))
        _ = try short.run(.updates(5))
        XCTAssertEqual(
            long.recorder.lastEpochLoss?.bitPattern, short.recorder.lastEpochLoss?.bitPattern,
            "the epoch that straddles the undo sums every one of its samples")
        XCTAssertGreaterThanOrEqual(long.recorder.lossBuckets.count, 2048)
    }

    func testGradientNormsAndParametersAreRecordedForEveryUpdate() throws {
        var training = placement()
        var norms: [Double] = [], firstWeight: [Double] = []
        for _ in 0..<30 {
            _ = try training.run(.updates(1))
            let g = training.lastStep!.gradient, w = training.network
            norms.append(g[w.weightOffsets[1]..<w.biasOffsets[1]].reduce(0) { $0 + $1 * $1 }.squareRoot())
            firstWeight.append(training.network.parameters[0])
        }
        check(training.recorder.gradientNormBuckets(layer: 1), against: norms)
        check(training.recorder.parameterBuckets(0)!, against: firstWeight)
    }

    func placement() -> Training {
        var network = Network(sizes: [2, 3, 1], activations: [.tanh, .linear], loss: .mse)
        Initializer.xavier.initialize(&network, seed: 4)
        let data = DataSet(
            name: "placement", featureNames: ["cgpa", "resume"], targetNames: ["salary"],
            inputs: [8, 8, 7, 9, 6, 10, 5, 12], targets: [4, 5, 6, 7])
        var t = Training(network: network, data: data)
        t.settings.learningRate = 0.001
        return t
    }
}
