import XCTest

@testable import NNEngine

final class GradientCheckFloorTests: XCTestCase {
    func check(_ analytic: Double, _ numeric: Double) -> GradientCheck {
        GradientCheck(parameter: .bias(layer: 1, node: 1), analytic: analytic, numeric: numeric, step: 1e-6)
    }

    func testTwoNegligibleNumbersAgree() {
        // The case that was called a mismatch: backprop −5.6e-17 against a central difference of 0.
        XCTAssertEqual(check(-5.6e-17, 0).relativeDifference, 0)
        XCTAssertEqual(check(3e-13, -9e-13).relativeDifference, 0)
        XCTAssertTrue(check(0, 0).bothNegligible)
    }

    func testAboveTheFloorTheRatioCounts() {
        XCTAssertEqual(check(2e-12, 1e-12).relativeDifference, 0.5)
        XCTAssertEqual(check(1e-13, 1e-11).relativeDifference, 0.99, accuracy: 1e-15, "one above the floor is enough")
        XCTAssertEqual(check(0.5, 0.25).relativeDifference, 0.5)
    }
}
