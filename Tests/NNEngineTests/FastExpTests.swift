import XCTest

@testable import NNEngine

final class FastExpTests: XCTestCase {
    func testFastExpIsWithinTwoUlpsOfTheLibraryExp() {
        var random = SplitMix64(seed: 7)
        var worst = 0.0
        for _ in 0..<200_000 {
            let x = random.uniform(-700, 700)
            let expected = exp(x), got = fastExp(x)
            worst = max(worst, abs(got - expected) / expected)
        }
        XCTAssertLessThan(worst, 4.5e-16)
        XCTAssertEqual(fastExp(0), 1)
        XCTAssertEqual(fastExp(1), M_E, accuracy: 4.5e-16 * M_E)
        XCTAssertEqual(fastExp(800), .infinity)
        XCTAssertEqual(fastExp(-800), 0)
        XCTAssertTrue(fastExp(.nan).isNaN)
        XCTAssertEqual(fastExp(-.infinity), 0)
    }
}
