import XCTest

@testable import NNEngine

/// The Playground-like generators: seeded, repeatable, and true to their definitions.
final class GeneratorTests: XCTestCase {
    func testEveryGeneratorRepeatsForASeedCountAndNoiseAndDiffersForAnother() throws {
        for name in BuiltinData.generators {
            let first = try XCTUnwrap(BuiltinData.make(name, seed: 42, count: 50, noise: 0.2), name)
            XCTAssertEqual(first, BuiltinData.make(name, seed: 42, count: 50, noise: 0.2), name)
            XCTAssertEqual(first.count, 50, name)
            XCTAssertNotEqual(first.inputs, BuiltinData.make(name, seed: 43, count: 50, noise: 0.2)?.inputs, name)
            XCTAssertNotEqual(first, BuiltinData.make(name, seed: 42, count: 50, noise: 0.3), name)
        }
    }

    func testTheDefaultNoiseIsTheNoiseGivenExplicitly() throws {
        for name in BuiltinData.generators {
            let noise = try XCTUnwrap(BuiltinData.defaultNoise(name), name)
            XCTAssertEqual(BuiltinData.make(name, seed: 7), BuiltinData.make(name, seed: 7, noise: noise), name)
        }
        XCTAssertNil(BuiltinData.make("moons", seed: 0, noise: -0.1))
        XCTAssertNil(BuiltinData.make("moons", seed: 0, noise: .infinity))
    }

    func testXorcloudLabelsFollowTheSignOfTheProductWithoutNoise() throws {
        let data = try XCTUnwrap(BuiltinData.make("xorcloud", seed: 3, count: 400, noise: 0))
        for row in 0..<data.count {
            let x = Array(data.features(row: row))
            XCTAssertEqual(data.targets[row], x[0] * x[1] > 0 ? 1 : 0, "row \(row)")
            XCTAssertTrue(x.allSatisfy { abs($0) >= 0.05 && abs($0) <= 1 })
        }
        XCTAssertEqual(data.targets, (0..<400).map { Double($0 % 2) })
        let noisy = try XCTUnwrap(BuiltinData.make("xorcloud", seed: 3, count: 400, noise: 0.3))
        let crossed = (0..<noisy.count).filter { row in
            let x = Array(noisy.features(row: row))
            return noisy.targets[row] != (x[0] * x[1] > 0 ? 1 : 0)
        }
        XCTAssertFalse(crossed.isEmpty, "with noise some points cross an axis")
    }

    func testPlaneWithoutNoiseLiesOnOnePlane() throws {
        let data = try XCTUnwrap(BuiltinData.make("plane", seed: 5, count: 200, noise: 0))
        // The plane through the first three points (solved by Cramer's rule) holds every other one.
        let p = (0..<3).map { [data.inputs[2 * $0], data.inputs[2 * $0 + 1], data.targets[$0]] }
        let u = (0..<3).map { p[1][$0] - p[0][$0] }, v = (0..<3).map { p[2][$0] - p[0][$0] }
        let normal = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]
        for row in 0..<data.count {
            let point = [data.inputs[2 * row], data.inputs[2 * row + 1], data.targets[row]]
            let distance = (0..<3).map { normal[$0] * (point[$0] - p[0][$0]) }.reduce(0, +)
            XCTAssertEqual(distance, 0, accuracy: 1e-12, "row \(row)")
        }
        // and it is 0.6·x1 − 0.4·x2 + 0.1
        XCTAssertEqual(-normal[0] / normal[2], 0.6, accuracy: 1e-12)
        XCTAssertEqual(-normal[1] / normal[2], -0.4, accuracy: 1e-12)
        let noisy = try XCTUnwrap(BuiltinData.make("plane", seed: 5, count: 2000, noise: 0.05))
        let residuals = (0..<noisy.count).map { (row: Int) -> Double in
            let x1: Double = noisy.inputs[2 * row], x2: Double = noisy.inputs[2 * row + 1]
            let onPlane: Double = 0.6 * x1 - 0.4 * x2 + 0.1
            return noisy.targets[row] - onPlane
        }
        let std = (residuals.map { $0 * $0 }.reduce(0, +) / 2000).squareRoot()
        XCTAssertEqual(std, 0.05, accuracy: 0.005)
    }

    func testMultigaussIsItsSumOfBumps() throws {
        let data = try XCTUnwrap(BuiltinData.make("multigauss", seed: 8, count: 100, noise: 0))
        for row in 0..<data.count {
            let x1 = data.inputs[2 * row], x2 = data.inputs[2 * row + 1]
            let bump = { (c1: Double, c2: Double) in
                Foundation.exp(-((x1 - c1) * (x1 - c1) + (x2 - c2) * (x2 - c2)) / 0.245)
            }
            let expected = bump(-0.5, -0.5) + bump(0.5, 0.5) - bump(-0.5, 0.5) - bump(0.5, -0.5)
            XCTAssertEqual(data.targets[row], expected, accuracy: 1e-14)
        }
        XCTAssertEqual(BuiltinData.multigauss(0.5, 0.5), 1 + exp(-2 / 0.245) - 2 * exp(-1 / 0.245), accuracy: 1e-15)
    }

    func testGaussBlobsSitAroundTheirCentres() throws {
        let data = try XCTUnwrap(BuiltinData.make("gauss", seed: 1, count: 2000, noise: 0.25))
        for label in [0.0, 1.0] {
            let rows = (0..<data.count).filter { data.targets[$0] == label }
            let mean = rows.map { data.inputs[2 * $0] }.reduce(0, +) / Double(rows.count)
            XCTAssertEqual(mean, label == 1 ? 0.5 : -0.5, accuracy: 0.03)
        }
        let exact = try XCTUnwrap(BuiltinData.make("gauss", seed: 1, count: 4, noise: 0))
        XCTAssertEqual(exact.inputs, [-0.5, -0.5, 0.5, 0.5, -0.5, -0.5, 0.5, 0.5])
    }
}
