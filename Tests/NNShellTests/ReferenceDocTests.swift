import XCTest

@testable import NNShell

/// docs/REFERENCE.md is generated from the command declarations; it fails when stale.
final class ReferenceDocTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testTheCommandReferenceIsGeneratedFromTheDeclarations() {
        Golden.assertMatches(Command.referenceDocument(), Self.root.appendingPathComponent("docs/REFERENCE.md"))
    }

    func testEveryCommandIsInTheReferenceWithItsUsage() {
        let text = Command.referenceDocument()
        for command in Command.all {
            XCTAssertTrue(text.contains("\n## \(command.name)\n\n```\n\(command.usage)\n```"), command.name)
        }
    }

    func testSubcommandsAreOfferedByTab() {
        let session = Session(options: SessionOptions())
        XCTAssertEqual(session.complete("export "), ["json"])
        XCTAssertEqual(Array(session.complete("inspect ").prefix(2)), ["weights", "gradients"])
    }
}
